import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCountyFile } from '../../db/bench/generate';
import { fillVouchersAndAudit } from '../../db/bench/ledger-fill';
import { auditPageStatements, listAudit, type AuditFilter } from '../../db/repositories/audit';
import type { CursorKey, PageRequest } from '../../db/repositories/keyset';
import type { PageStatements } from '../../db/repositories/ledger-page';
import { queryPlan } from '../../db/repositories/progress';
import { COUNT_BUDGET, DENSE_MATCHES } from '../../db/repositories/bounded-count';
import { CANDIDATE_CAP, voucherCandidates } from '../../db/repositories/voucher-candidates';
import { listVouchers, voucherPageStatements, voucherTextSample, type VoucherFilter } from '../../db/repositories/vouchers';
import { tempDir } from '../support/core';

/** vouchers.list as it was before issue 16's indexes (the reference): one statement, OFFSET pages, every row counted. */
function oldVoucherIds(db: Database.Database, f: VoucherFilter): { ids: string[]; total: number } {
  const terms: string[] = [];
  if (f.year) terms.push('+v.year = @year');
  if (f.applicationId) terms.push('v.application_id = @applicationId');
  if (!f.includeVoided) terms.push('v.voided_at IS NULL');
  if (f.q) terms.push("(v.number LIKE '%' || @q || '%' OR f.name LIKE '%' || @q || '%' OR f.name_initials GLOB lower(@q) || '*')");
  const params = { year: f.year ?? null, applicationId: f.applicationId ?? null, q: f.q.replace(/[%_*?[\]]/g, '') };
  const from = `FROM vouchers v JOIN farmers f ON f.id = v.farmer_id ${terms.length ? `WHERE ${terms.join(' AND ')}` : ''}`;
  const ids = db.prepare(`SELECT v.id ${from} ORDER BY v.created_at DESC, v.seq DESC, v.id DESC`).pluck().all(params) as string[];
  return { ids, total: ids.length };
}

/** audit.list before issue 16 (the reference). */
function oldAuditIds(db: Database.Database, f: AuditFilter): string[] {
  const terms: string[] = [];
  if (f.entity) terms.push('entity = @entity');
  if (f.entityId) terms.push('entity_id = @entityId');
  return db
    .prepare(`SELECT id FROM audit_log ${terms.length ? `WHERE ${terms.join(' AND ')}` : ''} ORDER BY at DESC, rowid DESC`)
    .pluck()
    .all({ entity: f.entity ?? null, entityId: f.entityId ?? null }) as string[];
}

/** Every page forwards by cursor from the first, then backwards by 上一页 from the last: both as one list of ids. */
function walk<T extends { id: string }>(
  read: (page: PageRequest) => { rows: T[]; next: CursorKey | null; prev: CursorKey | null },
  limit: number,
) {
  const forward: string[][] = [];
  let page = read({ limit });
  forward.push(page.rows.map((r) => r.id));
  while (page.next) {
    page = read({ limit, after: page.next });
    forward.push(page.rows.map((r) => r.id));
  }
  const backward: string[][] = [];
  while (page.prev) {
    page = read({ limit, before: page.prev });
    backward.unshift(page.rows.map((r) => r.id));
  }
  return { forward: forward.flat(), backward: [...backward.flat(), ...(forward.at(-1) ?? [])], pages: forward.length };
}

