import { z } from '../api/zod-locale';
import { CONFORMITY, SITE_STAGES } from '../domain/drying-stages';
import { DRYER_KINDS, DRYER_STATUSES, HEAT_SOURCES, MANUAL_DRYER_STATUSES, RETIREMENT_PLANS } from '../domain/drying-dryers';
import { TOWNSHIP_CODES } from '../domain/townships';
import { isoDate, isoDateTime, optionalText, pageInput, pageOf, requiredText, uuid, voidInput } from './common';
import { sitePhoto } from './drying-photos';

export const SITE_KINDS = ['centre', 'point'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];
export const SITE_KIND_LABELS: Record<SiteKind, string> = { centre: '烘干中心', point: '烘干点' };
/** DOMAIN.md §6, shown as help where the kind is chosen. */
export const SITE_KIND_HELP: Record<SiteKind, string> = {
  point: '烘干点：循环式烘干机（单批≤50吨）及清选、输送、除尘设备，服务面积≥100亩',
  centre: '烘干中心：在烘干点的基础上另有烘前、烘后仓储设施，服务面积≥1,000亩',
};
/** The area a kind of site should serve at least (mu), DOMAIN.md §6. */
export const MIN_AREA_MU: Record<SiteKind, number> = { point: 100, centre: 1000 };

const money = (label: string) =>
  z
    .number({ error: `${label}请填写金额` })
    .int(`${label}以分为单位，须为整数`)
    .min(0, `${label}不能为负数`)
    .max(100_000_000_000, `${label}过大`)
    .nullable()
    .optional();

const tonnes = (label: string, max: number) =>
  z
    .number({ error: `请填写${label}` })
    .positive(`${label}须大于0`)
    .max(max, `${label}不超过${max.toLocaleString('en-US')}吨`)
    .nullable()
    .optional();

const siteFields = {
  name: requiredText(60, '设施名称'),
  kind: z.enum(SITE_KINDS, { error: '请选择烘干中心或烘干点' }),
  townshipCode: z.enum(TOWNSHIP_CODES, { error: '请选择乡镇' }),
  village: requiredText(40, '村（社区）'),
  location: optionalText(120, '位置说明'),
  /** The organisation running it: a registered farmer record with a USCC (checked by the service). */
  operatorId: uuid.nullable().optional(),
  plannedOn: isoDate,
  plannedCompletion: isoDate.nullable().optional(),
  conformity: z.enum(CONFORMITY, { error: '请选择是否符合国土空间规划' }),
  conformityDocNo: optionalText(60, '规划文件文号'),
  investmentFen: money('总投资'),
  subsidyFen: money('补贴资金'),
  areaServedMu: z.number({ error: '请填写服务面积' }).min(0, '服务面积不能为负数').max(10_000_000, '服务面积过大').nullable().optional(),
  notes: optionalText(500, '备注'),
};

type SiteShape = {
  plannedOn: string;
  plannedCompletion?: string | null;
  conformity: string;
  conformityDocNo?: string;
  investmentFen?: number | null;
  subsidyFen?: number | null;
};

function checkSite(v: SiteShape, ctx: z.RefinementCtx) {
  if (v.conformity === 'yes' && !v.conformityDocNo) {
    ctx.addIssue({ code: 'custom', path: ['conformityDocNo'], message: '认定为“符合”时请填写规划文件文号' });
  }
  if (v.plannedCompletion && v.plannedCompletion < v.plannedOn) {
    ctx.addIssue({ code: 'custom', path: ['plannedCompletion'], message: '计划建成日期不能早于规划日期' });
  }
  if (v.subsidyFen && v.investmentFen !== null && v.investmentFen !== undefined && v.subsidyFen > v.investmentFen) {
    ctx.addIssue({ code: 'custom', path: ['subsidyFen'], message: '补贴资金不能超过总投资' });
  }
}

export const siteInput = z.strictObject(siteFields).superRefine(checkSite);
export type SiteInput = z.input<typeof siteInput>;
export type SiteValues = z.output<typeof siteInput>;

export const siteUpdateInput = z
  .strictObject({ id: uuid, expectedUpdatedAt: isoDateTime.optional(), ...siteFields })
  .superRefine(checkSite);
export type SiteUpdateValues = z.output<typeof siteUpdateInput>;

export const siteTransitionInput = z.strictObject({
  id: uuid,
  to: z.enum(SITE_STAGES, { error: '请选择要转入的阶段' }),
  date: isoDate,
  note: optionalText(200, '说明'),
  expectedUpdatedAt: isoDateTime.optional(),
});
export type SiteTransitionValues = z.output<typeof siteTransitionInput>;

