import { chinaYearNow } from '../../../../shared/domain/civil-date';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { TOWNSHIP_CODES, type TownshipCode } from '../../../../shared/domain/townships';

export type ProgressTab = 'overview' | 'targets' | 'mechanization';

export interface ProgressParams {
  year: number;
  /** The township drilled into (county), undefined for the whole county. */
  township: TownshipCode | undefined;
  tab: ProgressTab;
  set: (patch: Partial<{ year: number; township: string | undefined; tab: ProgressTab }>) => void;
}

/** Year, drilled-in township and tab live in the URL (?year=2025&township=371525103&tab=targets), so a view can be shared and printed. */
export function useProgressParams(): ProgressParams {
  const [params, setParams] = useSearchParams();
  const yearParam = Number(params.get('year'));
  const year = Number.isInteger(yearParam) && yearParam >= 2000 && yearParam <= 2100 ? yearParam : chinaYearNow();
  const t = params.get('township');
  const township = TOWNSHIP_CODES.find((c) => c === t);
  const tabParam = params.get('tab');
  const tab: ProgressTab = tabParam === 'targets' || tabParam === 'mechanization' ? tabParam : 'overview';
  const set = useCallback<ProgressParams['set']>(
    (patch) =>
      setParams((p) => {
        const next = new URLSearchParams(p);
        for (const [key, value] of Object.entries(patch)) {
          if (value === undefined || value === 'overview') next.delete(key);
          else next.set(key, String(value));
        }
        return next;
      }),
    [setParams],
  );
  return { year, township, tab, set };
}
