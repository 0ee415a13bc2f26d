/**
 * Crop plowing-sowing-harvesting comprehensive mechanization rate (耕种收综合机械化率, DOMAIN.md §5):
 *   机耕率 = 机耕面积 / 应耕面积; 机播率 = 机播面积 / 农作物播种面积; 机收率 = 机收面积 / 农作物播种面积;
 *   综合机械化率 = 0.4 × 机耕率 + 0.3 × 机播率 + 0.3 × 机收率 (weights configurable).
 * Areas are in mu (亩). Township and county rates come from summed areas (area-weighted), never from averaged rates.
 */

export interface MechanizationAreas {
  /** 应耕面积 */
  tillageBaseMu: number;
  /** 机耕面积 */
  tilledMu: number;
  /** 农作物播种面积 */
  sownMu: number;
  /** 机播面积 */
  machineSownMu: number;
  /** 机收面积 */
  machineHarvestedMu: number;
}

export interface MechanizationWeights {
  tillage: number;
  sowing: number;
  harvest: number;
}

export const DEFAULT_MECHANIZATION_WEIGHTS: MechanizationWeights = { tillage: 0.4, sowing: 0.3, harvest: 0.3 };

/** Crops the entry form offers (others may be typed). */
export const CROPS = ['小麦', '玉米', '棉花', '花生', '大豆', '蔬菜', '其他'] as const;

export const AREA_LABELS: Record<keyof MechanizationAreas, string> = {
  tillageBaseMu: '应耕面积',
  tilledMu: '机耕面积',
  sownMu: '农作物播种面积',
  machineSownMu: '机播面积',
  machineHarvestedMu: '机收面积',
};

/** Each machine area and the base area it may not exceed. */
export const AREA_BASES: readonly [keyof MechanizationAreas, keyof MechanizationAreas][] = [
  ['tilledMu', 'tillageBaseMu'],
  ['machineSownMu', 'sownMu'],
  ['machineHarvestedMu', 'sownMu'],
];

/** A machine area larger than its base, as field issues (path = the machine area's key). */
export function areaIssues(a: MechanizationAreas): { path: keyof MechanizationAreas; message: string }[] {
  return AREA_BASES.filter(([machine, base]) => a[machine] > a[base]).map(([machine, base]) => ({
    path: machine,
    message: `${AREA_LABELS[machine]}不能大于${AREA_LABELS[base]}`,
  }));
}

export function weightsValid(w: MechanizationWeights): boolean {
  const all = [w.tillage, w.sowing, w.harvest];
  return all.every((x) => Number.isFinite(x) && x >= 0 && x <= 1) && Math.abs(all.reduce((a, b) => a + b, 0) - 1) < 1e-9;
}

export function sumAreas(list: readonly MechanizationAreas[]): MechanizationAreas {
  const total: MechanizationAreas = { tillageBaseMu: 0, tilledMu: 0, sownMu: 0, machineSownMu: 0, machineHarvestedMu: 0 };
  for (const a of list) {
    total.tillageBaseMu += a.tillageBaseMu;
    total.tilledMu += a.tilledMu;
    total.sownMu += a.sownMu;
    total.machineSownMu += a.machineSownMu;
    total.machineHarvestedMu += a.machineHarvestedMu;
  }
  return total;
}

export interface MechanizationRates {
  /** Percent, two decimals; null when the base area is zero. */
  tillage: number | null;
  sowing: number | null;
  harvest: number | null;
  comprehensive: number | null;
}

const round2 = (x: number) => Math.round(x * 100 + Number.EPSILON * 100) / 100;
const ratio = (part: number, base: number) => (base > 0 ? part / base : null);

/** The three rates and the comprehensive rate, in percent (two decimals). */
export function mechanizationRates(a: MechanizationAreas, w: MechanizationWeights = DEFAULT_MECHANIZATION_WEIGHTS): MechanizationRates {
  const t = ratio(a.tilledMu, a.tillageBaseMu);
  const s = ratio(a.machineSownMu, a.sownMu);
  const h = ratio(a.machineHarvestedMu, a.sownMu);
  const c = t === null || s === null || h === null ? null : w.tillage * t + w.sowing * s + w.harvest * h;
  const pct = (x: number | null) => (x === null ? null : round2(x * 100));
  return { tillage: pct(t), sowing: pct(s), harvest: pct(h), comprehensive: pct(c) };
}

export interface AreaGap {
  /** Percentage points still missing (0 when the target is met). */
  shortfallPct: number;
  /** Fewest extra machine-worked mu that close the gap, best-yield operation first; null when even full mechanization falls short. */
  minimumMu: number | null;
  /** That fewest-mu plan by operation (whole mu, rounded up). */
  plan: { tillage: number; sowing: number; harvest: number };
  /** Extra mu if one operation alone closed the gap; null when it cannot (not enough unworked area). */
  alone: { tillage: number | null; sowing: number | null; harvest: number | null };
}

const ceilMu = (x: number) => Math.max(0, Math.ceil(x - 1e-6));

/**
 * How many more mu must be worked by machine to reach `targetPct`. Each extra mu of tillage adds
 * w.tillage / 应耕面积 to the rate, of sowing w.sowing / 播种面积, of harvest w.harvest / 播种面积; the fewest
 * mu come from filling the best-yield operation first, up to its unworked area.
 */
export function areaGap(a: MechanizationAreas, targetPct: number, w: MechanizationWeights = DEFAULT_MECHANIZATION_WEIGHTS): AreaGap {
  const rates = mechanizationRates(a, w);
  const zero = { tillage: 0, sowing: 0, harvest: 0 };
  const current = rates.comprehensive ?? 0;
  const shortfallPct = Math.max(0, round2(targetPct - current));
  if (shortfallPct === 0 || a.tillageBaseMu <= 0 || a.sownMu <= 0) {
    const none = shortfallPct === 0 ? 0 : null;
    return { shortfallPct, minimumMu: none, plan: zero, alone: { tillage: none, sowing: none, harvest: none } };
  }
  // the unrounded shortfall, as a fraction of 1
  const exact =
    targetPct / 100 -
    (w.tillage * a.tilledMu) / a.tillageBaseMu -
    (w.sowing * a.machineSownMu) / a.sownMu -
    (w.harvest * a.machineHarvestedMu) / a.sownMu;
  const ops = [
    { key: 'tillage' as const, perMu: w.tillage / a.tillageBaseMu, room: a.tillageBaseMu - a.tilledMu },
    { key: 'sowing' as const, perMu: w.sowing / a.sownMu, room: a.sownMu - a.machineSownMu },
    { key: 'harvest' as const, perMu: w.harvest / a.sownMu, room: a.sownMu - a.machineHarvestedMu },
  ];
  const alone = { tillage: null, sowing: null, harvest: null } as AreaGap['alone'];
  for (const op of ops) {
    const need = op.perMu > 0 ? exact / op.perMu : Infinity;
    alone[op.key] = need <= op.room + 1e-6 ? ceilMu(need) : null;
  }
  const plan = { ...zero };
  let left = exact;
  for (const op of [...ops].sort((x, y) => y.perMu - x.perMu)) {
    if (left <= 1e-12 || op.perMu <= 0) break;
    const mu = Math.min(op.room, left / op.perMu);
    plan[op.key] = ceilMu(mu);
    left -= mu * op.perMu;
  }
  const reachable = left <= 1e-9;
  return { shortfallPct, minimumMu: reachable ? plan.tillage + plan.sowing + plan.harvest : null, plan, alone };
}
