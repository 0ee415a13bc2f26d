/** Serial, engine, frame and plate numbers compared the way a person reads them: no spaces or dashes, upper case, full-width folded. */
export function normalizeMachineNo(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const folded = raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\-_/.·]/g, '')
    .toUpperCase();
  return folded || null;
}

/**
 * Optimal-string-alignment edit distance (insert, delete, substitute, swap two neighbours), stopping
 * early once it exceeds `max`: IGNQZ-230 vs IGQNZ-230 is 1.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    const prev = rows[i - 1] as number[];
    let best = row[0] as number;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      row[j] = d;
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
  }
  return Math.min((rows[a.length] as number[])[b.length] as number, max + 1);
}

/** A nameplate QR code (一机一码): 4 random characters then the factory serial, ≤40 characters; scanners may also give a URL. */
export function parseNameplateQr(raw: string): { code: string; serial: string } | null {
  let code = raw.trim();
  if (!code) return null;
  if (/^https?:\/\//i.test(code)) {
    try {
      const url = new URL(code);
      code = url.searchParams.get('code') ?? url.searchParams.get('c') ?? url.pathname.split('/').filter(Boolean).pop() ?? '';
    } catch {
      return null;
    }
  }
  code = code.replace(/\s/g, '');
  if (code.length < 5 || code.length > 40 || !/^[0-9A-Za-z\-_/]+$/.test(code)) return null;
  return { code, serial: code.slice(4) };
}
