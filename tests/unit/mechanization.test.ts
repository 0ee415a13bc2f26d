import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  areaGap,
  areaIssues,
  mechanizationRates,
  sumAreas,
  weightsValid,
  type MechanizationAreas,
} from '../../shared/domain/mechanization';

const areas = (
  tillageBaseMu: number,
  tilledMu: number,
  sownMu: number,
  machineSownMu: number,
  machineHarvestedMu: number,
): MechanizationAreas => ({
  tillageBaseMu,
  tilledMu,
  sownMu,
  machineSownMu,
  machineHarvestedMu,
});

describe('mechanizationRates (DOMAIN.md §5)', () => {
  it('the DOMAIN example: 97.5% tilled, 93.0% sown, 91.0% harvested → 94.2%, meeting 94%', () => {
    const r = mechanizationRates(areas(200_000, 195_000, 200_000, 186_000, 182_000));
    expect(r).toEqual({ tillage: 97.5, sowing: 93, harvest: 91, comprehensive: 94.2 });
    expect(r.comprehensive).toBeGreaterThanOrEqual(94);
    expect(areaGap(areas(200_000, 195_000, 200_000, 186_000, 182_000), 94)).toMatchObject({ shortfallPct: 0, minimumMu: 0 });
  });

  it('uses configurable weights; no base area means no rate', () => {
    const a = areas(1000, 900, 1000, 800, 700);
    expect(mechanizationRates(a, { tillage: 0.5, sowing: 0.25, harvest: 0.25 }).comprehensive).toBe(82.5); // 45 + 20 + 17.5
    expect(mechanizationRates(areas(0, 0, 1000, 500, 500))).toEqual({ tillage: null, sowing: 50, harvest: 50, comprehensive: null });
  });

  it('a township is area-weighted over its crops, never an average of rates', () => {
    const wheat = areas(100, 100, 100, 100, 100); // 100%
    const cotton = areas(900, 450, 900, 450, 450); // 50%
    const sum = sumAreas([wheat, cotton]);
    expect(sum).toEqual(areas(1000, 550, 1000, 550, 550));
    expect(mechanizationRates(sum).comprehensive).toBe(55); // not (100 + 50) / 2
  });

  it('flags machine areas above their base', () => {
    expect(areaIssues(areas(100, 101, 50, 51, 50))).toEqual([
      { path: 'tilledMu', message: '机耕面积不能大于应耕面积' },
      { path: 'machineSownMu', message: '机播面积不能大于农作物播种面积' },
    ]);
    expect(areaIssues(areas(100, 100, 50, 50, 50))).toEqual([]);
  });

  it('checks the weights sum to 1', () => {
    expect(weightsValid({ tillage: 0.4, sowing: 0.3, harvest: 0.3 })).toBe(true);
    expect(weightsValid({ tillage: 0.5, sowing: 0.3, harvest: 0.3 })).toBe(false);
  });

  it('property: every rate within 0–100 and the comprehensive rate between the lowest and highest', () => {
    const area = fc.integer({ min: 1, max: 1_000_000 });
    fc.assert(
      fc.property(
        area,
        area,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (t, s, a, b, c) => {
          const r = mechanizationRates(areas(t, t * a, s, s * b, s * c));
          const parts = [r.tillage, r.sowing, r.harvest] as number[];
          for (const x of [...parts, r.comprehensive as number]) {
            expect(x).toBeGreaterThanOrEqual(0);
            expect(x).toBeLessThanOrEqual(100);
          }
          expect(r.comprehensive as number).toBeGreaterThanOrEqual(Math.min(...parts) - 0.01);
          expect(r.comprehensive as number).toBeLessThanOrEqual(Math.max(...parts) + 0.01);
        },
      ),
    );
  });
});

describe('areaGap: extra machine-worked mu that reach the target', () => {
  // 1,000 mu everywhere, 90% worked in each operation → 90%
  const ninety = areas(1000, 900, 1000, 900, 900);

  it('fills tillage first (0.4 / 1,000 per mu beats 0.3 / 1,000): 100 mu close a 4-point gap', () => {
    const g = areaGap(ninety, 94);
    expect(g.shortfallPct).toBe(4);
    expect(g.minimumMu).toBe(100);
    expect(g.plan).toEqual({ tillage: 100, sowing: 0, harvest: 0 });
    // sowing alone would need 133.3 mu but only 100 are unsown by machine
    expect(g.alone).toEqual({ tillage: 100, sowing: null, harvest: null });
  });

  it('spills into the next operation when the first runs out of room', () => {
    expect(areaGap(ninety, 97)).toMatchObject({ minimumMu: 200, plan: { tillage: 100, sowing: 100, harvest: 0 } });
    expect(areaGap(ninety, 100)).toMatchObject({ minimumMu: 300, plan: { tillage: 100, sowing: 100, harvest: 100 } });
  });

  it('cannot go past full mechanization; nothing entered has no gap in mu', () => {
    expect(areaGap(ninety, 100.5).minimumMu).toBeNull();
    expect(areaGap(areas(0, 0, 0, 0, 0), 94)).toMatchObject({ shortfallPct: 94, minimumMu: null });
  });

  it('rounds each part up to whole mu', () => {
    // 93.9% → 94% needs 0.1 point: 0.001 × 1,000 / 0.4 = 2.5 mu of tillage → 3
    expect(areaGap(areas(1000, 975, 1000, 930, 900), 94).minimumMu).toBe(3);
  });
});
