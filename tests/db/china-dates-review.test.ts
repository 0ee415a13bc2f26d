import { afterAll, describe, expect, it } from 'vitest';
import { machineIndex } from '../../db/county-package/contents';
import { planScrap, type ScrapRowInput, type ScrapState } from '../../db/ledger-import/classify-scrap';
import { recordRewrite } from '../../db/services/county-import-records';
import { LIULIN, stationCore, steppingClock, tempCore, type TempCore } from '../support/core';
import { setUpInstallation } from '../support/setup';
import { addFarmer, addScrap } from '../support/stations';

/**
 * Civil dates taken from a timestamp between 16:00 and 24:00 UTC: in China it is already the next day
 * (and at New Year the next year), whatever the UTC date says.
 */
const cores: TempCore[] = [];
afterAll(() => cores.forEach((c) => c.dispose()));

describe('dates in China time, not UTC', () => {
  it('machine index: a scrap not handed over yet counts in the China year it was registered', async () => {
    // 2025-12-31 17:00 UTC is 2026-01-01 01:00 in China
    const station = await stationCore({ now: steppingClock(Date.UTC(2025, 11, 31, 17, 0, 0)) });
    cores.push(station);
    const owner = await addFarmer(station, 3);
    const scrap = await addScrap(station, owner.id, { handoverDate: undefined, dismantleDate: undefined, engineNo: 'ENG-NY-1', frameNo: 'FR-NY-1' });
    expect(scrap.handoverDate ?? null).toBeNull();
    const entries = machineIndex(station.ctx).filter((e) => e.kind === 'scrap');
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.map((e) => e.year)).toEqual(entries.map(() => 2026));
  });

  it('history rewrite conflict: the rewritten entry is dated in China time', async () => {
    const county = tempCore({ now: steppingClock(Date.UTC(2025, 6, 1, 2, 0, 0)) });
    cores.push(county);
    await setUpInstallation(county, { role: 'county' });
    county.db.transaction(() =>
      recordRewrite(county.ctx, 'station-1', LIULIN, 'a'.repeat(64), {
        seq: 5,
        at: '2025-06-30T18:30:00.000Z',
        method: 'farmers.update',
        operator: '王会计',
        detail: '改写了一条记录',
      }),
    )();
    const row = county.db.prepare("SELECT records_json FROM conflicts WHERE kind = 'history_rewritten'").get() as { records_json: string };
    expect(JSON.parse(row.records_json)[0].date).toBe('2025-07-01');
  });

  it('ledger import: the refusal names the China date the machine was scrapped at the station', () => {
    const none = { get: () => undefined, set: () => undefined };
    const state = {
      lookups: {
        scrapsByNumbers: () => [
          { f_id_number: '其他人', f_name: '李四', handover_date: '2025-03-01', created_at: '2025-03-01T16:30:00.000Z', item: '拖拉机', model: 'X-1' },
        ],
      },
      keysInFile: none,
      numbersInFile: none,
      catalog: {},
    } as unknown as ScrapState;
    const raw = (f: string) => (f === 'engineNo' ? 'ENG-LEDGER-1' : '');
    const input = {
      raw,
      result: { notes: [], reasons: [] },
      at: '第 2 行',
      farmer: null,
      idNumber: '370000000000000000',
      date: '2025-04-01',
      subsidyFen: 100,
      status: null,
      paidFen: null,
      refusals: [],
      attention: [],
    } as unknown as ScrapRowInput;
    const plan = planScrap(state, input);
    expect(plan.result.outcome).toBe('refused');
    expect(plan.result.reasons.join('；')).toContain('已于 2025-03-02 登记报废');
  });
});