const plan = (db: Database.Database, sql: string, params: Record<string, unknown>) => queryPlan(db, sql, params);
/** A table read whole: a SCAN not along an index (walking an index in the sort's order is how a page is read). */
const scans = (lines: string[]) => lines.filter((l) => /^SCAN /.test(l) && !/ USING |^SCAN _c VIRTUAL TABLE|^SCAN \(subquery/.test(l));
const sorts = (lines: string[]) => lines.filter((l) => /TEMP B-TREE/.test(l));

describe('vouchers.list and audit.list at county scale (issue 16, migration 020)', () => {
  const tmp = tempDir();
  let db: Database.Database;
  let sample: { number: string; name: string; initials: string; year: number; application_id: string; farmer_id: string; id: string };
  let years: { lo: number; hi: number };

  beforeAll(async () => {
    const file = join(tmp.dir, 'county.db');
    // ~12,000 vouchers: more than the candidate cap, so dense texts take the walk
    await generateCountyFile({ file, purchases: 15_000, firstYear: 2016, lastYear: 2025, lastDate: '2025-12-31', seed: 11 });
    fillVouchersAndAudit(file);
    db = new Database(file);
    // a re-issued voucher: the application's first one voided (both show with 显示已作废)
    const voided = db.prepare('SELECT * FROM vouchers WHERE voided_at IS NOT NULL LIMIT 1').get() as Record<string, unknown>;
    const cols = Object.keys(voided);
    const copy = {
      ...voided,
      id: '00000000-0000-4000-8000-000000000001',
      number: `${String(voided.number)}R`,
      seq: Number(voided.seq) + 900_000,
    };
    db.prepare(`INSERT INTO vouchers (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run({
      ...copy,
      print_count: 0,
      last_printed_at: null,
      voided_at: null,
      void_reason: null,
    });
    sample = db
      .prepare(
        `SELECT v.number, f.name, f.name_initials AS initials, v.year, v.application_id, v.farmer_id, v.id
         FROM vouchers v JOIN farmers f ON f.id = v.farmer_id WHERE v.id = ?`,
      )
      .get('00000000-0000-4000-8000-000000000001') as typeof sample;
    years = db.prepare('SELECT min(year) AS lo, max(year) AS hi FROM vouchers').get() as typeof years;
  }, 180_000);
  afterAll(() => {
    db.close();
    tmp.dispose();
  });

  const texts = () => [
    '',
    '王',
    sample.name,
    Array.from(sample.name).slice(-2).join(''),
    sample.initials,
    sample.initials.slice(0, 2).toUpperCase(),
    sample.number,
    sample.number.slice(-6),
    sample.number.slice(3, 9).toLowerCase(),
    'GX',
    '2',
    '%',
    '无此人',
  ];
  const filters = (): VoucherFilter[] => {
    const out: VoucherFilter[] = [];
    for (const q of texts())
      for (const year of [undefined, years.hi - 1, years.lo])
        for (const includeVoided of [false, true]) out.push({ q, includeVoided, ...(year ? { year } : {}) });
    for (const includeVoided of [false, true]) {
      out.push({ q: '', applicationId: sample.application_id, includeVoided });
      out.push({ q: sample.name, applicationId: sample.application_id, includeVoided });
    }
    return out;
  };

  it('every voucher filter combination pages, forwards and back, through exactly the rows and total of the old query', () => {
    let dense = 0;
    let listed = 0;
    let bounded = 0;
    for (const f of filters()) {
      const label = JSON.stringify(f);
      const old = oldVoucherIds(db, f);
      const candidates = voucherCandidates(db, f);
      if (candidates) listed++;
      else if (f.q) dense++;
      // every voucher counted (a budget past the table): exact up to 10,000
      const exact = listVouchers(db, f, { limit: 500 }, Number.MAX_SAFE_INTEGER);
      expect(exact.total, label).toBe(Math.min(old.total, 10_000));
      expect(exact.totalCapped, label).toBe(old.total > 10_000);
      const first = listVouchers(db, f, { limit: 500 });
      expect(first.rows.map((r) => r.id), label).toEqual(old.ids.slice(0, 500));
      if (first.totalCapped && first.total < 10_000) {
        // a dense text over more vouchers than the budget: a lower bound from the sample, never above the truth
        bounded++;
        expect(first.total, label).toBeGreaterThanOrEqual(DENSE_MATCHES);
        expect(first.total, label).toBeLessThanOrEqual(Math.min(old.total, COUNT_BUDGET + 1));
        expect(f.q, label).not.toBe('');
      } else {
        expect(first.total, label).toBe(Math.min(old.total, 10_000));
        expect(first.totalCapped, label).toBe(old.total > 10_000);
      }
      const w = walk((p) => listVouchers(db, f, p), 500);
      expect(w.forward, label).toEqual(old.ids);
      expect(w.backward, label).toEqual(old.ids);
    }
    // both paths are exercised: texts listed through candidates, and dense ones walking the sort index
    expect(listed).toBeGreaterThan(20);
    expect(dense).toBeGreaterThan(4);
    // 王 (a tenth of the buyers) over every year's vouchers takes the sampled total
    expect(bounded).toBeGreaterThan(0);
  }, 180_000); // 82 filters, each walked both ways over up to 12,000 rows: ~15 s alone, several times that under load

  it('a page number (offset) still reads the old rows', () => {
    const f: VoucherFilter = { q: '', includeVoided: false, year: years.hi - 1 };
    const old = oldVoucherIds(db, f);
    expect(listVouchers(db, f, { limit: 20, offset: 40 }).rows.map((r) => r.id)).toEqual(old.ids.slice(40, 60));
  });

  it('every voucher shape reads an index: the sort index in order, or a bounded candidate list by rowid', () => {
    for (const f of filters()) {
      const candidates = voucherCandidates(db, f);
      for (const page of [{ limit: 20 }, { limit: 20, after: ['x', 1, 'y'] }, { limit: 20, before: ['x', 1, 'y'] }] as PageRequest[]) {
        const st: PageStatements = voucherPageStatements(f, page, candidates);
        const label = `${JSON.stringify(f)} ${JSON.stringify(page)}`;
        const list = plan(db, st.list, st.listParams);
        const count = plan(db, st.count, st.countParams);
        const text = `${label}: ${list.join(' | ')} || ${count.join(' | ')}`;
        expect(st.count, label).toMatch(/LIMIT 10001\)$/);
        expect(scans(list), text).toEqual([]);
        expect(sorts(count), text).toEqual([]);
        if (candidates) {
          // the candidates drive (at most CANDIDATE_CAP rows, sorted: the one bounded sort), vouchers by rowid
          expect(candidates.length, label).toBeLessThanOrEqual(CANDIDATE_CAP);
          expect(list[0], text).toMatch(/^SCAN _c VIRTUAL TABLE/);
          expect(
            list.filter((l) => /^SEARCH v /.test(l)),
            text,
          ).toEqual([expect.stringMatching(/USING INTEGER PRIMARY KEY \(rowid=\?\)/)]);
          expect(scans(count), text).toEqual([]);
        } else {
          if (f.q) {
            // a dense text's total sampled from the covering index, each buyer by its key: no scan, no sort
            const st2 = voucherTextSample(f);
            const sample = plan(db, st2.sql, st2.params);
            const text2 = `${label}: ${sample.join(' | ')}`;
            expect(sample.some((l) => /^(SCAN|SEARCH) v USING COVERING INDEX/.test(l)), text2).toBe(true);
            expect(sample.some((l) => /^SEARCH f USING INDEX sqlite_autoindex_farmers_1 \(id=\?\)/.test(l)), text2).toBe(true);
            // (SCAN s: the sample's own LIMITed rows, read as a co-routine)
            expect([...scans(sample).filter((l) => l !== 'SCAN s'), ...sorts(sample)], text2).toEqual([]);
          }
          // the sort index walked in order, a year's range when a year is chosen
          expect(sorts(list), text).toEqual([]);
          const index = f.year ? 'vouchers_ledger_year' : 'vouchers_ledger_created';
          expect(
            list.find((l) => /^(SCAN|SEARCH) v /.test(l)),
            text,
          ).toMatch(new RegExp(`USING INDEX ${index}\\b`));
          // no text: the count reads vouchers alone (no buyer lookups), a year by its range
          if (!f.q)
            expect(
              count.some((l) => / f /.test(l)),
              text,
            ).toBe(false);
          if (!f.q && f.year)
            expect(
              count.some((l) => /SEARCH v USING COVERING INDEX vouchers_ledger_(year|text) \(year=\?/.test(l)),
              text,
            ).toBe(true);
        }
      }
    }
  });

  it('the voucher text candidates hold every voucher the search box matches', () => {
    for (const q of texts().filter((t) => t && t !== '%')) {
      const candidates = voucherCandidates(db, { q });
      if (!candidates) continue;
      const want = db
        .prepare(
          `SELECT v.rowid FROM vouchers v JOIN farmers f ON f.id = v.farmer_id
           WHERE v.number LIKE '%' || @q || '%' OR f.name LIKE '%' || @q || '%' OR f.name_initials GLOB lower(@q) || '*'`,
        )
        .pluck()
        .all({ q }) as number[];
      if (q !== '无此人') expect(want.length, q).toBeGreaterThan(0);
      const have = new Set(candidates);
      expect(
        want.filter((r) => !have.has(r)),
        q,
      ).toEqual([]);
    }
  });

  const auditFilters = (): AuditFilter[] => [
    {},
    { entity: 'purchase' },
    { entity: 'voucher' },
    { entity: 'user' },
    { entityId: sample.id },
    { entity: 'voucher', entityId: sample.id },
    { entity: 'purchase', entityId: sample.application_id },
    { entity: 'farmer', entityId: sample.farmer_id },
    { entityId: sample.farmer_id },
  ];

  it('every audit filter pages through exactly the old rows, and reads its index in order', () => {
    for (const f of auditFilters()) {
      const label = JSON.stringify(f);
      const old = oldAuditIds(db, f);
      expect(listAudit(db, f, { limit: 50 }).total, label).toBe(Math.min(old.length, 10_000));
      const w = walk((p) => listAudit(db, f, p), 500);
      expect(w.forward, label).toEqual(old);
      expect(w.backward, label).toEqual(old);
      const index = f.entityId ? 'audit_log_entity' : f.entity ? 'audit_log_entity_kind' : 'audit_log_at';
      for (const page of [{ limit: 50 }, { limit: 50, after: ['x', 1] }, { limit: 50, before: ['x', 1] }] as PageRequest[]) {
        const st = auditPageStatements(f, page);
        const list = plan(db, st.list, st.listParams);
        const count = plan(db, st.count, st.countParams);
        const text = `${label}: ${list.join(' | ')} || ${count.join(' | ')}`;
        expect(scans(list), text).toEqual([]);
        expect(sorts(list), text).toEqual([]);
        expect(sorts(count), text).toEqual([]);
        expect(
          list.find((l) => /audit_log/.test(l)),
          text,
        ).toMatch(new RegExp(`INDEX ${index}\\b`));
        if (f.entity || f.entityId) expect(scans(count), text).toEqual([]);
      }
    }
  });
});
