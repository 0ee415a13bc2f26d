import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpInstallation } from '../support/setup';
import { SAMPLE_BANDS, SAMPLE_CATALOG_SOURCE } from '../../db/seed/sample-catalog';
import type { CatalogBand } from '../../shared/schemas/catalog';
import { bandContains, pickBand } from '../../shared/domain/bands';
import type { CatalogList, CatalogPickBandResult } from '../../shared/schemas/catalog-api';
import { expectFail, expectOk, stationCore, tempCore, type TempCore } from '../support/core';

/**
 * DOMAIN.md §3 and §4 typed out again by hand, in yuan: item, band label, scrap only, scrap + replace
 * ("–" = null), purchase. The seeded sample must match it to the fen.
 */
const DOMAIN_TABLE: [string, string, number | null, number | null, number | null][] = [
  ['拖拉机', '<20马力', 1_500, null, null],
  ['拖拉机', '20–50马力（含20、50）', 3_850, null, null],
  ['拖拉机', '50–80马力', 7_860, null, null],
  ['拖拉机', '80–100马力', 10_840, null, null],
  ['拖拉机', '100–160马力', 13_140, null, null],
  ['拖拉机', '160–200马力', 18_000, null, null],
  ['拖拉机', '>200马力', 20_000, null, null],
  ['自走式全喂入稻麦联合收割机', '0.5–1kg/s', 3_000, 4_500, null],
  ['自走式全喂入稻麦联合收割机', '1–3kg/s', 5_500, 8_250, null],
  ['自走式全喂入稻麦联合收割机', '3–4kg/s', 7_300, 10_950, null],
  ['自走式全喂入稻麦联合收割机', '>4kg/s', 11_000, 16_500, null],
  ['半喂入稻麦联合收割机', '3行', 7_200, 10_800, null],
  ['半喂入稻麦联合收割机', '≥4行', 17_500, 26_250, null],
  ['自走式玉米联合收割机', '2行', 7_200, 10_800, null],
  ['自走式玉米联合收割机', '3行', 12_500, 18_750, null],
  ['自走式玉米联合收割机', '≥4行', 20_000, 30_000, null],
  ['播种机', '<6行（人力或畜力）', 400, 600, null],
  ['播种机', '<6行（拖拉机配套）', 600, 900, null],
  ['播种机', '6–11行', 1_200, 1_800, null],
  ['播种机', '12–18行', 1_600, 2_400, null],
  ['播种机', '>18行', 2_000, 3_000, null],
  ['水稻抛秧机', '≥7行', 6_200, 9_300, null],
  ['田间作业监测终端', '不分档', 630, null, null],
  ['农用北斗辅助驾驶系统', '不分档', 1_200, null, null],
  ['植保无人机', '药箱<20L', 2_000, 3_000, null],
  ['植保无人机', '药箱20–30L', 3_000, 4_500, null],
  ['植保无人机', '药箱30–50L', 3_900, 5_850, null],
  ['植保无人机', '药箱≥50L', 4_600, 6_900, null],
  ['轮式拖拉机', '30–40马力两驱', null, null, 4_500],
  ['轮式拖拉机', '100马力以上两驱', null, null, 15_300],
  ['轮式拖拉机', '70–80马力四驱', null, null, 7_900],
  ['旋耕机', '单轴 1.5–2m', null, null, 930],
  ['旋耕机', '双轴 2–2.5m', null, null, 3_100],
  ['深松机', '6铲及以上', null, null, 2_100],
];

const fen = (yuan: number | null) => (yuan === null ? null : yuan * 100);

let core: TempCore;
let sample: CatalogList;
beforeAll(async () => {
  core = await stationCore();
  sample = expectOk<CatalogList>(await core.call('catalog.list', { year: 2025 }));
});
afterAll(() => core.dispose());

