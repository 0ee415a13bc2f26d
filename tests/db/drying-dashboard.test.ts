import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dryer, Site } from '../../shared/schemas/drying';
import type { DryingSummary } from '../../shared/schemas/drying-summary';
import type { ProgressSummary } from '../../shared/schemas/progress';
import { coalState } from '../../db/services/progress-drying';
import { exportedFile } from '../support/exports';
import { expectFail, expectOk, stationCore, steppingClock, type TempCore } from '../support/core';
import { COAL_EXPECTED, COAL_FIXTURE, COAL_FROM, COAL_TO, dryerInput, siteInput } from '../support/drying';

let core: TempCore;

beforeEach(async () => {
  // today is the fixture's 2025-03-15
  core = await stationCore({ now: steppingClock(Date.UTC(2025, 2, 15, 4, 0, 0)) });
});
afterEach(() => core.dispose());

async function operatingSite(overrides: Record<string, unknown> = {}): Promise<Site> {
  let s = expectOk<Site>(await core.call('drying.sites.create', siteInput(overrides)));
  for (const to of ['building', 'built', 'operating']) {
    s = expectOk<Site>(await core.call('drying.sites.transition', { id: s.id, to, date: '2025-01-05' } as never));
  }
  return s;
}

/** The five coal dryers of the fixture, entered and retired through the API. */
async function enterFixture(siteId: string) {
  for (const [name, f] of Object.entries(COAL_FIXTURE)) {
    const d = expectOk<Dryer>(
      await core.call('drying.dryers.create', dryerInput(siteId, { model: `5HXG-${name}`, yearInstalled: f.yearInstalled })),
    );
    if (!f.plan || !f.plannedDate) continue;
    const input = {
      dryerId: d.id,
      plan: f.plan,
      plannedDate: f.plannedDate,
      actualDate: f.actualDate,
      newHeatSource: f.plan === 'convert' ? 'electric' : null,
    };
    expectOk(await core.call('drying.dryers.retire', input as never));
  }
}

describe('coal dryers remaining over time', () => {
  it('matches the independently computed month-end counts', async () => {
    const s = await operatingSite();
    await enterFixture(s.id);
    const sum = expectOk<DryingSummary>(await core.call('drying.summary', { fromMonth: COAL_FROM, toMonth: COAL_TO }));
    expect(sum.coal.months).toEqual(COAL_EXPECTED);
    expect(sum.coal).toMatchObject({
      targetYear: 2025,
      total: 5,
      remaining: 2,
      retired: 2,
      converted: 1,
      planned: 1,
      unplanned: 1,
      offTarget: 1,
    });
    expect(sum.county.coalRemaining).toBe(2);
  });

  it('by default runs from last year to the end of the target year, which is the year’s targets’ one', async () => {
    const s = await operatingSite();
    await enterFixture(s.id);
    let sum = expectOk<DryingSummary>(await core.call('drying.summary', {}));
    expect([sum.coal.months[0]?.month, sum.coal.months.at(-1)?.month]).toEqual(['2024-01', '2025-12']);
    // the year is no longer a drying setting
    expectFail(await core.call('drying.config.update', { batchesPerDay: 2, coalTargetYear: 2026 }), 'VALIDATION');
    // a year set in the old drying setting is carried forward while the year has no targets of its own
    core.db.prepare("INSERT INTO config (key, value_json, updated_at) VALUES ('coalDryerTargetYear', '2026', '2025-03-01T00:00:00.000Z')").run();
    sum = expectOk<DryingSummary>(await core.call('drying.summary', {}));
    expect(sum.config).toEqual({ batchesPerDay: 2, coalTargetYear: 2026 });
    expect(sum.coal.months.at(-1)?.month).toBe('2026-12');
    expect(sum.coal.offTarget).toBe(1);
    // the year's targets (as the county sets them) decide
    core.db
      .prepare(
        `INSERT INTO targets (id, station_id, year, scrap_count, purchase_count, mechanization_rate, coal_dryers_zero_by, created_at, updated_at)
         VALUES ('00000000-0000-4000-8000-000000000001', 's', 2025, 100, 900, 94, 2027, '2025-03-02T00:00:00.000Z', '2025-03-02T00:00:00.000Z')`,
      )
      .run();
    sum = expectOk<DryingSummary>(await core.call('drying.summary', {}));
    expect(sum.config.coalTargetYear).toBe(2027);
  });
});

