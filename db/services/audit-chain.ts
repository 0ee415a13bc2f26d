import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { insertAudit } from '../repositories/audit';

/**
 * Append-only history: each station's audit rows form a hash chain. Row n stores chain_seq = n, the
 * previous row's hash (GENESIS for the first) and its own hash over its canonical content:
 *
 *   row_hash = SHA-256( JSON [chain_seq, prev_hash, id, station_id, at, operator, method, entity,
 *                             entity_id, before_json, after_json, { every other non-NULL column, by name }] )
 *
 * The fixed fields are the columns of migration 001; any column added later (e.g. the signed-in user)
 * is covered when it holds a value, so a migration that adds a column (NULL on old rows) keeps old
 * hashes valid. The hash is computed from the row as stored (read back after the insert).
 */
export const GENESIS = '0'.repeat(64);
const CORE = ['id', 'station_id', 'at', 'operator', 'method', 'entity', 'entity_id', 'before_json', 'after_json'];
const NOT_CONTENT = new Set([...CORE, 'chain_seq', 'prev_hash', 'row_hash']);

export function canonicalAudit(row: Record<string, unknown>): string {
  const extras = Object.keys(row)
    .filter((k) => !NOT_CONTENT.has(k) && row[k] !== null && row[k] !== undefined)
    .sort();
  return JSON.stringify([
    row.chain_seq ?? null,
    row.prev_hash ?? null,
    ...CORE.map((k) => row[k] ?? null),
    Object.fromEntries(extras.map((k) => [k, row[k]])),
  ]);
}

export const auditRowHash = (row: Record<string, unknown>): string => createHash('sha256').update(canonicalAudit(row)).digest('hex');

interface Link {
  seq: number;
  hash: string;
}

function lastLink(db: Database, stationId: string): Link {
  const r = db
    .prepare(
      'SELECT chain_seq AS seq, row_hash AS hash FROM audit_log WHERE station_id = ? AND chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1',
    )
    .get(stationId) as { seq: number; hash: string | null } | undefined;
  return r ? { seq: r.seq, hash: r.hash ?? GENESIS } : { seq: 0, hash: GENESIS };
}

/** Chains this station's rows written before migration 012 (chain_seq NULL), in rowid order. Call inside a write transaction. */
export function chainPending(db: Database, stationId: string): number {
  const pending = db.prepare('SELECT * FROM audit_log WHERE station_id = ? AND chain_seq IS NULL ORDER BY rowid LIMIT 1000');
  const set = db.prepare('UPDATE audit_log SET chain_seq = @chain_seq, prev_hash = @prev_hash, row_hash = @row_hash WHERE id = @id');
  let link = lastLink(db, stationId);
  let n = 0;
  for (let batch = pending.all(stationId) as Record<string, unknown>[]; batch.length; batch = pending.all(stationId) as typeof batch) {
    for (const row of batch) {
      const chained = { ...row, chain_seq: link.seq + 1, prev_hash: link.hash };
      const hash = auditRowHash(chained);
      set.run({ id: row.id, chain_seq: chained.chain_seq, prev_hash: link.hash, row_hash: hash });
      link = { seq: chained.chain_seq, hash };
      n++;
    }
  }
  return n;
}

/** Inserts one audit row at the end of its station's chain. Call inside the write's transaction. */
export function appendAudit(db: Database, row: Record<string, unknown> & { id: string; station_id: string }): void {
  chainPending(db, row.station_id);
  const last = lastLink(db, row.station_id);
  insertAudit(db, { ...row, chain_seq: last.seq + 1, prev_hash: last.hash });
  const stored = db.prepare('SELECT * FROM audit_log WHERE id = ?').get(row.id) as Record<string, unknown>;
  db.prepare('UPDATE audit_log SET row_hash = ? WHERE id = ?').run(auditRowHash(stored), row.id);
}

export interface BrokenLink {
  seq: number;
  id: string;
  at: string;
  operator: string;
  method: string;
  entity: string;
  entityId: string;
  reason: string;
}

export interface ChainCheck {
  ok: boolean;
  length: number;
  head: string;
  broken: BrokenLink | null;
}

const describe = (row: Record<string, unknown>, seq: number, reason: string): BrokenLink => ({
  seq,
  id: String(row.id ?? ''),
  at: String(row.at ?? ''),
  operator: String(row.operator ?? ''),
  method: String(row.method ?? ''),
  entity: String(row.entity ?? ''),
  entityId: String(row.entity_id ?? ''),
  reason,
});

/** Walks rows in chain order: every seq in turn, every prev_hash the previous row's hash, every hash its content's. */
export function checkChain(rows: Iterable<Record<string, unknown>>): ChainCheck {
  let seq = 0;
  let head = GENESIS;
  for (const row of rows) {
    seq++;
    if (row.chain_seq !== seq) return { ok: false, length: seq - 1, head, broken: describe(row, seq, '序号不连续（有记录被删除或插入）') };
    if (row.prev_hash !== head)
      return { ok: false, length: seq - 1, head, broken: describe(row, seq, '与前一条记录的链接不符（前面的记录被删除或改动）') };
    if (row.row_hash !== auditRowHash(row))
      return { ok: false, length: seq - 1, head, broken: describe(row, seq, '记录内容与其校验值不符（被改动过）') };
    head = row.row_hash as string;
  }
  return { ok: true, length: seq, head, broken: null };
}

/** A station's chain in order, for checkChain. */
export function chainRows(db: Database, stationId: string): IterableIterator<Record<string, unknown>> {
  return db
    .prepare('SELECT * FROM audit_log WHERE station_id = ? ORDER BY chain_seq IS NULL, chain_seq, rowid')
    .iterate(stationId) as IterableIterator<Record<string, unknown>>;
}