export const siteGetInput = z.strictObject({ id: uuid });
export const siteVoidInput = voidInput;

export const siteListFilter = {
  townshipCode: z.enum(TOWNSHIP_CODES, { error: '乡镇代码不正确' }).optional(),
  stage: z.enum(SITE_STAGES).optional(),
  kind: z.enum(SITE_KINDS).optional(),
  overdueOnly: z.boolean().default(false),
  q: z.string().trim().max(60, '搜索内容过长').default(''),
  includeVoided: z.boolean().default(false),
};
export const siteListInput = z.strictObject({ ...siteListFilter, ...pageInput });
export type SiteListInput = z.input<typeof siteListInput>;
export const dryingExportInput = z.strictObject({ townshipCode: z.enum(TOWNSHIP_CODES, { error: '乡镇代码不正确' }).optional() });

const dryerFields = {
  maker: requiredText(60, '生产厂家'),
  model: requiredText(60, '型号'),
  kind: z.enum(DRYER_KINDS, { error: '请选择循环式或连续式' }),
  batchT: tonnes('批处理量（吨/批）', 1000),
  /** Entered t/day; for a batch dryer left empty, derived from the batch size. */
  dailyT: tonnes('日处理量（吨/日）', 20_000),
  heatSource: z.enum(HEAT_SOURCES, { error: '请选择热源' }),
  yearInstalled: z.number({ error: '请填写年份' }).int('年份须为整数').min(1980, '安装年份不早于1980年').max(2100).nullable().optional(),
  status: z.enum(MANUAL_DRYER_STATUSES, { error: '请选择在用或停用' }),
  notes: optionalText(300, '备注'),
};

function checkDryer(v: { kind: string; batchT?: number | null; dailyT?: number | null }, ctx: z.RefinementCtx) {
  if (v.kind === 'batch' && !v.batchT) {
    ctx.addIssue({ code: 'custom', path: ['batchT'], message: '循环式烘干机请填写批处理量（吨/批）' });
  }
  if (v.kind === 'continuous' && !v.dailyT) {
    ctx.addIssue({ code: 'custom', path: ['dailyT'], message: '连续式烘干机请填写日处理量（吨/日）' });
  }
}

export const dryerInput = z.strictObject({ siteId: uuid, ...dryerFields }).superRefine(checkDryer);
export type DryerInput = z.input<typeof dryerInput>;
export type DryerValues = z.output<typeof dryerInput>;
export const dryerUpdateInput = z
  .strictObject({ id: uuid, expectedUpdatedAt: isoDateTime.optional(), ...dryerFields })
  .superRefine(checkDryer);
export type DryerUpdateValues = z.output<typeof dryerUpdateInput>;
export const dryerVoidInput = voidInput;

function checkRetirement(
  v: { plan: string; newHeatSource?: string | null; scrapId?: string | null; plannedDate: string; actualDate?: string | null },
  ctx: z.RefinementCtx,
) {
  if (v.plan === 'convert' && !v.newHeatSource) {
    ctx.addIssue({ code: 'custom', path: ['newHeatSource'], message: '改造须选择新热源' });
  }
  if (v.plan === 'convert' && v.newHeatSource === 'coal') {
    ctx.addIssue({ code: 'custom', path: ['newHeatSource'], message: '改造后的热源不能仍为燃煤' });
  }
  if (v.plan === 'scrap' && v.newHeatSource) {
    ctx.addIssue({ code: 'custom', path: ['newHeatSource'], message: '淘汰（报废）的烘干机不填新热源' });
  }
  if (v.plan === 'convert' && v.scrapId) {
    ctx.addIssue({ code: 'custom', path: ['scrapId'], message: '只有淘汰（报废）的烘干机才关联报废登记' });
  }
}

/** Plans (or completes, or corrects) the one live retirement of a dryer: 淘汰 or 改造. */
export const dryerRetireInput = z
  .strictObject({
    dryerId: uuid,
    plan: z.enum(RETIREMENT_PLANS, { error: '请选择淘汰或改造' }),
    plannedDate: isoDate,
    /** Set when it is done; the dryer then becomes 已淘汰 / 已改造. */
    actualDate: isoDate.nullable().optional(),
    newHeatSource: z.enum(HEAT_SOURCES, { error: '请选择新热源' }).nullable().optional(),
    subsidyFen: money('补贴金额'),
    /** The 报废登记 when it was scrapped under the scrapping-renewal subsidy (2025 scope includes dryers). */
    scrapId: uuid.nullable().optional(),
    note: optionalText(200, '说明'),
    expectedUpdatedAt: isoDateTime.optional(),
  })
  .superRefine(checkRetirement);
