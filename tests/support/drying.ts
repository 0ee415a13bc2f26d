import type { BurndownPoint, CoalDryerFact } from '../../shared/domain/drying-burndown';

/**
 * Five coal dryers and what happened to them, with the month-end counts worked out by hand (not by the
 * code under test). Today is 2025-03-15; the series runs 2024-01 … 2025-12.
 *
 *   A installed 2018, converted: planned 2024-06-15, done 2024-05-20
 *   B installed 2020, scrapped:  planned 2024-09-30, done 2024-10-08
 *   C installed 2024, converted: planned 2025-03-31, not done
 *   D no year, no plan
 *   E installed 2025, scrapped:  planned 2025-08-01, done early 2025-02-28
 */
export const COAL_TODAY = '2025-03-15';
export const COAL_FROM = '2024-01';
export const COAL_TO = '2025-12';

export const COAL_FIXTURE: Record<'A' | 'B' | 'C' | 'D' | 'E', CoalDryerFact> = {
  A: { yearInstalled: 2018, plan: 'convert', plannedDate: '2024-06-15', actualDate: '2024-05-20' },
  B: { yearInstalled: 2020, plan: 'scrap', plannedDate: '2024-09-30', actualDate: '2024-10-08' },
  C: { yearInstalled: 2024, plan: 'convert', plannedDate: '2025-03-31', actualDate: null },
  D: { yearInstalled: null, plan: null, plannedDate: null, actualDate: null },
  E: { yearInstalled: 2025, plan: 'scrap', plannedDate: '2025-08-01', actualDate: '2025-02-28' },
};

/** [month, remaining, plannedRemaining, retired, converted], by hand. */
const TABLE: [string, number | null, number, number, number][] = [
  ['2024-01', 4, 4, 0, 0], // A B C D (E not installed until 2025)
  ['2024-02', 4, 4, 0, 0],
  ['2024-03', 4, 4, 0, 0],
  ['2024-04', 4, 4, 0, 0],
  ['2024-05', 3, 3, 0, 1], // A converted 05-20
  ['2024-06', 3, 3, 0, 0],
  ['2024-07', 3, 3, 0, 0],
  ['2024-08', 3, 3, 0, 0],
  ['2024-09', 3, 3, 0, 0], // B planned 09-30 but done only 10-08: its actual date counts
  ['2024-10', 2, 2, 1, 0], // B scrapped
  ['2024-11', 2, 2, 0, 0],
  ['2024-12', 2, 2, 0, 0],
  ['2025-01', 3, 3, 0, 0], // E installed 2025
  ['2025-02', 2, 2, 1, 0], // E scrapped 02-28
  ['2025-03', 2, 1, 0, 0], // this month: C still coal; the plan has it gone by 03-31
  ['2025-04', null, 1, 0, 0], // months to come: only the plan line
  ['2025-05', null, 1, 0, 0],
  ['2025-06', null, 1, 0, 0],
  ['2025-07', null, 1, 0, 0],
  ['2025-08', null, 1, 0, 0],
  ['2025-09', null, 1, 0, 0],
  ['2025-10', null, 1, 0, 0],
  ['2025-11', null, 1, 0, 0],
  ['2025-12', null, 1, 0, 0], // D has no plan: the target year ends with one coal dryer left
];

export const COAL_EXPECTED: BurndownPoint[] = TABLE.map(([month, remaining, plannedRemaining, retired, converted]) => {
  const mm = month.slice(5);
  const days = mm === '02' ? (month === '2024-02' ? 29 : 28) : ['04', '06', '09', '11'].includes(mm) ? 30 : 31;
  return { month, monthEnd: `${month}-${days}`, remaining, plannedRemaining, retired, converted };
});

/** 冠县柳林惠农农机专业合作社 (DOMAIN §7's example USCC). */
export const COOP = {
  kind: 'cooperative' as const,
  name: '冠县柳林惠农农机专业合作社',
  idNumber: '93371525MA3C12346E',
  contactName: '王五',
  phone: '15866667777',
  townshipCode: '371525103' as const,
  village: '柳林村',
};

export const DOC_NO = '冠自然资规〔2025〕12号';

/** A 烘干中心 at 柳林镇, planned 2024-12-01, conforming with its document number. */
export function siteInput(overrides: Record<string, unknown> = {}) {
  return {
    name: '柳林镇粮食烘干中心',
    kind: 'centre' as const,
    townshipCode: '371525103' as const,
    village: '东柳林村',
    location: '村北国道旁',
    plannedOn: '2024-12-01',
    plannedCompletion: '2025-09-30',
    conformity: 'yes' as const,
    conformityDocNo: DOC_NO,
    investmentFen: 380_000_000,
    subsidyFen: 120_000_000,
    areaServedMu: 12_000,
    ...overrides,
  };
}

/** A 15 t/批 batch dryer. */
export function dryerInput(siteId: string, overrides: Record<string, unknown> = {}) {
  return {
    siteId,
    maker: '河南佰衡节能科技股份有限公司',
    model: '5HXG-15',
    kind: 'batch' as const,
    batchT: 15,
    heatSource: 'coal' as const,
    yearInstalled: 2018,
    status: 'in_use' as const,
    ...overrides,
  };
}
