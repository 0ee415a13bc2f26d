/**
 * The columns of a catalogue spreadsheet: the headers export writes, the synonyms import accepts
 * (provincial tables name them differently), and the parsing of one row into a band.
 */
import { rangeProblem } from '../../shared/domain/bands';
import { yuanToFen } from '../../shared/domain/money';
import { BAND_PARAMS, catalogBandValues, type BandParam, type CatalogBandValues } from '../../shared/schemas/catalog';
import type { SheetCell, SheetRow } from './catalog-sheet';

export type ColumnKey = keyof CatalogBandValues;

export interface ColumnSpec {
  key: ColumnKey;
  /** What export writes (and import accepts). */
  header: string;
  synonyms: string[];
  width: number;
}

export const COLUMNS: readonly ColumnSpec[] = [
  { key: 'category', header: '大类', synonyms: ['机具大类'], width: 16 },
  { key: 'subcategory', header: '小类', synonyms: ['机具小类'], width: 16 },
  { key: 'item', header: '品目', synonyms: ['机具品目', '品目名称'], width: 24 },
  { key: 'bandLabel', header: '分档名称', synonyms: ['档次名称', '分档', '档次', '分档档次'], width: 24 },
  { key: 'variant', header: '型式', synonyms: ['类型', '形式', '型式类型'], width: 12 },
  { key: 'param', header: '参数', synonyms: ['分档参数', '分档依据', '参数类型'], width: 14 },
  { key: 'lower', header: '下限', synonyms: ['参数下限'], width: 8 },
  { key: 'lowerInclusive', header: '含下限', synonyms: ['是否含下限'], width: 8 },
  { key: 'upper', header: '上限', synonyms: ['参数上限'], width: 8 },
  { key: 'upperInclusive', header: '含上限', synonyms: ['是否含上限'], width: 8 },
  {
    key: 'purchaseFen',
    header: '购置补贴额（元）',
    synonyms: ['购置补贴额', '中央财政补贴额', '补贴额', '购置补贴', '中央财政补贴'],
    width: 16,
  },
  { key: 'scrapFen', header: '报废补贴额（元）', synonyms: ['报废补贴额', '报废补贴', '仅报废补贴额'], width: 16 },
  { key: 'scrapReplaceFen', header: '报废并更新补贴额（元）', synonyms: ['报废并更新补贴额', '报废并更新补贴', '报废并更新'], width: 20 },
  { key: 'capFen', header: '单机补贴上限（元）', synonyms: ['单机补贴上限', '单机补贴限额', '单台补贴上限'], width: 18 },
  { key: 'capPercent', header: '补贴比例上限（%）', synonyms: ['补贴比例上限', '补贴比例'], width: 16 },
  { key: 'priceLowFen', header: '参考价格下限（元）', synonyms: ['参考价格下限', '价格下限', '常见价格下限'], width: 18 },
  { key: 'priceHighFen', header: '参考价格上限（元）', synonyms: ['参考价格上限', '价格上限', '常见价格上限'], width: 18 },
  { key: 'scrapScope', header: '报废范围', synonyms: ['报废更新范围', '是否报废范围', '纳入报废更新范围', '是否纳入报废更新'], width: 10 },
];

/** Columns provincial tables carry that the catalogue does not need: accepted silently. */
const IGNORED = ['序号', '备注', '说明'];

/** NFKC (full-width brackets and spaces become ASCII), no spaces, no bracketed unit, no required-mark. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, '')
    .replace(/^\*+|\*+$|[:：]$/g, '')
    .toLowerCase();
}

const HEADER_KEYS = new Map<string, ColumnKey | 'ignored'>([
  ...COLUMNS.flatMap((c) => [c.header, ...c.synonyms].map((h): [string, ColumnKey] => [normalizeHeader(h), c.key])),
  ...IGNORED.map((h): [string, 'ignored'] => [normalizeHeader(h), 'ignored']),
]);

export interface HeaderMap {
  /** Row number of the header. */
  row: number;
  /** Column index (0 = A) → field. */
  columns: Map<number, ColumnKey>;
  /** Field → the header as the file writes it (for messages). */
  headers: Map<ColumnKey, string>;
  errors: string[];
  warnings: string[];
}

export const columnLetter = (index: number): string =>
  (index >= 26 ? columnLetter(Math.floor(index / 26) - 1) : '') + String.fromCharCode(65 + (index % 26));

