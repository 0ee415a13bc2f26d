import { z } from '../api/zod-locale';
import { isoDateTime, uuid } from './common';
import { FRAME_NO_LABEL } from '../domain/machine-terms';

/** Importing the Excel ledgers (台账) a station kept before this app: the wizard's and the CLI's shapes. */

export const LEDGER_MAX_FILE_BYTES = 20 * 1024 * 1024;
const LEDGER_MAX_BASE64_CHARS = Math.ceil(LEDGER_MAX_FILE_BYTES / 3) * 4;

/** The fields a ledger column can be mapped to. */
export const LEDGER_FIELDS = [
  'name',
  'idNumber',
  'phone',
  'township',
  'village',
  'item',
  'bandLabel',
  'maker',
  'productName',
  'model',
  'factoryNo',
  'engineNo',
  'purchaseDate',
  'invoiceNo',
  'invoiceDate',
  'price',
  'subsidy',
  'subsidyWords',
  'bankCard',
  'bankName',
  'status',
  'paidAmount',
  'note',
  // scrapping ledgers (报废台账)
  'frameNo',
  'plateNo',
  'confirmFormNo',
  'recycler',
  'handoverDate',
] as const;
export type LedgerField = (typeof LEDGER_FIELDS)[number];

export const LEDGER_FIELD_LABELS: Record<LedgerField, string> = {
  name: '购机者姓名',
  idNumber: '身份证号',
  phone: '联系电话',
  township: '乡镇',
  village: '村',
  item: '机具品目',
  bandLabel: '分档',
  maker: '生产厂家',
  productName: '产品名称',
  model: '型号',
  factoryNo: '出厂编号',
  engineNo: '发动机号',
  purchaseDate: '购机日期',
  invoiceNo: '发票号',
  invoiceDate: '发票日期',
  price: '销售价格',
  subsidy: '补贴金额',
  subsidyWords: '补贴金额（大写）',
  bankCard: '银行卡号',
  bankName: '开户行',
  status: '状态',
  paidAmount: '兑付金额',
  note: '备注',
  frameNo: FRAME_NO_LABEL,
  plateNo: '号牌号码',
  confirmFormNo: '报废确认编号',
  recycler: '回收企业',
  handoverDate: '回收日期',
};

/** Without these a row cannot become a purchase. */
export const LEDGER_REQUIRED: readonly LedgerField[] = ['name', 'idNumber', 'item', 'maker', 'model', 'factoryNo', 'purchaseDate', 'price', 'subsidy'];
/** Without these a row of a scrapping ledger cannot become a scrap (and an engine, frame or serial number, checked per row). */
export const LEDGER_SCRAP_REQUIRED: readonly LedgerField[] = ['name', 'idNumber', 'item', 'handoverDate', 'subsidy'];

/** A sheet is a purchase ledger (购置台账) or a scrapping ledger (报废台账). */
export const LEDGER_KINDS = ['purchase', 'scrap'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];
export const LEDGER_KIND_LABELS: Record<LedgerKind, string> = { purchase: '购置', scrap: '报废' };

/** A column's header (normalised: no spaces, half-width) → the field it fills, or 'ignore'. */
export const ledgerMapping = z.record(z.string().max(100), z.enum([...LEDGER_FIELDS, 'ignore']));
export type LedgerMapping = z.output<typeof ledgerMapping>;

const fileFields = {
  fileName: z.string().trim().min(1, '请选择文件').max(200, '文件名过长'),
  base64: z.string().min(1, '请选择文件').max(LEDGER_MAX_BASE64_CHARS, '文件超过 20 MB，请拆分后分别导入'),
  /** Sheets to import; default: every sheet whose header row was found. */
  sheets: z.array(z.string().max(100)).max(100).optional(),
  /** The column mapping the technician confirmed; default: remembered for this station, else suggested. */
  mapping: ledgerMapping.optional(),
};

export const ledgerPreviewInput = z.strictObject(fileFields);
export type LedgerPreviewInput = z.input<typeof ledgerPreviewInput>;

export const ledgerCommitInput = z.strictObject({
  ...fileFields,
  /** Also import the rows that need attention (flagged in the record's source); default yes. */
  includeAttention: z.boolean().default(true),
});
export type LedgerCommitInput = z.input<typeof ledgerCommitInput>;