describe('the 粮食烘干 card of 目标进度', () => {
  it('shows the drying module’s own figures and the coal dryers against the target year', async () => {
    let card = expectOk<ProgressSummary>(await core.call('progress.summary', { year: 2025 })).drying;
    expect(card).toMatchObject({ operatingTpd: 0, centres: 0, points: 0, coal: { state: 'none', total: 0 } });
    const s = await operatingSite();
    await enterFixture(s.id);
    const dash = expectOk<DryingSummary>(await core.call('drying.summary', {}));
    card = expectOk<ProgressSummary>(await core.call('progress.summary', { year: 2025 })).drying;
    expect(card.operatingTpd).toBe(dash.county.operatingT);
    expect(card.operatingTpd).toBeGreaterThan(0);
    expect([card.centres + card.points, card.dryers]).toEqual([1, dash.county.dryers]);
    expect(card.coal).toEqual({
      total: dash.coal.total,
      remaining: dash.coal.remaining,
      state: 'remaining',
      text: `剩余 ${dash.coal.remaining} 台（2025 年底前清零）`,
    });
    expect(coalState(2, 5, 2025, '2026-01-01')).toMatchObject({ state: 'overdue', text: '逾期 2 台（应于 2025 年底前清零）' });
    expect(coalState(0, 5, 2025, '2026-01-01').state).toBe('done');
    expect(coalState(2, 5, null, '2025-06-01').text).toBe('剩余 2 台（清零年份未设定）');
  });
});

describe('sites by stage and overdue sites', () => {
  it('lists sites past their planned completion that are not 投产, latest first', async () => {
    await operatingSite({ plannedCompletion: '2025-01-31' }); // done: not overdue
    const late = expectOk<Site>(
      await core.call(
        'drying.sites.create',
        siteInput({ name: '贾镇烘干点', kind: 'point', townshipCode: '371525101', plannedCompletion: '2025-03-01' }),
      ),
    );
    expectOk(
      await core.call(
        'drying.sites.create',
        siteInput({ name: '桑阿镇烘干点', kind: 'point', townshipCode: '371525102', plannedCompletion: '2025-03-15' }),
      ),
    );
    const sum = expectOk<DryingSummary>(await core.call('drying.summary', {}));
    expect(sum.overdue).toEqual([
      {
        id: late.id,
        name: '贾镇烘干点',
        kind: 'point',
        townshipName: '贾镇',
        stage: 'planned',
        plannedCompletion: '2025-03-01',
        daysOverdue: 14,
      },
    ]);
    expect(sum.county.byStage).toEqual({ planned: 2, building: 0, built: 0, operating: 1, closed: 0 });
  });
});

describe('Excel export', () => {
  it('writes sites, dryers and the coal-retirement ledger', async () => {
    const s = await operatingSite();
    await enterFixture(s.id);
    await core.call('drying.dryers.create', dryerInput(s.id, { heatSource: 'electric', model: 'HP-20', batchT: 20 }));
    const file = await exportedFile(core, 'drying.exportXlsx', {});
    expect(file.fileName).toMatch(/^柳林镇农机站-烘干设施台账-\d{8}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file.path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['烘干设施', '烘干机', '燃煤烘干机淘汰台账']);
    const values = (sheet: string, row: number) => (wb.getWorksheet(sheet)?.getRow(row).values as unknown[]).slice(1);
    expect(values('烘干设施', 3)).toEqual(
      expect.arrayContaining([
        '柳林镇粮食烘干中心',
        '烘干中心',
        '柳林镇',
        '投产',
        '符合',
        '冠自然资规〔2025〕12号',
        3_800_000,
        1_200_000,
        12_000,
      ]),
    );
    expect(wb.getWorksheet('烘干机')?.rowCount).toBe(2 + 6);
    expect(values('烘干机', 8)).toEqual(expect.arrayContaining(['HP-20', 20, 40, '按批次折算', '电/热泵/空气能', '在用']));
    const ledger = wb.getWorksheet('燃煤烘干机淘汰台账');
    expect(ledger?.getRow(1).values).toContain('柳林镇农机站 燃煤烘干机淘汰/改造台账（目标：2025年底前清零）（全部乡镇，截至 2025-03-15）');
    expect(ledger?.rowCount).toBe(2 + 5);
    expect(values('燃煤烘干机淘汰台账', 3)).toEqual(
      expect.arrayContaining(['5HXG-A', '改造（更换热源）', '2024-06-15', '2024-05-20', '电/热泵/空气能', '已完成']),
    );
    expect(values('燃煤烘干机淘汰台账', 6)).toEqual(expect.arrayContaining(['5HXG-D', '未安排', '否']));
    expect(file.rowCount).toBe(1 + 6 + 5);
  });
});
