/**
 * A row of a scrapping ledger (报废台账) → the scrap it becomes. The farmer, date, amount and status are
 * read as for purchases (classify.ts); here: the machine's numbers (frame, engine, plate), the same
 * machine scrapped twice, and what the ledger does not record. Old ledgers do not say under which of
 * the five conditions a machine was scrapped: the record says 台账未记载 ('unrecorded'), never a guess;
 * maker and model left blank in the ledger are written as 台账未记载 too.
 */
import { chinaDate } from '../../shared/domain/civil-date';
import { normalizeMachineNo } from '../../shared/domain/machine-ids';
import type { Status } from '../../shared/domain/workflow';
import type { LedgerField, LedgerRowResult } from '../../shared/schemas/ledger-import';
import { isPlateManaged } from '../../shared/schemas/scraps';
import type { CatalogChecker } from './catalog-check';
import type { PurchasePlan, RowPlan } from './classify';
import type { rowLookups } from './repository';
import type { SeenKeys } from './stage';

export const NOT_RECORDED = '台账未记载';

export interface ScrapPlan {
  farmer: PurchasePlan['farmer'];
  item: string;
  bandLabel: string;
  /** The catalogue band the ledger's amount was compared with (null when none was found). */
  catalogBandId: string | null;
  catalogYear: number;
  /** What that band pays (the amount matched, or the scrap-only amount when neither matched). */
  catalogFen: number | null;
  maker: string;
  model: string;
  engineNo: string | null;
  frameNo: string | null;
  plateNo: string | null;
  confirmFormNo: string | null;
  recyclerId: string | null;
  handoverDate: string;
  subsidyFen: number;
  status: Status;
  paidFen: number | null;
  flags: string[];
}

export interface ScrapState {
  lookups: ReturnType<typeof rowLookups>;
  /** numbers + buyer + date → where first seen in this file (a repeat is already present). */
  keysInFile: SeenKeys;
  /** One machine number → where the row that scrapped it in this file is. */
  numbersInFile: SeenKeys;
  catalog: CatalogChecker;
}

export interface ScrapRowInput {
  raw: (f: LedgerField) => string;
  result: LedgerRowResult;
  at: string;
  farmer: ScrapPlan['farmer'] | null;
  idNumber: string | null;
  date: string | null;
  subsidyFen: number | null;
  status: Status | null;
  paidFen: number | null;
  refusals: string[];
  attention: string[];
}

export function planScrap(state: ScrapState, r: ScrapRowInput): RowPlan {
  const { raw, result, refusals, attention } = r;
  const frameNo = raw('frameNo') || raw('factoryNo') || null;
  const engineNo = raw('engineNo') || null;
  const plateNo = raw('plateNo') || null;
  const numbers = { engine: normalizeMachineNo(engineNo), frame: normalizeMachineNo(frameNo), plate: normalizeMachineNo(plateNo) };
  const own = [numbers.frame, numbers.engine, numbers.plate].filter((n): n is string => Boolean(n));

  let present: string | null = null;
  if (own.length && r.idNumber && r.date) {
    const key = `${own.join('\u0002')}\u0001${r.idNumber}\u0001${r.date}`;
    const dup = state.keysInFile.get(key);
    if (dup) present = `与${dup}重复（机具编号、机主和回收日期都相同）`;
    else {
      const other = own.map((n) => state.numbersInFile.get(n)).find(Boolean);
      if (other) refusals.push(`机具编号与${other}相同，但机主或回收日期不同：同一台农机只能报废一次，请核对`);
      else for (const n of own) state.numbersInFile.set(n, r.at);
      state.keysInFile.set(key, r.at);
    }
    if (!present) {
      for (const s of state.lookups.scrapsByNumbers(numbers)) {
        if (s.f_id_number === r.idNumber && s.handover_date === r.date) {
          present = `已在本站登记报废（${s.handover_date}，${s.item} ${s.model}）`;
          break;
        }
        refusals.push(`该机具的编号已于 ${chinaDate(s.created_at)} 登记报废（机主 ${s.f_name}，${s.item} ${s.model}）：同一台农机只能报废一次`);
        break;
      }
    }
  }

  if (refusals.length) return { result: { ...result, outcome: 'refused', reasons: [...new Set([...refusals, ...attention])] } };
  if (present) return { result: { ...result, outcome: 'present', reasons: [present] } };
  if (!r.farmer || !r.idNumber || !r.date || r.subsidyFen === null || !r.status || !own.length) {
    return { result: { ...result, outcome: 'refused', reasons: ['本行信息不完整'] } };
  }

  const item = raw('item');
  if (isPlateManaged(item) && !plateNo) attention.push(`${item}应有号牌号码，台账未记载`);
  let recyclerId: string | null = null;
  const recycler = raw('recycler');
  if (recycler) {
    recyclerId = state.lookups.recycler(recycler);
    if (!recyclerId) attention.push(`回收企业“${recycler}”不在本站的回收企业名单中，未关联（可在合作单位中添加后编辑该记录）`);
  }
  // the amount as recorded (decided under the rules then); a difference from today's catalogue is flagged
  const check = state.catalog.checkScrap({ date: r.date, item, bandLabel: raw('bandLabel'), ledgerFen: r.subsidyFen });
  // a different amount needs a look; a band not found is only said (old scrapping ledgers name machines
  // in their own words, and every such row flagged would hide the real differences)
  if (check.flag && check.band) attention.push(check.flag);
  else if (check.flag) result.notes.push(check.flag);
  result.subsidyFen = r.subsidyFen;
  result.reasons = attention;
  result.outcome = attention.length ? 'attention' : 'create';
  return {
    result,
    scrap: {
      farmer: r.farmer,
      item,
      bandLabel: check.band?.bandLabel ?? (raw('bandLabel') || '台账未注明分档'),
      catalogBandId: check.band?.id ?? null,
      catalogYear: check.band?.year ?? check.catalogYear ?? Number(r.date.slice(0, 4)),
      catalogFen: check.catalogFen,
      maker: raw('maker') || NOT_RECORDED,
      model: raw('model') || NOT_RECORDED,
      engineNo,
      frameNo,
      plateNo,
      confirmFormNo: raw('confirmFormNo') || null,
      recyclerId,
      handoverDate: r.date,
      subsidyFen: r.subsidyFen,
      status: r.status,
      paidFen: r.paidFen,
      flags: attention,
    },
  };
}