const find = (item: string, labelStart: string): CatalogBand => {
  const band = sample.bands.find((b) => b.item === item && b.bandLabel.startsWith(labelStart));
  if (!band) expect.fail(`no band ${item} ${labelStart}`);
  return band;
};

describe('the sample catalogue seeded on setup', () => {
  it('is the live 2025 version, labelled 示例 with its source', () => {
    expect(sample.version).toMatchObject({
      year: 2025,
      isSample: true,
      source: SAMPLE_CATALOG_SOURCE,
      title: '2025年补贴额一览表（示例）',
      importedBy: '王会计',
      supersededAt: null,
      fileName: null,
      bandCount: SAMPLE_BANDS.length,
    });
    expect(sample.version?.source).toContain('非冠县正式目录');
    expect(sample.versions).toHaveLength(1);
  });

  it('holds every row of DOMAIN.md §3 and the §4 examples with their exact amounts', () => {
    expect(sample.bands).toHaveLength(SAMPLE_BANDS.length);
    DOMAIN_TABLE.forEach(([item, label, scrap, replace, purchase]) => {
      const band = sample.bands.find((b) => b.item === item && b.bandLabel.startsWith(label) && (purchase === null) === (b.purchaseFen === null));
      if (!band) expect.fail(`${item} ${label} is missing`);
      expect([band.scrapFen, band.scrapReplaceFen, band.purchaseFen], `${item} ${label}`).toEqual([
        fen(scrap),
        fen(replace),
        fen(purchase),
      ]);
    });
  });

  it('spot checks to the fen, edges, variants, caps and scope', () => {
    expect(find('拖拉机', '20–50')).toMatchObject({
      scrapFen: 385_000,
      scrapReplaceFen: null,
      lower: 20,
      lowerInclusive: true,
      upper: 50,
      upperInclusive: true,
    });
    expect(find('拖拉机', '50–80')).toMatchObject({ scrapFen: 786_000, lower: 50, lowerInclusive: false, upper: 80, upperInclusive: true });
    expect(find('自走式全喂入稻麦联合收割机', '1–3')).toMatchObject({ scrapFen: 550_000, scrapReplaceFen: 825_000, param: 'feed_kgs' });
    expect(find('播种机', '<6行（拖拉机配套）')).toMatchObject({ variant: '拖拉机配套', scrapFen: 60_000, scrapReplaceFen: 90_000 });
    expect(find('田间作业监测终端', '不分档')).toMatchObject({ param: 'none', scrapFen: 63_000, scrapReplaceFen: null });
    expect(find('轮式拖拉机', '70–80马力四驱')).toMatchObject({ variant: '四驱', purchaseFen: 790_000, capFen: 5_000_000, scrapScope: false });
    expect(find('旋耕机', '单轴 1.5–2m')).toMatchObject({ variant: '单轴', param: 'width_m', purchaseFen: 93_000, capFen: 5_000_000 });
    expect(find('深松机', '6铲')).toMatchObject({ param: 'shanks', lower: 6, lowerInclusive: true, upper: null, purchaseFen: 210_000 });
    expect(sample.bands.filter((b) => b.scrapScope).map((b) => b.item)).not.toContain('轮式拖拉机');
  });

  it('is seeded for the county bureau too, inside setup (whose audit row covers it)', async () => {
    const county = tempCore();
    try {
      (await setUpInstallation(county, { role: 'county', name: '县局管理员' }));
      const list = expectOk<CatalogList>(await county.call('catalog.list', {}));
      expect(list.version?.isSample).toBe(true);
      expect(list.bands).toHaveLength(SAMPLE_BANDS.length);
      const audit = expectOk<{ items: { method: string }[] }>(await county.call('audit.list', {}));
      expect(audit.items.map((a) => a.method)).toEqual(['users.create', 'settings.setup']);
    } finally {
      county.dispose();
    }
  });
});

