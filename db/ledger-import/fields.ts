/**
 * Which ledger column is which field: headings stations use (DOMAIN.md §10), the header row found
 * under title rows, and the mapping remembered per station so next month's file maps itself.
 */
import { compact } from '../../shared/domain/ledger-values';
import { LEDGER_FIELDS, type LedgerField, type LedgerKind, type LedgerMapping } from '../../shared/schemas/ledger-import';
import type { ServiceContext } from '../context';
import { columnLetter, normalizeHeader } from '../services/catalog-columns';
import type { LedgerSheetRow } from './read';

/** Headings seen in station ledgers for each field (compared after normalizeHeader: no spaces, brackets or units). */
export const SYNONYMS: Record<LedgerField, readonly string[]> = {
  name: ['姓名', '购机者', '购机者姓名', '户名', '机主', '机主姓名', '农户姓名', '购机户', '购机人', '申请人'],
  idNumber: ['身份证号', '身份证号码', '证件号码', '证件号', '身份证', '购机者证件号码', '统一社会信用代码'],
  phone: ['联系电话', '手机', '手机号', '手机号码', '电话', '联系方式'],
  township: ['乡镇', '乡(镇)', '乡镇名称', '乡镇街道', '所在乡镇'],
  village: ['村', '村组', '村名', '所在村', '村庄', '村(居)'],
  item: ['机具品目', '机具名称', '品目', '机具类别', '机具种类', '补贴机具', '报废机具', '报废机具名称', '报废机具品目'],
  bandLabel: ['分档', '档次', '分档名称', '机具分档', '档次名称'],
  maker: ['生产厂家', '生产企业', '厂家', '生产厂家名称', '制造商'],
  productName: ['产品名称'],
  model: ['型号', '购买机型', '机型', '规格型号', '产品型号'],
  factoryNo: ['出厂编号', '机身号', '出厂号', '机器编号', '整机编号', '机身编号'],
  engineNo: ['发动机号', '发动机编号'],
  purchaseDate: ['购机日期', '购买日期', '购置日期', '日期'],
  invoiceNo: ['发票号', '发票号码', '发票编号'],
  invoiceDate: ['发票日期', '开票日期'],
  price: ['销售价格', '单价', '单台销售价格', '价格', '购机价格', '销售单价', '购机价'],
  subsidy: ['补贴金额', '补贴额', '单台补贴额', '补贴资金', '中央财政补贴额', '补贴', '总补贴额', '报废补贴', '报废补贴额', '报废补贴金额'],
  subsidyWords: ['补贴金额大写', '大写金额', '大写', '补贴额大写'],
  bankCard: ['银行卡号', '账号', '一卡通账号', '卡号', '银行账号', '社保卡号'],
  bankName: ['开户行', '开户银行'],
  status: ['状态', '兑付状态', '办理状态'],
  paidAmount: ['兑付金额', '已兑付金额', '实付金额', '实际兑付金额'],
  note: ['备注', '说明'],
  frameNo: ['机架号', '机架号码', '车架号', '底盘号'],
  plateNo: ['号牌', '号牌号码', '牌照号', '车牌号'],
  confirmFormNo: ['报废确认编号', '回收确认编号', '回收确认表编号', '报废回收确认表编号', '确认表编号'],
  recycler: ['回收企业', '回收单位', '回收拆解企业', '回收企业名称'],
  handoverDate: ['回收日期', '交售日期', '报废日期', '回收时间'],
};

/** Fields only a scrapping ledger has: a sheet with any of them is a 报废台账. */
const SCRAP_ONLY: readonly LedgerField[] = ['frameNo', 'plateNo', 'confirmFormNo', 'recycler', 'handoverDate'];

/** Fields only a purchase ledger has: a sheet with any of them (and none of the scrap-only ones) is a 购置台账. */
const PURCHASE_ONLY: readonly LedgerField[] = ['purchaseDate', 'price', 'invoiceNo', 'invoiceDate', 'productName'];

/**
 * A purchase or a scrapping ledger, from its mapped columns; the sheet's name decides only when no column
 * does (a purchase ledger titled 农机报废更新补贴台账 is still a purchase ledger).
 */
export function sheetKind(columns: readonly ColumnPlan[], sheetName: string): LedgerKind {
  const has = (fields: readonly LedgerField[]) => columns.some((c) => c.field && fields.includes(c.field as LedgerField));
  if (has(SCRAP_ONLY)) return 'scrap';
  if (has(PURCHASE_ONLY)) return 'purchase';
  return /报废/.test(sheetName) ? 'scrap' : 'purchase';
}

