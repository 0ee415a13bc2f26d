import { formatFen } from '../../../../shared/domain/money';
import { PACE_COLORS, PACE_LABELS, type PaceStatus } from '../../../../shared/domain/pace';

export { PACE_COLORS, PACE_LABELS };
export type { PaceStatus };

/** antd Tag colours for the pace: ahead (and done) green, on pace blue, behind red. */
export const PACE_TAG: Record<PaceStatus, string> = { achieved: 'green', ahead: 'green', onPace: 'blue', behind: 'red' };

/** "12,345" */
export const count = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : n.toLocaleString('zh-CN'));

/** "45.2%" */
export const pct = (n: number | null | undefined, digits = 1): string => (n === null || n === undefined ? '—' : `${n.toFixed(digits)}%`);

/** Yuan from fen with the ten-thousand unit officers use for budgets: "56.11 万元"; small amounts in yuan. */
export function wan(fen: number): string {
  if (Math.abs(fen) < 1_000_000) return `${formatFen(fen)} 元`;
  return `${(fen / 1_000_000).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 万元`;
}

/** "1,234.5 亩" */
export const mu = (n: number | null | undefined): string =>
  n === null || n === undefined ? '—' : `${n.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 亩`;

/** The years the selector offers: from 2024 (the county plan) to next year. */
export function yearOptions(current: number): { value: number; label: string }[] {
  const out: { value: number; label: string }[] = [];
  for (let y = current + 1; y >= Math.min(2024, current); y--) out.push({ value: y, label: `${y}年` });
  return out;
}
