import type Database from 'better-sqlite3';
import { chainRows, checkChain, GENESIS } from '../services/audit-chain';
import { stationHistory } from '../repositories/county';
import type { Manifest } from './manifest';
import { RefusedFile } from './untrusted';

/** Where a station's history stops agreeing with what the county accepted before. */
export interface HistoryRewrite {
  seq: number;
  at: string;
  method: string;
  operator: string;
  detail: string;
}

export interface HistoryVerdict {
  /** The file's chain, verified. */
  length: number;
  head: string;
  rewrite: HistoryRewrite | null;
  /** True when the file's chain is longer than the one the county holds (the head may move forward). */
  longer: boolean;
}

interface AuditBits {
  at: string;
  operator: string;
  method: string;
  entity: string;
  row_hash: string | null;
}

const line = (r: AuditBits | undefined) =>
  r ? `${r.at.slice(0, 19).replace('T', ' ')} ${r.operator} ${r.method}（${r.entity}）` : '（无此条）';

function rowAt(db: Database.Database, stationId: string, seq: number): AuditBits | undefined {
  return db
    .prepare('SELECT at, operator, method, entity, row_hash FROM audit_log WHERE station_id = ? AND chain_seq = ? ORDER BY rowid LIMIT 1')
    .get(stationId, seq) as AuditBits | undefined;
}

function countyHas(county: Database.Database, stationId: string, seq: number, hash: string): boolean {
  return !!county.prepare('SELECT 1 FROM audit_log WHERE station_id = ? AND chain_seq = ? AND row_hash = ?').get(stationId, seq, hash);
}

function rewriteAt(county: Database.Database, source: Database.Database, stationId: string, seq: number, why: string): HistoryRewrite {
  const was = rowAt(county, stationId, seq);
  const now = rowAt(source, stationId, seq);
  const named = was ?? now;
  return {
    seq,
    at: named?.at ?? '',
    method: named?.method ?? '',
    operator: named?.operator ?? '',
    detail: `${why}。县局已收到的第 ${seq} 条：${line(was)}；文件中的第 ${seq} 条：${line(now)}`,
  };
}

/**
 * The station's audit chain in a received (signed) file: intact, matching the manifest, and extending
 * the head the county accepted last time. Reads only the file's audit_log and the county's copies.
 */
export function checkFileHistory(
  county: Database.Database,
  source: Database.Database,
  stationId: string,
  manifest: Manifest,
): HistoryVerdict {
  const check = checkChain(chainRows(source, stationId));
  const stored = stationHistory(county, stationId);
  if (!check.ok) {
    const b = check.broken as NonNullable<typeof check.broken>;
    return {
      length: check.length,
      head: check.head,
      longer: false,
      rewrite: rewriteAt(county, source, stationId, b.seq, `操作日志被改动：${b.reason}`),
    };
  }
  if (check.length !== manifest.history_length || check.head !== manifest.history_head) {
    throw new RefusedFile('文件中的操作日志与签名清单不符：文件在导出后被修改过');
  }
  const verdict = { length: check.length, head: check.head, longer: check.length > (stored?.length ?? 0), rewrite: null };
  if (!stored) return verdict;
  const n = Math.min(stored.length, check.length);
  const fileHash = n === 0 ? GENESIS : (rowAt(source, stationId, n)?.row_hash ?? '');
  const extends_ = n === stored.length ? fileHash === stored.head : countyHas(county, stationId, n, fileHash);
  if (extends_) return verdict;
  // a hash chain agrees up to some entry and differs from there on: find the first entry the county never accepted
  let k = 1;
  while (k < n) {
    const h = rowAt(source, stationId, k)?.row_hash ?? '';
    if (!countyHas(county, stationId, k, h)) break;
    k++;
  }
  const why =
    check.length < stored.length
      ? '操作日志比上次导入的短（有记录被删除）或被改动'
      : '操作日志与上次导入的不一致（有记录被改动、删除或调换顺序）';
  return { ...verdict, longer: false, rewrite: rewriteAt(county, source, stationId, k, why) };
}