/** Columns ledgers carry that nothing needs. */
const IGNORED = ['序号', '编号', '数量', '数量(台)', '经销商', '县', '地址'];

/** A header's key: what mapping entries are keyed by (full-width folded, no spaces; brackets kept: 补贴金额（大写） is not 补贴金额（元）). */
export const headerKey = (text: string): string => compact(text).normalize('NFKC').toLowerCase();

const SUGGEST = new Map<string, LedgerField | 'ignore'>([
  ...LEDGER_FIELDS.flatMap((f) => SYNONYMS[f].map((h): [string, LedgerField] => [normalizeHeader(h), f])),
  ...IGNORED.map((h): [string, 'ignore'] => [normalizeHeader(h), 'ignore']),
]);
// 补贴金额（大写） normalises to 补贴金额: the bracket decides, so check the raw text first
const WORDS = /大写/;

export function suggestField(header: string): LedgerField | 'ignore' | undefined {
  if (WORDS.test(header)) return 'subsidyWords';
  return SUGGEST.get(normalizeHeader(compact(header)));
}

/** The header row: the first of a sheet's top 20 rows with at least three known headings (title rows come before it). */
export function isHeaderRow(row: LedgerSheetRow, remembered: LedgerMapping): boolean {
  const known = row.cells.filter((c) => {
    const key = headerKey(c.text);
    const f = remembered[key] ?? suggestField(c.text);
    return key && f && f !== 'ignore';
  });
  return known.length >= 3;
}

export interface ColumnPlan {
  index: number;
  letter: string;
  header: string;
  key: string;
  field: LedgerField | 'ignore' | null;
  source: 'remembered' | 'suggested' | 'chosen' | 'none';
}

/** Each column of a header row with its field: as chosen now, else remembered here, else suggested. */
export function planColumns(header: LedgerSheetRow, chosen: LedgerMapping | undefined, remembered: LedgerMapping): ColumnPlan[] {
  const out: ColumnPlan[] = [];
  header.cells.forEach((cell, index) => {
    const text = cell.text.trim();
    if (!text) return;
    const key = headerKey(text);
    const plan = (field: LedgerField | 'ignore' | null, source: ColumnPlan['source']) =>
      out.push({ index, letter: columnLetter(index), header: text, key, field, source });
    if (chosen && key in chosen) return plan(chosen[key] ?? null, 'chosen');
    if (key in remembered) return plan(remembered[key] ?? null, 'remembered');
    const suggested = suggestField(text);
    return suggested ? plan(suggested, 'suggested') : plan(null, 'none');
  });
  // a scrapping ledger's only date column (日期) is its 回收日期
  const scrap = out.some((c) => c.field && SCRAP_ONLY.includes(c.field as LedgerField));
  if (scrap && !out.some((c) => c.field === 'handoverDate')) {
    const dated = out.find((c) => c.field === 'purchaseDate' && c.source !== 'chosen');
    if (dated) dated.field = 'handoverDate';
  }
  // a ledger with only 发票日期 dates the purchase by the invoice (DOMAIN §10: 购机日期/发票日期)
  if (!scrap && !out.some((c) => c.field === 'purchaseDate')) {
    const invoice = out.find((c) => c.field === 'invoiceDate' && c.source !== 'chosen');
    if (invoice) invoice.field = 'purchaseDate';
  }
  // a field goes to its first column only (a second 日期 column must be chosen by hand)
  const taken = new Set<string>();
  for (const c of out) {
    if (!c.field || c.field === 'ignore') continue;
    if (taken.has(c.field)) {
      c.field = null;
      c.source = 'none';
    } else taken.add(c.field);
  }
  return out;
}

const MAPPING_KEY = 'ledgerImport.mapping';

/** The heading → field choices confirmed by this station's earlier imports. */
export function rememberedMapping(ctx: ServiceContext): LedgerMapping {
  const row = ctx.db.prepare('SELECT value_json FROM config WHERE key = ?').get(MAPPING_KEY) as { value_json: string } | undefined;
  if (!row) return {};
  try {
    return JSON.parse(row.value_json) as LedgerMapping;
  } catch {
    return {};
  }
}

/** Adds this import's choices to the remembered ones (call inside the commit's transaction). */
export function rememberMapping(ctx: ServiceContext, columns: readonly ColumnPlan[]): void {
  const merged: LedgerMapping = { ...rememberedMapping(ctx) };
  for (const c of columns) if (c.field && c.key) merged[c.key] = c.field;
  ctx.db
    .prepare(
      'INSERT INTO config (key, value_json, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at',
    )
    .run(MAPPING_KEY, JSON.stringify(merged), ctx.now().toISOString());
}
