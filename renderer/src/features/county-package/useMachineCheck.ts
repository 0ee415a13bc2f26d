import { useCallback, useRef } from 'react';
import type { Input, Output } from '../../../../shared/api/contract';
import { api } from '../../api/client';

type NumberField = 'factoryNo' | 'engineNo' | 'frameNo' | 'plateNo';

interface Options {
  purpose: 'purchase' | 'scrap';
  fields: readonly NumberField[];
  /** The field's current text. */
  read: (field: NumberField) => string | null | undefined;
  /** Shows (message) or clears (null) the check's refusal under the field. */
  mark: (field: NumberField, message: string | null) => void;
  exceptId?: string;
}

/**
 * The counter's live check (machineIndex.check): run on a QR scan and on leaving a number field, so a
 * machine already subsidised or scrapped — here or at another station in the county package — is refused
 * under its field before anything is saved. The save checks again on the service side.
 */
export function useMachineCheck({ purpose, fields, read, mark, exceptId }: Options) {
  const marked = useRef(new Set<NumberField>());
  const latest = useRef(0);
  return useCallback(
    async (override: Partial<Record<NumberField, string>> = {}): Promise<Output<'machineIndex.check'> | null> => {
      const input: Input<'machineIndex.check'> = { purpose, exceptId };
      for (const f of fields) {
        const v = (override[f] ?? read(f) ?? '').trim();
        if (v) input[f] = v.slice(0, 60);
      }
      const run = ++latest.current;
      let answer: Output<'machineIndex.check'>;
      try {
        answer = await api.machineIndex.check(input);
      } catch {
        return null; // offline or refused input: the save's own check still stands
      }
      if (run !== latest.current) return null;
      const hitFields = new Set<NumberField>();
      for (const hit of answer.hits) {
        if (hitFields.has(hit.field)) continue;
        hitFields.add(hit.field);
        mark(hit.field, hit.message);
      }
      for (const f of marked.current) if (!hitFields.has(f)) mark(f, null);
      marked.current = hitFields;
      return answer;
    },
    [purpose, fields, read, mark, exceptId],
  );
}
