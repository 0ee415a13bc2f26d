/**
 * The status a ledger row gives (状态 / 备注 column) → the app's review status. Kept in its own module:
 * the 公示/兑付 work (issue 12) touches status and payment fields too, and aligns here on merge.
 */
import { compact } from '../../shared/domain/ledger-values';
import type { Status } from '../../shared/domain/workflow';

export type LedgerStatusRead =
  | { ok: true; status: Status; note?: string }
  | { ok: false; reason: string };

/** Checked in order: the first that matches the text wins (已兑付 before 公示 when both are written). */
const RULES: readonly [RegExp, Status][] = [
  [/未兑付|未发放|未打卡|待兑付/, 'published'],
  [/已兑付|兑付完成|已发放|已打卡|已到账|已拨付|已付款|已支付|^兑付$|^已付$/, 'paid'],
  [/公示/, 'published'],
  [/核验|审核通过|已审核|审核合格|核查通过/, 'verified'],
  [/受理/, 'accepted'],
  [/退回|不合格|驳回/, 'returned'],
  [/登记|申请|待审|待受理/, 'registered'],
];

/**
 * Reads the status words. A blank status is 已登记 (the ledger recorded the application, nothing more);
 * words the app does not know are 已登记 too, flagged so the technician checks them; 作废 rows are not imported.
 */
export function readLedgerStatus(statusText: string, noteText = ''): LedgerStatusRead {
  const status = compact(statusText);
  const note = compact(noteText);
  if (/作废|撤销|取消/.test(status)) return { ok: false, reason: `台账中该行状态为“${statusText.trim()}”，不导入` };
  // 未兑付 must be read before 兑付
  for (const text of [status, note]) {
    if (!text) continue;
    if (/未兑付|待兑付/.test(text) && text === status) return { ok: true, status: 'published', note: `台账状态“${statusText.trim()}”按已公示（待兑付）导入` };
    for (const [pattern, s] of RULES) if (pattern.test(text) && (text === status || s === 'paid')) return { ok: true, status: s };
  }
  if (!status) return { ok: true, status: 'registered' };
  return { ok: true, status: 'registered', note: `台账状态“${statusText.trim()}”无法识别，按已登记导入，请核对` };
}
