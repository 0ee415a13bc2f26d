import type { BandParam, CatalogBandValues } from '../../shared/schemas/catalog';
import type { ServiceContext } from '../context';
import { getLiveVersion } from '../repositories/catalog';
import type { InstallationRow } from '../repositories/installation';
import { writeCatalogVersion } from '../services/catalog';

/**
 * The catalogue a new installation starts with: the sample tables of DOMAIN.md §3 (a 2025-style
 * provincial scrapping-renewal standard) and §4 (excerpts of Shandong's 2024–2026 purchase draft),
 * shown as 示例 until the county imports its official table.
 *
 * Edges, applied the same way to every row: an explicit "<", ">", "≥", "以上" or "含" decides;
 * otherwise a value on a shared edge belongs to the band below it ("50–80马力（含80）"), and a band
 * includes its lower edge only when the band below does not ("20–50马力（含20、50）" after "<20马力").
 * Row counts are whole numbers, so "6–11行" and "12–18行" include both ends and "3行" is one value.
 * The purchase rows added for everyday machines (tractors, combines, sprayers, drones, dryers) follow the
 * purchase tables' own form "下限≤参数<上限", continued by "…以上" / "…及以上"; rotary tillers follow §4's
 * "1.5–2m" rows (upper edge included).
 */
export const SAMPLE_CATALOG_YEAR = 2025;
export const SAMPLE_CATALOG_TITLE = '2025年补贴额一览表（示例）';
export const SAMPLE_CATALOG_SOURCE =
  'DOMAIN.md 示例表（2025年某省报废更新补贴标准及山东2024–2026购置补贴征求意见稿节选）；其余购置分档的金额为演示用示例值，不是任何正式标准；非冠县正式目录';

/** Yuan as written in the tables → fen. */
const yuan = (n: number) => n * 100;
/** The per-machine ceiling of ordinary items in the provincial plan: 50,000 yuan; dryers 120,000 (DOMAIN §4). */
const ORDINARY_CAP_FEN = yuan(50_000);
const DRYER_CAP_FEN = yuan(120_000);

interface Edge {
  at: number;
  inclusive: boolean;
}
const incl = (at: number): Edge => ({ at, inclusive: true });
const excl = (at: number): Edge => ({ at, inclusive: false });

interface Path {
  category: string;
  subcategory: string;
  item: string;
  param: BandParam;
}

/** A scrapping-renewal band (§3): scrap-only and scrap-and-replace amounts; null scrap+replace is "–". */
function scrap(
  p: Path,
  bandLabel: string,
  lower: Edge | null,
  upper: Edge | null,
  scrapYuan: number,
  replaceYuan: number | null,
  variant: string | null = null,
): CatalogBandValues {
  return {
    ...p,
    bandLabel,
    variant,
    lower: lower?.at ?? null,
    lowerInclusive: lower?.inclusive ?? false,
    upper: upper?.at ?? null,
    upperInclusive: upper?.inclusive ?? false,
    purchaseFen: null,
    scrapFen: yuan(scrapYuan),
    scrapReplaceFen: replaceYuan === null ? null : yuan(replaceYuan),
    capFen: null,
    capPercent: null,
    priceLowFen: null,
    priceHighFen: null,
    scrapScope: true,
  };
}

/** A purchase band (§4): the fixed amount, under the ordinary per-machine ceiling. */
function purchase(
  p: Path,
  bandLabel: string,
  variant: string | null,
  lower: Edge | null,
  upper: Edge | null,
  purchaseYuan: number,
  capFen: number = ORDINARY_CAP_FEN,
): CatalogBandValues {
  return {
    ...p,
    bandLabel,
    variant,
    lower: lower?.at ?? null,
    lowerInclusive: lower?.inclusive ?? false,
    upper: upper?.at ?? null,
    upperInclusive: upper?.inclusive ?? false,
    purchaseFen: yuan(purchaseYuan),
    scrapFen: null,
    scrapReplaceFen: null,
    capFen,
    capPercent: null,
    priceLowFen: null,
    priceHighFen: null,
    scrapScope: false,
  };
}

