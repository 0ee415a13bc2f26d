import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countsOperating,
  countsPlanned,
  currentHeatSource,
  dailyCapacity,
  DRYER_STATUSES,
  roundT,
} from '../../shared/domain/drying-dryers';
import { SITE_STAGES } from '../../shared/domain/drying-stages';

describe('daily capacity (t/日)', () => {
  it('derives batch dryers from t/批 × batches per day', () => {
    expect(dailyCapacity({ kind: 'batch', batchT: 15, dailyT: null }, 2)).toBe(30);
    expect(dailyCapacity({ kind: 'batch', batchT: 12.5, dailyT: null }, 2.5)).toBe(31.3);
  });

  it('takes an entered t/日 over the derived one, and for continuous dryers', () => {
    expect(dailyCapacity({ kind: 'batch', batchT: 15, dailyT: 40 }, 2)).toBe(40);
    expect(dailyCapacity({ kind: 'continuous', batchT: null, dailyT: 300 }, 2)).toBe(300);
    expect(dailyCapacity({ kind: 'continuous', batchT: 20, dailyT: null }, 2)).toBeNull();
  });

  it('rounds sums to 0.1 t without binary noise', () => {
    expect(roundT(0.1 + 0.2)).toBe(0.3);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (tenths) => {
        expect(roundT(tenths / 10)).toBe(tenths / 10);
      }),
    );
  });
});

describe('which dryers count', () => {
  it('operating: 在用 or 已改造 at a site 投产', () => {
    for (const status of DRYER_STATUSES) {
      for (const stage of SITE_STAGES) {
        expect(countsOperating(status, stage), `${status}@${stage}`).toBe(
          stage === 'operating' && (status === 'in_use' || status === 'converted'),
        );
      }
    }
  });

  it('planned: every dryer not 已淘汰 at a site not 停用', () => {
    for (const status of DRYER_STATUSES) {
      for (const stage of SITE_STAGES) expect(countsPlanned(status, stage)).toBe(status !== 'retired' && stage !== 'closed');
    }
  });

  it('operating capacity never exceeds planned', () => {
    for (const status of DRYER_STATUSES)
      for (const stage of SITE_STAGES) if (countsOperating(status, stage)) expect(countsPlanned(status, stage)).toBe(true);
  });
});

describe('heat source now', () => {
  it('is the new one once a conversion is done', () => {
    expect(currentHeatSource('coal', null)).toBe('coal');
    expect(currentHeatSource('coal', { newHeatSource: 'electric', actualDate: null })).toBe('coal');
    expect(currentHeatSource('coal', { newHeatSource: 'electric', actualDate: '2025-03-01' })).toBe('electric');
  });
});
