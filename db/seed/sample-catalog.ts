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
 */
export const SAMPLE_CATALOG_YEAR = 2025;
export const SAMPLE_CATALOG_TITLE = '2025年补贴额一览表（示例）';
export const SAMPLE_CATALOG_SOURCE = 'DOMAIN.md 示例表（2025年某省报废更新补贴标准及山东2024–2026购置补贴征求意见稿节选），非冠县正式目录';

/** Yuan as written in the tables → fen. */
const yuan = (n: number) => n * 100;
/** The per-machine ceiling of ordinary items in the provincial plan: 50,000 yuan. */
const ORDINARY_CAP_FEN = yuan(50_000);

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
    capFen: ORDINARY_CAP_FEN,
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
  // §4 农机购置与应用补贴（山东2024–2026征求意见稿节选）
  purchase(WHEELED, '30–40马力两驱', '两驱', excl(30), incl(40), 4_500),
  purchase(WHEELED, '100马力以上两驱', '两驱', incl(100), null, 15_300),
  purchase(WHEELED, '70–80马力四驱', '四驱', excl(70), incl(80), 7_900),
  purchase(ROTARY, '单轴 1.5–2m', '单轴', excl(1.5), incl(2), 930),
  purchase(ROTARY, '双轴 2–2.5m', '双轴', excl(2), incl(2.5), 3_100),
  purchase(SUBSOILER, '6铲及以上', null, incl(6), null, 2_100),
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