const TRACTOR: Path = { category: '农用动力机械', subcategory: '拖拉机', item: '拖拉机', param: 'hp' };
const FULL_FEED: Path = { category: '收获机械', subcategory: '谷物收获机械', item: '自走式全喂入稻麦联合收割机', param: 'feed_kgs' };
const HALF_FEED: Path = { category: '收获机械', subcategory: '谷物收获机械', item: '半喂入稻麦联合收割机', param: 'rows' };
const CORN: Path = { category: '收获机械', subcategory: '玉米收获机械', item: '自走式玉米联合收割机', param: 'rows' };
const SEEDER: Path = { category: '种植施肥机械', subcategory: '播种机械', item: '播种机', param: 'rows' };
const THROWER: Path = { category: '种植施肥机械', subcategory: '栽植机械', item: '水稻抛秧机', param: 'rows' };
const MONITOR: Path = { category: '农用北斗终端及辅助驾驶系统', subcategory: '作业监测终端', item: '田间作业监测终端', param: 'none' };
const STEERING: Path = { category: '农用北斗终端及辅助驾驶系统', subcategory: '辅助驾驶系统', item: '农用北斗辅助驾驶系统', param: 'none' };
const DRONE: Path = { category: '田间管理机械', subcategory: '植保机械', item: '植保无人机', param: 'tank_l' };
const WHEELED: Path = { category: '农用动力机械', subcategory: '拖拉机', item: '轮式拖拉机', param: 'hp' };
const ROTARY: Path = { category: '耕整地机械', subcategory: '耕地机械', item: '旋耕机', param: 'width_m' };
const SUBSOILER: Path = { category: '耕整地机械', subcategory: '耕地机械', item: '深松机', param: 'shanks' };
const PRECISION_SEEDER: Path = { category: '种植施肥机械', subcategory: '播种机械', item: '单粒（精密）播种机', param: 'rows' };
const COMBINE: Path = { category: '收获机械', subcategory: '谷物收获机械', item: '谷物联合收割机', param: 'feed_kgs' };
const BOOM_SPRAYER: Path = { category: '田间管理机械', subcategory: '植保机械', item: '喷杆喷雾机', param: 'tank_l' };
const UAV: Path = { category: '田间管理机械', subcategory: '植保机械', item: '植保无人驾驶航空器', param: 'tank_l' };
const DRYER: Path = { category: '收获后处理机械', subcategory: '干燥机械', item: '谷物烘干机', param: 'batch_t' };

/**
 * Wheeled tractors, both drive types across the horsepower bands. The official tables write each band as
 * "30马力≤功率<40马力" (lower edge included), which "100马力以上" (100 included) continues. Amounts from
 * DOMAIN §4: 30–40马力两驱 4,500; 100马力以上两驱 15,300; 70–80马力四驱 7,900; the rest are 示例 values.
 */
function wheeledTractors(): CatalogBandValues[] {
  const twoWheel: [number, number | null, number][] = [
    [20, 30, 3_000], [30, 40, 4_500], [40, 50, 5_000], [50, 60, 5_600], [60, 70, 6_500],
    [70, 80, 7_300], [80, 90, 9_000], [90, 100, 10_500], [100, null, 15_300],
  ];
  const fourWheel: [number, number | null, number][] = [
    [20, 30, 3_500], [30, 40, 5_000], [40, 50, 5_700], [50, 60, 6_400], [60, 70, 7_200], [70, 80, 7_900],
    [80, 90, 9_800], [90, 100, 11_500], [100, 120, 17_000], [120, 140, 20_000], [140, 160, 24_000],
    [160, 200, 30_000], [200, null, 40_000],
  ];
  const bands = (variant: string, rows: [number, number | null, number][]) =>
    rows.map(([lo, hi, amount]) =>
      purchase(WHEELED, hi === null ? `${lo}马力以上${variant}` : `${lo}–${hi}马力${variant}`, variant, incl(lo), hi === null ? null : excl(hi), amount),
    );
  return [...bands('两驱', twoWheel), ...bands('四驱', fourWheel)];
}