describe('the sample covers everyday machines (issue 17 item 12)', () => {
  const purchaseBand = async (item: string, value: number | null, variant: string | null = null) => {
    const r = expectOk<CatalogPickBandResult>(await core.call('catalog.pickBand', { year: 2025, item, value, variant }));
    return r.band;
  };

  it('a typical 55 hp two-wheel-drive tractor and its four-wheel-drive sibling get a purchase band', async () => {
    expect(await purchaseBand('轮式拖拉机', 55, '两驱')).toMatchObject({ bandLabel: '50–60马力两驱', variant: '两驱' });
    expect((await purchaseBand('轮式拖拉机', 55, '两驱'))?.purchaseFen).toBeGreaterThan(0);
    expect(await purchaseBand('轮式拖拉机', 55, '四驱')).toMatchObject({ bandLabel: '50–60马力四驱', variant: '四驱' });
  });

  it('every horsepower from 20 to 300, either drive type, has exactly one purchase band; more power never pays less', () => {
    const wheeled = SAMPLE_BANDS.filter((b) => b.item === '轮式拖拉机');
    for (const variant of ['两驱', '四驱']) {
      let last = 0;
      for (let hp = 20; hp <= 300; hp += 2.5) {
        const band = pickBand(wheeled, hp, variant);
        expect(band, `${hp} hp ${variant}`).toBeDefined();
        expect(wheeled.filter((b) => b.variant === variant && bandContains(b, hp)), `${hp} hp ${variant}`).toHaveLength(1);
        expect(band!.purchaseFen!).toBeGreaterThanOrEqual(last);
        last = band!.purchaseFen!;
      }
    }
  });

  it.each([
    ['旋耕机', 2.3, '双轴'],
    ['旋耕机', 1.8, '单轴'],
    ['单粒（精密）播种机', 4, null],
    ['谷物联合收割机', 5, '轮式'],
    ['谷物联合收割机', 8, '履带式'],
    ['喷杆喷雾机', 700, null],
    ['植保无人驾驶航空器', 40, null],
    ['谷物烘干机', 12, null],
  ] as const)('a %s (%s, %s) gets a purchase band with an amount', async (item, value, variant) => {
    const band = await purchaseBand(item, value, variant);
    expect(band, `${item} ${value}`).not.toBeNull();
    expect(band?.purchaseFen).toBeGreaterThan(0);
    expect(band?.capFen).toBeGreaterThanOrEqual(band?.purchaseFen ?? 0);
  });

  it('the amounts DOMAIN §4 gives are kept, and the dryer ceiling is 120,000 yuan', () => {
    expect(find('轮式拖拉机', '30–40马力两驱').purchaseFen).toBe(450_000);
    expect(find('轮式拖拉机', '100马力以上两驱').purchaseFen).toBe(1_530_000);
    expect(find('轮式拖拉机', '70–80马力四驱').purchaseFen).toBe(790_000);
    expect(find('谷物烘干机', '批处理量10–20t').capFen).toBe(12_000_000);
    expect(sample.version?.source).toContain('示例值');
  });
});