export type DryerRetireInput = z.input<typeof dryerRetireInput>;
export type DryerRetireValues = z.output<typeof dryerRetireInput>;

export const dryingConfigInput = z.strictObject({
  batchesPerDay: z.number({ error: '请填写每日批次' }).min(0.5, '每日批次不少于0.5').max(24, '每日批次不超过24'),
});
export type DryingConfigInput = z.input<typeof dryingConfigInput>;
/** coalTargetYear: the year's targets (目标进度 · 燃煤烘干机清零年份), 2025 (DOMAIN §6) when they leave it unset. */
export const dryingConfig = z.object({ batchesPerDay: z.number(), coalTargetYear: z.number().int() });
export type DryingConfig = z.output<typeof dryingConfig>;

// ---- outputs ----

export const operatorSummary = z.object({ id: uuid, name: z.string(), kind: z.string(), uscc: z.string() });

export const retirement = z.object({
  id: uuid,
  plan: z.enum(RETIREMENT_PLANS),
  plannedDate: isoDate,
  actualDate: isoDate.nullable(),
  newHeatSource: z.enum(HEAT_SOURCES).nullable(),
  subsidyFen: z.number().int().nullable(),
  scrapId: uuid.nullable(),
  /** The linked 报废登记 in words, e.g. "谷物烘干机 5HXG-15（张三）". */
  scrapLabel: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Retirement = z.output<typeof retirement>;

export const dryer = z.object({
  id: uuid,
  stationId: uuid,
  siteId: uuid,
  maker: z.string(),
  model: z.string(),
  kind: z.enum(DRYER_KINDS),
  batchT: z.number().nullable(),
  /** As entered; null when derived. */
  dailyTEntered: z.number().nullable(),
  /** What counts: entered, or batch × batches per day. */
  dailyT: z.number().nullable(),
  heatSource: z.enum(HEAT_SOURCES),
  currentHeatSource: z.enum(HEAT_SOURCES),
  yearInstalled: z.number().int().nullable(),
  status: z.enum(DRYER_STATUSES),
  notes: z.string().nullable(),
  retirement: retirement.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  voidedAt: isoDateTime.nullable(),
  voidReason: z.string().nullable(),
});
export type Dryer = z.output<typeof dryer>;

export const siteEvent = z.object({
  id: uuid,
  fromStage: z.enum(SITE_STAGES).nullable(),
  toStage: z.enum(SITE_STAGES),
  date: isoDate,
  at: isoDateTime,
  operator: z.string(),
  note: z.string().nullable(),
});
export type SiteEvent = z.output<typeof siteEvent>;

const stageDates = z.object(
  Object.fromEntries(SITE_STAGES.map((s) => [s, isoDate.nullable()])) as Record<
    (typeof SITE_STAGES)[number],
    z.ZodNullable<typeof isoDate>
  >,
);

const siteCore = {
  id: uuid,
  name: z.string(),
  kind: z.enum(SITE_KINDS),
  townshipCode: z.string(),
  townshipName: z.string(),
  village: z.string(),
  stage: z.enum(SITE_STAGES),
  plannedCompletion: isoDate.nullable(),
  conformity: z.enum(CONFORMITY),
  overdue: z.boolean(),
  operatingT: z.number(),
  plannedT: z.number(),
  updatedAt: isoDateTime,
  voidedAt: isoDateTime.nullable(),
};

export const site = z.object({
  ...siteCore,
  stationId: uuid,
  location: z.string().nullable(),
  operator: operatorSummary.nullable(),
  stageDates,
  conformityDocNo: z.string().nullable(),
  investmentFen: z.number().int().nullable(),
  subsidyFen: z.number().int().nullable(),
  areaServedMu: z.number().nullable(),
  notes: z.string().nullable(),
  batchesPerDay: z.number(),
  dryers: z.array(dryer),
  events: z.array(siteEvent),
  photos: z.array(sitePhoto),
  createdAt: isoDateTime,
  voidReason: z.string().nullable(),
});
export type Site = z.output<typeof site>;

export const siteListItem = z.object({
  ...siteCore,
  operatorName: z.string().nullable(),
  stageDate: isoDate.nullable(),
  dryerCount: z.number().int(),
  /** Coal dryers neither retired nor converted yet. */
  coalRemaining: z.number().int(),
});
export type SiteListItem = z.output<typeof siteListItem>;
export const sitePage = pageOf(siteListItem);
