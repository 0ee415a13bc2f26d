import { AppError } from '../../shared/api/errors';
import { normalizeMachineNo } from '../../shared/domain/machine-ids';
import { townshipName } from '../../shared/domain/townships';
import { STATUS_LABELS, type Status } from '../../shared/domain/workflow';
import type { MachineCheckInput, MachineCheckOutput, MachineField, MachineHit } from '../../shared/schemas/county-package';
import type { ServiceContext } from '../context';
import { assertMachineIsNew, assertScrapNumbersFree } from '../services/fraud';
import { requireInstallation } from '../services/installation';
import { latestLoad } from './status';
import { FRAME_NO_LABEL } from '../../shared/domain/machine-terms';

type FormField = MachineHit['field'];
const LABEL: Record<FormField, string> = { factoryNo: '出厂编号', engineNo: '发动机号', frameNo: FRAME_NO_LABEL, plateNo: '号牌' };

interface IndexRow {
  no_norm: string;
  field: MachineField;
  kind: 'purchase' | 'scrap';
  township_code: string;
  year: number;
  status: string;
}

export interface MachineNumbers {
  factory?: string | null;
  engine?: string | null;
  frame?: string | null;
  plate?: string | null;
}

/** Index rows (of other stations) with this number in one of these fields and kind. */
function lookUp(ctx: ServiceContext, ownStation: string, no: string, kind: 'purchase' | 'scrap', fields: MachineField[]): IndexRow[] {
  const marks = fields.map(() => '?').join(', ');
  return ctx.db
    .prepare(
      `SELECT no_norm, field, kind, township_code, year, status FROM machine_index
       WHERE no_norm = ? AND field IN (${marks}) AND kind = ? AND station_id <> ? ORDER BY year, township_code`,
    )
    .all(no, ...fields, kind, ownStation) as IndexRow[];
}

const statusLabel = (s: string) => STATUS_LABELS[s as Status] ?? s;

/**
 * What the county package says about these numbers, the way the counter refuses a local duplicate: for a
 * purchase, a serial already subsidised elsewhere, or a serial or engine number of a machine scrapped
 * elsewhere; for a scrap, an engine, frame or plate number already scrapped elsewhere. The station's own
 * records are left to the live file (the package may be older than them).
 */
export function countyHits(ctx: ServiceContext, purpose: 'purchase' | 'scrap', n: MachineNumbers): MachineHit[] {
  const own = requireInstallation(ctx).station_id;
  const hits: MachineHit[] = [];
  const hit = (field: FormField, r: IndexRow, message: string) =>
    hits.push({ field, source: 'county', kind: r.kind, townshipName: townshipName(r.township_code), year: r.year, message });
  if (purpose === 'purchase') {
    const [bought] = n.factory ? lookUp(ctx, own, n.factory, 'purchase', ['factory']) : [];
    if (bought) {
      hit(
        'factoryNo',
        bought,
        `该出厂编号已于 ${bought.year} 年在${townshipName(bought.township_code)}申请过购置补贴（${statusLabel(bought.status)}）。同一台农机只能补贴一次`,
      );
    }
    for (const [field, no] of [['factoryNo', n.factory], ['engineNo', n.engine]] as const) {
      const [scrapped] = no ? lookUp(ctx, own, no, 'scrap', ['engine', 'frame']) : [];
      if (scrapped) {
        hit(
          field,
          scrapped,
          `该${LABEL[field]}属于 ${scrapped.year} 年在${townshipName(scrapped.township_code)}登记报废的农机。报废农机不能作为新机申请补贴`,
        );
      }
    }
  } else {
    for (const [field, key] of [['engineNo', 'engine'], ['frameNo', 'frame'], ['plateNo', 'plate']] as const) {
      const no = n[key];
      const [scrapped] = no ? lookUp(ctx, own, no, 'scrap', [key]) : [];
      if (scrapped) {
        hit(
          field,
          scrapped,
          `该${LABEL[field]}已于 ${scrapped.year} 年在${townshipName(scrapped.township_code)}登记报废（${statusLabel(scrapped.status)}）。同一台农机只能报废一次`,
        );
      }
    }
  }
  return hits;
}

/** The save's own refusal (service side): the first county-wide hit, as a CONFLICT at its field. */
export function assertNotInCountyIndex(ctx: ServiceContext, purpose: 'purchase' | 'scrap', n: MachineNumbers): void {
  const [first] = countyHits(ctx, purpose, n);
  if (first) throw AppError.field('CONFLICT', [first.field], first.message, { source: 'county', township: first.townshipName, year: first.year });
}

/** A local refusal (fraud.ts) as a hit, or none. */
function localHit(kind: 'purchase' | 'scrap', run: () => void): MachineHit[] {
  try {
    run();
    return [];
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'CONFLICT') throw error;
    const path = error.issues?.[0]?.path[0];
    const field = (['factoryNo', 'engineNo', 'frameNo', 'plateNo'] as const).find((f) => f === path) ?? 'factoryNo';
    const existing = error.details?.existingKind === 'scrap' ? 'scrap' : error.details?.existingKind === 'purchase' ? 'purchase' : kind;
    return [{ field, source: 'local', kind: existing, townshipName: null, year: null, message: error.message }];
  }
}

/**
 * machineIndex.check: the counter's live check as a number is scanned or a field is left: this file's own
 * records (the very check the save makes) and the county package's index, each hit with its message.
 */
export function checkMachine(ctx: ServiceContext, input: MachineCheckInput): MachineCheckOutput {
  const n: MachineNumbers = {
    factory: normalizeMachineNo(input.factoryNo),
    engine: normalizeMachineNo(input.engineNo),
    frame: normalizeMachineNo(input.frameNo),
    plate: normalizeMachineNo(input.plateNo),
  };
  const local =
    input.purpose === 'purchase'
      ? n.factory || n.engine
        ? localHit('purchase', () => assertMachineIsNew(ctx, { factory: n.factory ?? '', engine: n.engine ?? null }, input.exceptId))
        : []
      : n.engine || n.frame || n.plate
        ? localHit('scrap', () =>
            assertScrapNumbersFree(ctx, { engine: n.engine ?? null, frame: n.frame ?? null, plate: n.plate ?? null }, input.exceptId),
          )
        : [];
  const county = countyHits(ctx, input.purpose, n);
  return { hits: [...local, ...county], packageExportedAt: latestLoad(ctx)?.exported_at ?? null };
}
