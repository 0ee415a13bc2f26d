/**
 * Issue 16's vouchers.list and audit.list targets over every filter combination their pages (and input
 * schemas) offer: each combination's first page, the next two pages by cursor and the previous page back,
 * timed through the dispatcher. One sweep row per ledger (p50/p95 over every shape's runs), and the slowest
 * shapes printed so a FAIL names its shape.
 */
import type { Database } from 'better-sqlite3';
import { timingOf, type TargetRow, type Timing } from './stats';

type Call = (method: string, input: unknown) => Promise<{ items: unknown[]; nextCursor?: string | null; prevCursor?: string | null }>;

export interface Shape {
  label: string;
  input: Record<string, unknown>;
}

/** The voucher page's filters: search text (number, name, initials), year, 显示已作废; and the issue button's lookup. */
export function voucherShapes(db: Database): Shape[] {
  const sample = db
    .prepare(
      `SELECT v.number, v.application_id, v.year, f.name FROM vouchers v JOIN farmers f ON f.id = v.farmer_id
       WHERE v.voided_at IS NULL ORDER BY v.rowid LIMIT 1 OFFSET 1000`,
    )
    .get() as { number: string; application_id: string; year: number; name: string } | undefined;
  if (!sample) return [];
  const years = db.prepare('SELECT min(year) AS lo, max(year) AS hi FROM vouchers').get() as { lo: number; hi: number };
  const texts = ['', '王', '建国', sample.name, 'wjg', sample.number, sample.number.slice(-6), `${sample.year}-00012`];
  const shapes: Shape[] = [];
  for (const q of texts)
    for (const year of [undefined, years.hi - 1, years.lo])
      for (const includeVoided of [false, true])
        shapes.push({
          label: `q=${JSON.stringify(q)} year=${year ?? 'all'} voided=${includeVoided ? 'shown' : 'hidden'}`,
          input: { q, includeVoided, ...(year ? { year } : {}) },
        });
  shapes.push({ label: 'applicationId (issue button)', input: { applicationId: sample.application_id, includeVoided: false, pageSize: 1 } });
  return shapes;
}

/** The audit trail's filters: one record (the UI, 50 a page), and the schema's entity kind, alone or with it. */
export function auditShapes(db: Database): Shape[] {
  const ids = db
    .prepare(
      `SELECT (SELECT id FROM purchases ORDER BY rowid LIMIT 1 OFFSET 5000) AS purchase,
              (SELECT id FROM farmers ORDER BY rowid LIMIT 1 OFFSET 5000) AS farmer,
              (SELECT id FROM vouchers ORDER BY rowid LIMIT 1 OFFSET 5000) AS voucher`,
    )
    .get() as { purchase: string | null; farmer: string | null; voucher: string | null };
  const shapes: Shape[] = [{ label: 'no filter', input: {} }];
  for (const entity of ['purchase', 'voucher', 'scrap', 'farmer', 'user', 'installation'])
    shapes.push({ label: `entity=${entity}`, input: { entity } });
  for (const [entity, id] of Object.entries(ids)) {
    if (!id) continue;
    shapes.push({ label: `entityId (${entity}), 50 a page`, input: { entityId: id, pageSize: 50 } });
    shapes.push({ label: `entity=${entity} + entityId`, input: { entity, entityId: id, pageSize: 50 } });
  }
  return shapes;
}

/** Times every shape's first page, pages 2 and 3 by cursor and page 2 again by 上一页; `runs` times each. */
export async function sweep(method: string, shapes: Shape[], call: Call, runs: number): Promise<{ all: Timing; slowest: Timing[] }> {
  const all: number[] = [];
  const perShape: Timing[] = [];
  const timed = async (label: string, input: unknown) => {
    await call(method, input); // warm-up
    const ms: number[] = [];
    let answer: Awaited<ReturnType<Call>> | undefined;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      answer = await call(method, input);
      ms.push(performance.now() - t);
    }
    all.push(...ms);
    perShape.push(timingOf(label, ms));
    return answer as Awaited<ReturnType<Call>>;
  };
  for (const s of shapes) {
    const first = await timed(`${s.label}, first page`, s.input);
    if (!first.nextCursor) continue;
    const second = await timed(`${s.label}, next page`, { ...s.input, cursor: first.nextCursor, direction: 'next' });
    if (!second.nextCursor) continue;
    const third = await timed(`${s.label}, page 3`, { ...s.input, cursor: second.nextCursor, direction: 'next' });
    if (third.prevCursor) await timed(`${s.label}, prev page`, { ...s.input, cursor: third.prevCursor, direction: 'prev' });
  }
  perShape.sort((a, b) => b.p95Ms - a.p95Ms);
  return { all: timingOf(`${method} sweep: ${perShape.length} shapes × ${runs} runs`, all), slowest: perShape.slice(0, 6) };
}

/** The sweep rows for the summary table (p95 against the page bound), with the slowest shapes printed. */
export async function sweepRows(
  method: string,
  shapes: Shape[],
  call: Call,
  runs: number,
  baseline: Timing,
  boundMs: number,
): Promise<TargetRow[]> {
  const { all, slowest } = await sweep(method, shapes, call, runs);
  console.log(`${method}: slowest shapes (p95 ms): ${slowest.map((t) => `${t.name} ${t.p95Ms.toFixed(1)}`).join('; ')}`);
  const worst = slowest[0];
  return [
    { name: all.name, timing: all, baseline, target: `p95 ≤ ${boundMs} ms`, pass: all.p95Ms <= boundMs },
    ...(worst
      ? [{ name: `  slowest: ${worst.name}`.slice(0, 90), timing: worst, baseline, target: `p95 ≤ ${boundMs} ms`, pass: worst.p95Ms <= boundMs }]
      : []),
  ];
}