export const SAMPLE_BANDS: readonly CatalogBandValues[] = [
  // §3 农机报废更新补贴（示例标准）
  scrap(TRACTOR, '<20马力', null, excl(20), 1_500, null),
  scrap(TRACTOR, '20–50马力（含20、50）', incl(20), incl(50), 3_850, null),
  scrap(TRACTOR, '50–80马力（含80）', excl(50), incl(80), 7_860, null),
  scrap(TRACTOR, '80–100马力（含100）', excl(80), incl(100), 10_840, null),
  scrap(TRACTOR, '100–160马力（含160）', excl(100), incl(160), 13_140, null),
  scrap(TRACTOR, '160–200马力（含200）', excl(160), incl(200), 18_000, null),
  scrap(TRACTOR, '>200马力', excl(200), null, 20_000, null),
  scrap(FULL_FEED, '0.5–1kg/s（含0.5、1）', incl(0.5), incl(1), 3_000, 4_500),
  scrap(FULL_FEED, '1–3kg/s（含3）', excl(1), incl(3), 5_500, 8_250),
  scrap(FULL_FEED, '3–4kg/s（含4）', excl(3), incl(4), 7_300, 10_950),
  scrap(FULL_FEED, '>4kg/s', excl(4), null, 11_000, 16_500),
  scrap(HALF_FEED, '3行（≥35马力）', incl(3), incl(3), 7_200, 10_800),
  scrap(HALF_FEED, '≥4行（≥35马力）', incl(4), null, 17_500, 26_250),
  scrap(CORN, '2行', incl(2), incl(2), 7_200, 10_800),
  scrap(CORN, '3行', incl(3), incl(3), 12_500, 18_750),
  scrap(CORN, '≥4行', incl(4), null, 20_000, 30_000),
  scrap(SEEDER, '<6行（人力或畜力）', null, excl(6), 400, 600, '人畜力'),
  scrap(SEEDER, '<6行（拖拉机配套）', null, excl(6), 600, 900, '拖拉机配套'),
  scrap(SEEDER, '6–11行', incl(6), incl(11), 1_200, 1_800),
  scrap(SEEDER, '12–18行', incl(12), incl(18), 1_600, 2_400),
  scrap(SEEDER, '>18行', excl(18), null, 2_000, 3_000),
  scrap(THROWER, '≥7行', incl(7), null, 6_200, 9_300),
  scrap(MONITOR, '不分档', null, null, 630, null),
  scrap(STEERING, '不分档', null, null, 1_200, null),
  scrap(DRONE, '药箱<20L', null, excl(20), 2_000, 3_000),
  scrap(DRONE, '药箱20–30L', incl(20), incl(30), 3_000, 4_500),
  scrap(DRONE, '药箱30–50L', excl(30), excl(50), 3_900, 5_850),
  scrap(DRONE, '药箱≥50L', incl(50), null, 4_600, 6_900),
  // §4 农机购置与应用补贴: the amounts DOMAIN.md §4 gives (山东2024–2026征求意见稿节选) are marked §4; every other
  // amount below is an illustrative 示例 value so ordinary machines can be tried at the counter, not any official figure.
  ...wheeledTractors(),
  purchase(ROTARY, '单轴 1.5m及以下', '单轴', null, incl(1.5), 600),
  purchase(ROTARY, '单轴 1.5–2m', '单轴', excl(1.5), incl(2), 930), // §4
  purchase(ROTARY, '单轴 2–2.5m', '单轴', excl(2), incl(2.5), 1_300),
  purchase(ROTARY, '单轴 2.5m以上', '单轴', excl(2.5), null, 1_800),
  purchase(ROTARY, '双轴 2m及以下', '双轴', null, incl(2), 2_300),
  purchase(ROTARY, '双轴 2–2.5m', '双轴', excl(2), incl(2.5), 3_100), // §4
  purchase(ROTARY, '双轴 2.5m以上', '双轴', excl(2.5), null, 3_800),
  purchase(SUBSOILER, '6铲及以上', null, incl(6), null, 2_100), // §4
  purchase(PRECISION_SEEDER, '2–3行', null, incl(2), incl(3), 1_000),
  purchase(PRECISION_SEEDER, '4–5行', null, incl(4), incl(5), 1_800),
  purchase(PRECISION_SEEDER, '6行及以上', null, incl(6), null, 3_000),
  purchase(COMBINE, '轮式 1–4kg/s', '轮式', incl(1), excl(4), 9_000),
  purchase(COMBINE, '轮式 4–6kg/s', '轮式', incl(4), excl(6), 13_000),
  purchase(COMBINE, '轮式 6–8kg/s', '轮式', incl(6), excl(8), 18_000),
  purchase(COMBINE, '轮式 8kg/s及以上', '轮式', incl(8), null, 25_000),
  purchase(COMBINE, '履带式 1–4kg/s', '履带式', incl(1), excl(4), 10_000),
  purchase(COMBINE, '履带式 4–6kg/s', '履带式', incl(4), excl(6), 14_000),
  purchase(COMBINE, '履带式 6kg/s及以上', '履带式', incl(6), null, 20_000),
  purchase(BOOM_SPRAYER, '药箱<500L', null, null, excl(500), 800),
  purchase(BOOM_SPRAYER, '药箱500–1000L', null, incl(500), excl(1000), 3_500),
  purchase(BOOM_SPRAYER, '药箱1000L及以上', null, incl(1000), null, 8_000),
  purchase(UAV, '药箱<20L', null, null, excl(20), 3_000),
  purchase(UAV, '药箱20–30L', null, incl(20), excl(30), 4_500),
  purchase(UAV, '药箱30–50L', null, incl(30), excl(50), 6_000),
  purchase(UAV, '药箱50L及以上', null, incl(50), null, 8_000),
  purchase(DRYER, '批处理量<10t', null, null, excl(10), 10_000, DRYER_CAP_FEN),
  purchase(DRYER, '批处理量10–20t', null, incl(10), excl(20), 30_000, DRYER_CAP_FEN),
  purchase(DRYER, '批处理量20–30t', null, incl(20), excl(30), 50_000, DRYER_CAP_FEN),
  purchase(DRYER, '批处理量30t及以上', null, incl(30), null, 80_000, DRYER_CAP_FEN),
];

/**
 * Seeds the sample as the live 2025 catalogue, labelled 示例 with its source. Called inside
 * settings.setup's transaction so a new installation starts with it; a no-op when 2025 has one.
 */
export function seedSampleCatalog(ctx: ServiceContext, installation: InstallationRow): void {
  if (getLiveVersion(ctx.db, SAMPLE_CATALOG_YEAR)) return;
  writeCatalogVersion(ctx, installation, {
    year: SAMPLE_CATALOG_YEAR,
    title: SAMPLE_CATALOG_TITLE,
    source: SAMPLE_CATALOG_SOURCE,
    isSample: true,
    fileName: null,
    bands: SAMPLE_BANDS,
    // part of the first-run setup, which settings.setup audits itself
    method: null,
  });
}
