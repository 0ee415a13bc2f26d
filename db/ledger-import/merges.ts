/**
 * Merged cells of an .xlsx, per sheet name. Stations merge a farmer's cells over the rows of his
 * machines; only the top cell holds the value. exceljs' streaming reader ignores merges (and a sheet
 * lists them after its rows), so each worksheet's XML is scanned for <mergeCell ref="…"/> first, inflated
 * in chunks as it goes (memory stays flat whatever the row count): the reader then knows, row by row,
 * which blank cells are the lower part of a merge.
 */
import { Readable } from 'node:stream';
import { createInflateRaw, inflateRawSync } from 'node:zlib';

export interface MergeRange {
  top: number;
  bottom: number;
  /** 0-based columns. */
  left: number;
  right: number;
}

/** More merges than this is no ledger (and would cost memory). */
const MAX_MERGES = 50_000;

interface Entry {
  name: string;
  method: number;
  dataStart: number;
  compressedSize: number;
  /** What the archive says the entry unpacks to (checkZipSize bounds the sum); unpacking more is a lie. */
  uncompressedSize: number;
}

/** No element of a worksheet's XML is this long: text without a '<' for longer is no worksheet (a zip bomb). */
const MAX_TAIL = 1024 * 1024;

function entries(bytes: Buffer): Map<string, Entry> {
  const out = new Map<string, Entry>();
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return out;
  const count = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  for (let n = 0; n < count && offset + 46 <= bytes.length && bytes.readUInt32LE(offset) === 0x02014b50; n++) {
    const nameLength = bytes.readUInt16LE(offset + 28);
    const name = bytes.toString('utf8', offset + 46, offset + 46 + nameLength);
    const local = bytes.readUInt32LE(offset + 42);
    if (local + 30 <= bytes.length && bytes.readUInt32LE(local) === 0x04034b50) {
      const dataStart = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
      out.set(name, {
        name,
        method: bytes.readUInt16LE(offset + 10),
        dataStart,
        compressedSize: bytes.readUInt32LE(offset + 20),
        uncompressedSize: bytes.readUInt32LE(offset + 24),
      });
    }
    offset += 46 + nameLength + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
  }
  return out;
}

const raw = (bytes: Buffer, e: Entry) => bytes.subarray(e.dataStart, e.dataStart + e.compressedSize);

function smallText(bytes: Buffer, e: Entry | undefined): string {
  if (!e || e.compressedSize > 4 * 1024 * 1024) return '';
  if (e.method === 0) return raw(bytes, e).toString('utf8');
  if (e.method !== 8) return '';
  return inflateRawSync(raw(bytes, e), { maxOutputLength: 16 * 1024 * 1024 }).toString('utf8');
}

const attrs = (tag: string): Record<string, string> =>
  Object.fromEntries([...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1] as string, m[2] as string]));

const unescapeXml = (s: string) =>
  s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (e[0] !== '#') return named[e.toLowerCase()] ?? '';
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });

function column(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const REF = /<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)"/g;

async function scanSheet(bytes: Buffer, e: Entry): Promise<MergeRange[]> {
  const ranges: MergeRange[] = [];
  const source = Readable.from([raw(bytes, e)]);
  const stream = e.method === 8 ? source.pipe(createInflateRaw()) : source;
  let tail = '';
  let inflated = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    inflated += chunk.length;
    if (inflated > e.uncompressedSize) throw new Error('entry unpacks to more than the archive declares');
    const text = tail + chunk.toString('latin1');
    // an element cut by the chunk boundary is finished in the next round
    const cut = text.lastIndexOf('<');
    const whole = text.slice(0, cut);
    tail = text.slice(cut);
    if (tail.length > MAX_TAIL) throw new Error('worksheet text without markup');
    for (const m of whole.matchAll(REF)) {
      const [top, bottom] = [Number(m[2]), Number(m[4])];
      const [left, right] = [column(m[1] as string), column(m[3] as string)];
      if (bottom > top) ranges.push({ top, bottom, left, right });
      if (ranges.length > MAX_MERGES) throw new Error('too many merged ranges');
    }
  }
  for (const m of tail.matchAll(REF)) {
    const [top, bottom] = [Number(m[2]), Number(m[4])];
    if (bottom > top) ranges.push({ top, bottom, left: column(m[1] as string), right: column(m[3] as string) });
  }
  return ranges.sort((a, b) => a.top - b.top);
}

/** Every sheet's merged ranges spanning more than one row, by sheet name (sorted by top row). */
export async function mergedRanges(bytes: Buffer): Promise<Map<string, MergeRange[]>> {
  const files = entries(bytes);
  const workbook = smallText(bytes, files.get('xl/workbook.xml'));
  const rels = smallText(bytes, files.get('xl/_rels/workbook.xml.rels'));
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const a = attrs(m[0]);
    if (a.Id && a.Target) targets.set(a.Id, a.Target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  const out = new Map<string, MergeRange[]>();
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = attrs(m[0]);
    const target = targets.get(a['r:id'] ?? '');
    const entry = target ? files.get(target) : undefined;
    if (!a.name || !entry) continue;
    const ranges = await scanSheet(bytes, entry);
    if (ranges.length) out.set(unescapeXml(a.name), ranges);
  }
  return out;
}
