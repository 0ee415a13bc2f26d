import { chinaDateTime } from '../../../../shared/domain/civil-date';
import type { BackupEntry } from '../../../../shared/schemas/backups';

export const formatTime = (iso: string) => chinaDateTime(iso);

export function formatSize(bytes: number): string {
  if (bytes >= 1 << 30) return `${(bytes / (1 << 30)).toFixed(1)} GB`;
  if (bytes >= 1 << 20) return `${(bytes / (1 << 20)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export const LOCATION_LABELS: Record<BackupEntry['location'], string> = {
  local: '本机',
  offsite: 'U盘（加密）',
  failed: '校验未通过',
};

/** The tables people care about first, in this order; the rest follow. */
const MAIN_TABLES = ['farmers', 'scraps', 'purchases', 'vouchers'];

export function mainCounts(tables: { name: string; label: string; rows: number }[]): string {
  const shown = MAIN_TABLES.map((n) => tables.find((t) => t.name === n)).filter((t) => t !== undefined);
  return shown.map((t) => `${t.label} ${t.rows}`).join('，');
}

/** "购置登记 812 条，比当前少 3 条". */
export function compareText(label: string, backup: number, live: number): string {
  const diff = backup - live;
  const tail = diff === 0 ? '与当前相同' : diff < 0 ? `比当前少 ${-diff} 条` : `比当前多 ${diff} 条`;
  return `${label} ${backup} 条，${tail}`;
}

/** The record tables people know by name (农户, 购置登记…), main ones first; internal tables left out. */
export function namedTables<T extends { name: string; label: string }>(tables: T[]): T[] {
  const rank = (t: T) => {
    const i = MAIN_TABLES.indexOf(t.name);
    return i < 0 ? MAIN_TABLES.length : i;
  };
  return tables.filter((t) => t.label !== t.name).sort((a, b) => rank(a) - rank(b));
}