export const LEDGER_OUTCOMES = ['create', 'present', 'attention', 'refused', 'skipped'] as const;
export type LedgerOutcome = (typeof LEDGER_OUTCOMES)[number];
export const LEDGER_OUTCOME_LABELS: Record<LedgerOutcome, string> = {
  create: '将新建',
  present: '已存在',
  attention: '需注意',
  refused: '不能导入',
  skipped: '已跳过',
};

export const ledgerRowResult = z.object({
  sheet: z.string(),
  row: z.number().int(),
  outcome: z.enum(LEDGER_OUTCOMES),
  /** From a purchase or a scrapping ledger (older batches stored before scrapping ledgers: purchase). */
  kind: z.enum(LEDGER_KINDS).default('purchase'),
  name: z.string(),
  /** Masked (lists never show full ID numbers). */
  idMasked: z.string(),
  item: z.string(),
  model: z.string(),
  factoryNo: z.string(),
  purchaseDate: z.string(),
  subsidyFen: z.number().int().nullable(),
  status: z.string(),
  /** Why the row needs attention or cannot be imported. */
  reasons: z.array(z.string()),
  /** What was done to read it (carried down from merged cells, converted…). */
  notes: z.array(z.string()),
});
export type LedgerRowResult = z.output<typeof ledgerRowResult>;

export const ledgerColumn = z.object({
  index: z.number().int(),
  letter: z.string(),
  header: z.string(),
  key: z.string(),
  field: z.enum([...LEDGER_FIELDS, 'ignore']).nullable(),
  /** Where the field came from: remembered from an earlier import here, suggested from the heading, or chosen now. */
  source: z.enum(['remembered', 'suggested', 'chosen', 'none']),
});

export const ledgerSheetInfo = z.object({
  name: z.string(),
  headerRow: z.number().int().nullable(),
  kind: z.enum(LEDGER_KINDS),
  dataRows: z.number().int(),
  selected: z.boolean(),
  columns: z.array(ledgerColumn),
});
export type LedgerSheetInfo = z.output<typeof ledgerSheetInfo>;

export const ledgerTotals = z.object({
  rows: z.number().int(),
  create: z.number().int(),
  present: z.number().int(),
  attention: z.number().int(),
  refused: z.number().int(),
  skipped: z.number().int(),
  newFarmers: z.number().int(),
  /** Subsidy of the rows that would be imported (create + attention), fen. */
  subsidyFen: z.number().int(),
});
export type LedgerTotals = z.output<typeof ledgerTotals>;

export const ledgerPreview = z.object({
  fileName: z.string(),
  sheets: z.array(ledgerSheetInfo),
  mapping: ledgerMapping,
  /** Required fields no column is mapped to (nothing can be imported until they are). */
  missingFields: z.array(z.enum(LEDGER_FIELDS)),
  fileErrors: z.array(z.string()),
  /** The rows listed (at most 2,000: those needing attention or refused first, then in file order). */
  rows: z.array(ledgerRowResult),
  /** How many of the file's rows are not in `rows` (counted in the totals; the import's report lists every row not imported). */
  rowsOmitted: z.number().int().nonnegative().default(0),
  totals: ledgerTotals,
});
export type LedgerPreview = z.output<typeof ledgerPreview>;

export const ledgerCommitResult = ledgerPreview.extend({
  importId: uuid.nullable(),
  farmersAdded: z.number().int(),
  purchasesAdded: z.number().int(),
  scrapsAdded: z.number().int(),
  message: z.string(),
});
export type LedgerCommitResult = z.output<typeof ledgerCommitResult>;

export const ledgerImportItem = z.object({
  id: uuid,
  fileName: z.string(),
  sheets: z.array(z.string()),
  operator: z.string(),
  createdAt: isoDateTime,
  farmersAdded: z.number().int(),
  purchasesAdded: z.number().int(),
  scrapsAdded: z.number().int(),
  present: z.number().int(),
  attention: z.number().int(),
  refused: z.number().int(),
  skipped: z.number().int(),
  undoneAt: isoDateTime.nullable(),
  undoReason: z.string().nullable(),
  /** Null when it can be undone; otherwise why not (a record changed since, already undone). */
  undoBlocked: z.string().nullable(),
});
export type LedgerImportItem = z.output<typeof ledgerImportItem>;

export const ledgerImportList = z.object({ items: z.array(ledgerImportItem) });
export const ledgerListInput = z.strictObject({});

export const ledgerUndoInput = z.strictObject({
  id: uuid,
  reason: z.string().trim().min(2, '请填写撤销原因（至少2个字）').max(200, '撤销原因不超过200字'),
});
export const ledgerReportInput = z.strictObject({ id: uuid });