describe('catalog.pickBand', () => {
  const pick = async (input: { year?: number; item?: string; value: number | null; variant?: string | null }) =>
    expectOk<CatalogPickBandResult>(await core.call('catalog.pickBand', { year: 2025, item: '拖拉机', ...input }));

  it.each([
    [20, '20–50马力（含20、50）', 385_000],
    [50, '20–50马力（含20、50）', 385_000],
    [50.5, '50–80马力', 786_000],
    [80, '50–80马力', 786_000],
    [80.1, '80–100马力', 1_084_000],
    [200, '160–200马力', 1_800_000],
    [200.5, '>200马力', 2_000_000],
    [19.9, '<20马力', 150_000],
  ])('a %s hp tractor falls in %s (%i fen)', async (hp, label, scrapFen) => {
    const r = await pick({ value: hp });
    expect(r.band?.bandLabel.startsWith(label)).toBe(true);
    expect(r.band?.scrapFen).toBe(scrapFen);
    expect(r.candidates).toHaveLength(7);
  });

  it('uses the variant, and gives the candidates when nothing matches', async () => {
    expect((await pick({ item: '轮式拖拉机', value: 35, variant: '两驱' })).band?.purchaseFen).toBe(450_000);
    const none = await pick({ item: '轮式拖拉机', value: 35 });
    expect(none.band).toBeNull();
    expect(none.candidates.map((b) => b.bandLabel)).toContain('30–40马力两驱');
    expect(none.candidates.map((b) => b.bandLabel)).toContain('70–80马力四驱');
    expect((await pick({ item: '播种机', value: 8, variant: '拖拉机配套' })).band?.bandLabel).toBe('6–11行');
    expect((await pick({ item: '农用北斗辅助驾驶系统', value: null })).band?.scrapFen).toBe(120_000);
    expect(await pick({ item: '不存在的品目', value: 10 })).toEqual({ band: null, candidates: [], catalogYear: 2025 });
  });

  it('refuses a year without a catalogue, and bad input', async () => {
    expect(expectFail(await core.call('catalog.pickBand', { year: 2020, item: '拖拉机', value: 30 }), 'NOT_FOUND').message).toContain(
      '2020',
    );
    // a later year without its own table uses the newest earlier one in force
    const later = expectOk<{ catalogYear: number; band: { scrapFen: number } | null }>(
      await core.call('catalog.pickBand', { year: 2031, item: '拖拉机', value: 30 }),
    );
    expect([later.catalogYear, later.band?.scrapFen]).toEqual([2025, 385_000]);
    expectFail(await core.call('catalog.pickBand', { year: 2025, item: '拖拉机', value: '30' }), 'VALIDATION');
    expectFail(await core.call('catalog.pickBand', { year: 2025, item: '', value: 30 }), 'VALIDATION');
  });
});

describe('catalog.list search', () => {
  const items = async (q: string, extra: Record<string, unknown> = {}) => {
    const list = expectOk<CatalogList>(await core.call('catalog.list', { q, ...extra }));
    return [...new Set(list.bands.map((b) => b.item))];
  };

  it('finds 拖拉机 by pinyin initials, full pinyin and part of the name', async () => {
    expect(await items('tlj')).toEqual(['拖拉机', '轮式拖拉机']);
    expect(await items('TLJ')).toEqual(['拖拉机', '轮式拖拉机']);
    expect(await items('tuolaji')).toEqual(['拖拉机', '轮式拖拉机']);
    expect(await items('拖拉')).toEqual(['拖拉机', '轮式拖拉机']);
    expect(await items('lstlj')).toEqual(['轮式拖拉机']);
  });

  it('finds other items by initials', async () => {
    expect(await items('zbwrj')).toEqual(['植保无人机', '植保无人驾驶航空器']);
    expect(await items('xgj')).toEqual(['旋耕机']);
    expect(await items('bzj')).toEqual(['播种机', '单粒（精密）播种机']);
    expect(await items('ymlhsgj')).toEqual(['自走式玉米联合收割机']);
  });

  it('narrows to the scrapping scope, and finds nothing for nonsense without failing', async () => {
    expect(await items('tlj', { scrapScope: true })).toEqual(['拖拉机']);
    expect(await items('tlj', { scrapScope: false })).toEqual(['轮式拖拉机']);
    expect(await items('qqqq')).toEqual([]);
    expect(await items('100%_')).toEqual([]);
  });

  it('answers a year without a catalogue with no version, and refuses an unknown version', async () => {
    const list = expectOk<CatalogList>(await core.call('catalog.list', { year: 2031 }));
    expect(list.version).toBeNull();
    expect(list.bands).toEqual([]);
    expect(list.versions).toHaveLength(1);
    expectFail(await core.call('catalog.list', { versionId: '00000000-0000-4000-8000-000000000000' }), 'NOT_FOUND');
  });
});