/** The header row: the first of the top rows that names 品目 and at least two other known columns. */
export function findHeader(rows: readonly SheetRow[]): HeaderMap | undefined {
  for (const row of rows.slice(0, 15)) {
    const keys = row.cells.map((c) => HEADER_KEYS.get(normalizeHeader(c.text)));
    const known = keys.filter((k) => k && k !== 'ignored');
    if (!known.includes('item') || known.length < 3) continue;
    const map: HeaderMap = { row: row.number, columns: new Map(), headers: new Map(), errors: [], warnings: [] };
    row.cells.forEach((cell, i) => {
      const key = keys[i];
      const text = cell.text.trim();
      if (!text || key === 'ignored') return;
      if (!key) {
        map.warnings.push(`未识别的列“${text}”（第 ${columnLetter(i)} 列）将被忽略`);
        return;
      }
      const earlier = map.headers.get(key);
      if (earlier !== undefined) {
        map.errors.push(`列“${earlier}”与“${text}”（第 ${columnLetter(i)} 列）表示同一项，请只保留一列`);
        return;
      }
      map.columns.set(i, key);
      map.headers.set(key, text);
    });
    if (!map.headers.has('bandLabel')) map.errors.push('缺少“分档名称”列');
    if (!['purchaseFen', 'scrapFen', 'scrapReplaceFen'].some((k) => map.headers.has(k as ColumnKey))) {
      map.errors.push('缺少补贴额列：至少应有“购置补贴额（元）”“报废补贴额（元）”“报废并更新补贴额（元）”之一');
    }
    return map;
  }
  return undefined;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (error: string): Parsed<never> => ({ ok: false, error });

const blank = (c: SheetCell | undefined) => !c || c.text.trim() === '';
const DASHES = new Set(['-', '–', '—', '——', '－', '/', '／', '无', '――']);

function parseNumber(c: SheetCell | undefined, header: string): Parsed<number | null> {
  if (blank(c) || !c) return ok(null);
  if (c.num !== undefined) return ok(c.num);
  const text = c.text.normalize('NFKC').trim();
  const m = /^([+-]?\d+(?:\.\d+)?)\s*(马力|kw|kg\/s|千克\/秒|行|l|升|t|吨|m|米|铲)?$/i.exec(text);
  return m ? ok(Number(m[1])) : bad(`“${header}”应为数字：${text}`);
}

const YES = new Set(['是', '含', 'y', 'yes', 'true', '1', '√', '✓', '✔']);
const NO = new Set(['否', '不含', 'n', 'no', 'false', '0', '×', '✗', '✘', 'x']);

function parseYesNo(c: SheetCell | undefined, header: string): Parsed<boolean | null> {
  if (blank(c) || !c) return ok(null);
  const text = c.text.normalize('NFKC').trim().toLowerCase();
  if (YES.has(text)) return ok(true);
  if (NO.has(text)) return ok(false);
  return bad(`“${header}”应填“是”或“否”：${c.text.trim()}`);
}

/** Yuan in the file ("3,850", 3850, "7860.00", "¥3,850元") → fen exactly; "–" or blank → null. */
function parseYuan(c: SheetCell | undefined, header: string): Parsed<number | null> {
  if (blank(c) || !c) return ok(null);
  const text = c.text.normalize('NFKC').trim();
  if (DASHES.has(text)) return ok(null);
  try {
    const fen = yuanToFen(c.num ?? text.replace(/^[¥￥]\s*/, '').replace(/\s*元$/, ''));
    return fen < 0 ? bad(`“${header}”不能为负数：${text}`) : ok(fen);
  } catch (e) {
    return bad(`“${header}”${e instanceof RangeError ? e.message : `金额格式不正确：${text}`}`);
  }
}

function parsePercent(c: SheetCell | undefined, header: string): Parsed<number | null> {
  if (blank(c) || !c) return ok(null);
  if (c.num !== undefined) return ok(c.percent ? Math.round(c.num * 100 * 1e6) / 1e6 : c.num);
  const text = c.text.normalize('NFKC').trim();
  if (DASHES.has(text)) return ok(null);
  const m = /^(\d+(?:\.\d+)?)\s*%?$/.exec(text);
  return m ? ok(Number(m[1])) : bad(`“${header}”应为百分数，如 30 或 30%：${text}`);
}

const PARAM_WORDS: Record<string, BandParam> = {
  马力: 'hp',
  功率: 'hp',
  发动机功率: 'hp',
  hp: 'hp',
  喂入量: 'feed_kgs',
  'kg/s': 'feed_kgs',
  行数: 'rows',
  行: 'rows',
  药箱: 'tank_l',
  药箱容积: 'tank_l',
  药箱容量: 'tank_l',
  l: 'tank_l',
  批处理量: 'batch_t',
  批次处理量: 'batch_t',
  t: 'batch_t',
  幅宽: 'width_m',
  作业幅宽: 'width_m',
  工作幅宽: 'width_m',
  m: 'width_m',
  铲数: 'shanks',
  铲: 'shanks',
  深松铲数: 'shanks',
  不分档: 'none',
  无: 'none',
  ...Object.fromEntries(Object.keys(BAND_PARAMS).map((k) => [k, k as BandParam])),
};

function parseParam(c: SheetCell | undefined, header: string): Parsed<BandParam | null> {
  if (blank(c) || !c) return ok(null);
  const key = PARAM_WORDS[normalizeHeader(c.text)] ?? PARAM_WORDS[c.text.normalize('NFKC').trim().toLowerCase()];
  return key ? ok(key) : bad(`“${header}”无法识别：${c.text.trim()}（可填 马力、喂入量、行数、药箱、批处理量、幅宽、铲数 或 不分档）`);
}

/** Category and subcategory carried down from the rows above when left blank (merged cells in a CSV). */
export interface CarriedDown {
  category?: string;
  subcategory?: string;
}

export interface ParsedRow {
  row: number;
  label: string;
  errors: string[];
  band?: CatalogBandValues;
}

/** One data row → a band, or the row's errors in Chinese; undefined for an empty row. */
export function parseRow(row: SheetRow, map: HeaderMap, carried: CarriedDown): ParsedRow | undefined {
  if (row.cells.every((c) => blank(c))) return undefined;
  const cell = (key: ColumnKey) => {
    for (const [i, k] of map.columns) if (k === key) return row.cells[i];
    return undefined;
  };
  const header = (key: ColumnKey) => map.headers.get(key) ?? COLUMNS.find((c) => c.key === key)?.header ?? key;
  const text = (key: ColumnKey) => cell(key)?.text.trim() ?? '';
  const errors: string[] = [];
  const take = <T>(p: Parsed<T>, fallback: T): T => {
    if (p.ok) return p.value;
    errors.push(p.error);
    return fallback;
  };

  const category = text('category') || (map.headers.has('category') ? carried.category : '未分类') || '';
  const subcategory = text('subcategory') || (map.headers.has('subcategory') ? carried.subcategory : '未分类') || '';
  if (text('category')) carried.category = category;
  if (text('subcategory')) carried.subcategory = subcategory;
  const item = text('item');
  const bandLabel = text('bandLabel');
  const label = [item || '（未填品目）', bandLabel].filter(Boolean).join(' · ');

  const lower = take(parseNumber(cell('lower'), header('lower')), null);
  const upper = take(parseNumber(cell('upper'), header('upper')), null);
  const lowerFlag = parseYesNo(cell('lowerInclusive'), header('lowerInclusive'));
  const upperFlag = parseYesNo(cell('upperInclusive'), header('upperInclusive'));
  const lowerInclusive = take(lowerFlag, null);
  const upperInclusive = take(upperFlag, null);
  const paramCell = parseParam(cell('param'), header('param'));
  let param = take(paramCell, null);
  if (param === null && lower === null && upper === null) param = 'none';
  if (param === null && paramCell.ok) errors.push(`请在“${header('param')}”列填写分档参数（如 马力、喂入量、行数），不分档的填“不分档”`);
  if (lower !== null && lowerInclusive === null && lowerFlag.ok)
    errors.push(`填写了${header('lower')}，请在“${header('lowerInclusive')}”列填“是”或“否”`);
  if (upper !== null && upperInclusive === null && upperFlag.ok)
    errors.push(`填写了${header('upper')}，请在“${header('upperInclusive')}”列填“是”或“否”`);
  const purchaseFen = take(parseYuan(cell('purchaseFen'), header('purchaseFen')), null);
  const scrapFen = take(parseYuan(cell('scrapFen'), header('scrapFen')), null);
  const scrapReplaceFen = take(parseYuan(cell('scrapReplaceFen'), header('scrapReplaceFen')), null);
  const scope = take(parseYesNo(cell('scrapScope'), header('scrapScope')), null);

  const candidate = {
    category,
    subcategory,
    item,
    bandLabel,
    variant: text('variant') || null,
    param: param ?? 'none',
    lower,
    lowerInclusive: lower !== null && lowerInclusive === true,
    upper,
    upperInclusive: upper !== null && upperInclusive === true,
    purchaseFen,
    scrapFen,
    scrapReplaceFen,
    capFen: take(parseYuan(cell('capFen'), header('capFen')), null),
    capPercent: take(parsePercent(cell('capPercent'), header('capPercent')), null),
    priceLowFen: take(parseYuan(cell('priceLowFen'), header('priceLowFen')), null),
    priceHighFen: take(parseYuan(cell('priceHighFen'), header('priceHighFen')), null),
    // Blank: in the scrapping scope when the row has a scrapping amount.
    scrapScope: scope ?? (scrapFen !== null || scrapReplaceFen !== null),
  };
  const checked = catalogBandValues.safeParse(candidate);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const key = issue.path[0] as ColumnKey | undefined;
      const name = key ? header(key) : '';
      errors.push(!name || issue.message.includes(name) || issue.message.startsWith('请') ? issue.message : `“${name}”${issue.message}`);
    }
  }
  if (errors.length === 0 && checked.success) {
    const band = checked.data;
    const range = rangeProblem(band);
    if (range) errors.push(range);
    if (band.purchaseFen === null && band.scrapFen === null && band.scrapReplaceFen === null) {
      errors.push('至少填写一项补贴额（购置补贴额、报废补贴额或报废并更新补贴额）');
    }
    if (band.priceLowFen !== null && band.priceHighFen !== null && band.priceLowFen > band.priceHighFen) {
      errors.push(`“${header('priceLowFen')}”不应高于“${header('priceHighFen')}”`);
    }
    if (errors.length === 0) return { row: row.number, label, errors, band };
  }
  return { row: row.number, label, errors: [...new Set(errors)] };
}
