import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TOWNSHIPS } from '../../shared/domain/townships';
import { dryingTotalsStatements } from '../../db/repositories/drying-totals';
import { queryPlan } from '../../db/repositories/progress';
import { setConfig } from '../../db/services/config';
import { dryingSummary } from '../../db/services/drying-summary';
import { progressDrying } from '../../db/services/progress-drying';
import { stationCore, steppingClock, type TempCore } from '../support/core';
import { referenceDryingSummary, referenceProgressDrying } from '../support/drying-reference';

/**
 * The drying dashboards aggregate in SQL since issue 16; the old JS aggregation (tests/support/drying-reference.ts)
 * is the reference. A generated file with the edge cases: voided sites, dryers and retirements, a voided
 * retirement replaced by a live one, closed sites, every stage and status, coal dryers retired, converted or
 * not, conversions not yet done, dryers with odd decimals (ties for the one-decimal rounding), a township
 * outside the county, sites overdue or not.
 */

let core: TempCore;
beforeEach(async () => {
  core = await stationCore({ now: steppingClock(Date.UTC(2025, 5, 15, 4, 0, 0)) });
});
afterEach(() => core.dispose());

/** Deterministic pseudo-random numbers (mulberry32) so a failure can be reproduced. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STAGES = ['planned', 'building', 'built', 'operating', 'closed'] as const;
const HEATS = ['coal', 'coal', 'coal', 'oil', 'gas', 'biomass', 'electric', 'solar'] as const;
const STATUSES = ['in_use', 'in_use', 'stopped', 'retired', 'converted'] as const;
const ODD_T = [0.05, 0.15, 0.25, 1.05, 1.35, 2.45, 7.35, 10, 12.25, 33.333, 15, 0.1, 0.2];

function generate(seed: number, sites: number) {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const db = core.db;
  const station = db.prepare('SELECT station_id FROM installation').pluck().get() as string;
  const codes = [...TOWNSHIPS.slice(0, 4).map((t) => t.code as string), '371526001'];
  const at = '2025-01-01T00:00:00.000Z';
  const insertSite = db.prepare(
    `INSERT INTO drying_sites (id, station_id, name, kind, township_code, village, stage, planned_on, building_on, planned_completion,
       conformity, conformity_doc_no, created_at, updated_at, voided_at, void_reason)
     VALUES (@id, @station, @name, @kind, @code, '某村', @stage, '2023-01-01', @building, @completion, @conformity, @doc, @at, @at, @voided, @reason)`,
  );
  const insertDryer = db.prepare(
    `INSERT INTO dryers (id, station_id, site_id, maker, model, kind, batch_t, daily_t, heat_source, year_installed, status, created_at, updated_at,
       voided_at, void_reason)
     VALUES (@id, @station, @site, '厂', '型号', @kind, @batch, @daily, @heat, @year, @status, @at, @at, @voided, @reason)`,
  );
  const insertRetirement = db.prepare(
    `INSERT INTO dryer_retirements (id, station_id, dryer_id, plan, planned_date, actual_date, new_heat_source, created_at, updated_at,
       voided_at, void_reason)
     VALUES (@id, @station, @dryer, @plan, @planned, @actual, @newHeat, @at, @at, @voided, @reason)`,
  );
  db.transaction(() => {
    for (let i = 0; i < sites; i++) {
      const stage = pick(STAGES);
      const siteVoided = rnd() < 0.08;
      const site = randomUUID();
      insertSite.run({
        id: site,
        station,
        name: `烘干点${pick(['甲', '乙', '丙'])}${i % 7}`, // repeated names: the overdue order falls back on the id
        kind: rnd() < 0.3 ? 'centre' : 'point',
        code: pick(codes),
        stage,
        building: stage === 'planned' ? null : '2023-06-01',
        completion: rnd() < 0.2 ? null : pick(['2024-06-30', '2025-06-14', '2025-06-15', '2025-06-16', '2027-01-01']),
        conformity: stage === 'planned' ? 'pending' : 'yes',
        doc: stage === 'planned' ? null : `文号${i}`,
        at,
        voided: siteVoided ? at : null,
        reason: siteVoided ? '录错' : null,
      });
      const n = Math.floor(rnd() * 5);
      for (let k = 0; k < n; k++) {
        const kind = rnd() < 0.7 ? 'batch' : 'continuous';
        const heat = pick(HEATS);
        const status = pick(STATUSES);
        const dryerVoided = rnd() < 0.1;
        const dryer = randomUUID();
        insertDryer.run({
          id: dryer,
          station,
          site,
          kind,
          batch: kind === 'batch' ? pick(ODD_T) : null,
          daily: kind === 'continuous' || rnd() < 0.3 ? pick(ODD_T) * 3 : null,
          heat,
          year: rnd() < 0.2 ? null : 2014 + Math.floor(rnd() * 13),
          status,
          at,
          voided: dryerVoided ? at : null,
          reason: dryerVoided ? '录错' : null,
        });
        // a voided plan, sometimes replaced by a live one
        const plans = rnd() < 0.15 ? [true, rnd() < 0.6] : [false, rnd() < (heat === 'coal' ? 0.7 : 0.1)];
        for (const [j, want] of plans.entries()) {
          if (!want) continue;
          const voided = j === 0;
          const plan = rnd() < 0.5 ? 'scrap' : 'convert';
          insertRetirement.run({
            id: randomUUID(),
            station,
            dryer,
            plan,
            planned: pick(['2024-09-30', '2025-06-30', '2025-12-31', '2026-03-31']),
            actual: rnd() < 0.4 ? pick(['2024-10-08', '2025-02-28', '2025-06-15']) : null,
            newHeat: plan === 'convert' ? pick(['gas', 'electric', 'biomass']) : null,
            at,
            voided: voided ? at : null,
            reason: voided ? '改计划' : null,
          });
        }
      }
    }
  })();
}

const scopes = [undefined, ...TOWNSHIPS.slice(0, 4).map((t) => t.code as string), (TOWNSHIPS[10] as { code: string }).code];

describe('drying dashboards aggregated in SQL', () => {
  it.each([
    [1, 2],
    [2, 3],
    [3, 2.5],
  ])('equal the old JS aggregation (seed %i, %d batches a day)', (seed, batchesPerDay) => {
    generate(seed, 400);
    setConfig(core.ctx, 'dryerBatchesPerDay', batchesPerDay);
    const counts = core.db.prepare('SELECT (SELECT count(*) FROM dryers) AS d, (SELECT count(*) FROM dryer_retirements) AS r').get() as {
      d: number;
      r: number;
    };
    expect(counts.d).toBeGreaterThan(500);
    expect(counts.r).toBeGreaterThan(100);
    for (const townshipCode of scopes) {
      for (const range of [{}, { fromMonth: '2024-01', toMonth: '2026-12' }]) {
        const input = { townshipCode, ...range };
        expect(dryingSummary(core.ctx, input)).toEqual(referenceDryingSummary(core.ctx, input));
      }
      for (const targets of [
        { capacityTargetTpd: 100, coalDryersZeroByYear: 2025 },
        { capacityTargetTpd: null, coalDryersZeroByYear: null },
        { capacityTargetTpd: null, coalDryersZeroByYear: 2024 },
      ]) {
        expect(progressDrying(core.ctx, townshipCode ?? null, targets)).toEqual(
          referenceProgressDrying(core.ctx, townshipCode ?? null, targets),
        );
      }
    }
    // the figures are not trivially empty: some capacity, some overdue sites, some coal left
    const county = dryingSummary(core.ctx, {});
    expect(county.county.operatingT).toBeGreaterThan(0);
    expect(county.overdue.length).toBeGreaterThan(5);
    expect(county.coal.remaining).toBeGreaterThan(0);
    expect(county.coal.converted).toBeGreaterThan(0);
  });

  it('equal the old aggregation with no sites at all', () => {
    expect(dryingSummary(core.ctx, {})).toEqual(referenceDryingSummary(core.ctx, {}));
    const targets = { capacityTargetTpd: 10, coalDryersZeroByYear: 2026 };
    expect(progressDrying(core.ctx, null, targets)).toEqual(referenceProgressDrying(core.ctx, null, targets));
  });
});

describe('drying dashboard query plans', () => {
  it('read live rows through the indexes (021: covering ones): no full table scan, retirements by dryer', () => {
    generate(4, 50);
    for (const townshipCode of [null, '371525103']) {
      for (const { name, sql } of dryingTotalsStatements(townshipCode)) {
        const plan = queryPlan(core.db, sql, { townshipCode, batchesPerDay: 2, today: '2025-06-15' });
        // every scan goes through an index (a partial one for live rows); never the bare table
        expect(
          plan.filter((d) => /^SCAN \w+$/.test(d)),
          `${name}: ${plan.join(' | ')}`,
        ).toEqual([]);
        if (sql.includes('dryer_retirements r'))
          expect(plan.join(' | ')).toMatch(
            /SEARCH r USING (INDEX dryer_retirements_live|COVERING INDEX dryer_retirements_dashboard) \(dryer_id=\?/,
          );
        // one township's figures read that township's sites only (coal facts go by the coal dryers' heat-source index instead)
        if (townshipCode && name !== 'coal facts')
          expect(plan.join(' | '), name).toMatch(
            /SEARCH s? ?\S* ?USING (COVERING )?INDEX (drying_sites_township \(township_code=\?|drying_sites_dashboard \(voided_at=\? AND township_code=\?)/,
          );
      }
    }
  });
});
