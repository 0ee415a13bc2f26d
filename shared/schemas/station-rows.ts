import { z } from '../api/zod-locale';
import { STATUSES } from '../domain/workflow';
import { TOWNSHIP_CODES } from '../domain/townships';
import { FARMER_KINDS, identityIssue } from './farmers';
import { PHOTO_KINDS, STORED_ELIGIBILITY } from './scraps';
import { TERMINAL_KINDS } from './purchases';

/**
 * The rows of a station's file as the county reads them (snake_case, one schema per table): every
 * row of a received file is parsed with these before anything is written to the county's file.
 */
export const id = z.uuid();
export const ts = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, '时间格式错误');
export const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式错误');
export const text = (max: number) => z.string().min(1).max(max);
export const opt = (max: number) => z.string().max(max).nullable();
export const fen = z.number().int().min(0).max(10_000_000_000_00);
const json = (max: number) => z.string().max(max).nullable();

export const travelling = {
  id,
  station_id: id,
  created_at: ts,
  updated_at: ts,
  voided_at: ts.nullable(),
  void_reason: opt(200),
};

export const farmerRow = z
  .object({
    ...travelling,
    kind: z.enum(FARMER_KINDS),
    name: text(60),
    name_pinyin: opt(400).transform((s) => s ?? ''),
    name_initials: opt(100).transform((s) => s ?? ''),
    id_number: text(30),
    id_number_rev: text(30),
    birth_date: date.nullable(),
    contact_name: opt(20),
    phone: text(20),
    bank_card: opt(23),
    bank_name: opt(40),
    township_code: z.enum(TOWNSHIP_CODES),
    village: text(40),
    address: opt(120),
  })
  .superRefine((r, ctx) => {
    const issue = identityIssue(r.kind, r.id_number);
    if (issue) ctx.addIssue({ code: 'custom', path: ['id_number'], message: issue });
    if (r.id_number_rev !== [...r.id_number].reverse().join(''))
      ctx.addIssue({ code: 'custom', path: ['id_number_rev'], message: '证件号码索引不一致' });
  });

export const partnerRow = z.object({
  ...travelling,
  kind: z.enum(['dealer', 'recycler']),
  name: text(80),
  uscc: opt(18),
  license_no: opt(40),
  phone: opt(20),
  address: opt(120),
});

const status = z.enum(STATUSES);
const machineNo = opt(40);

export const scrapRow = z.object({
  ...travelling,
  farmer_id: id,
  catalog_band_id: id.nullable(),
  catalog_year: z.number().int().min(2000).max(2100),
  item: text(60),
  band_label: text(80),
  variant: opt(30),
  param_value: z.number().min(0).max(100_000).nullable(),
  maker: text(60),
  model: text(60),
  engine_no: machineNo,
  engine_no_norm: machineNo,
  frame_no: machineNo,
  frame_no_norm: machineNo,
  plate_no: opt(20),
  plate_no_norm: opt(20),
  year_made: z.number().int().min(1950).max(2100).nullable(),
  eligibility: z.enum(STORED_ELIGIBILITY),
  recycler_id: id.nullable(),
  confirm_form_no: opt(40),
  handover_date: date.nullable(),
  dismantle_date: date.nullable(),
  scrap_fen: fen,
  scrap_replace_fen: fen,
  status,
  status_at: ts,
  return_reason: opt(200),
  /** Maintained by a trigger from the farmer (migration 005); the county's own trigger sets it again. */
  buyer_township_code: z.enum(TOWNSHIP_CODES).nullable(),
});

export const scrapPhotoRow = z.object({
  ...travelling,
  scrap_id: id,
  kind: z.enum(PHOTO_KINDS),
  file_name: text(120),
  stored_path: z.string().regex(/^[0-9a-f-]{36}\/[0-9a-f]{64}\.(jpg|png|webp)$/, '照片路径无效'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size_bytes: z
    .number()
    .int()
    .min(1)
    .max(20 * 1024 * 1024),
  mime: z.enum(['image/jpeg', 'image/png', 'image/webp']),
});

export const purchaseRow = z
  .object({
    ...travelling,
    farmer_id: id,
    catalog_band_id: id.nullable(),
    catalog_year: z.number().int().min(2000).max(2100),
    category: text(40),
    item: text(60),
    band_label: text(80),
    variant: opt(30),
    param_value: z.number().min(0).max(100_000).nullable(),
    maker: text(60),
    product_name: text(60),
    model: text(60),
    model_norm: z.string().max(60),
    factory_no: text(40),
    factory_no_norm: text(40),
    engine_no: machineNo,
    engine_no_norm: machineNo,
    qr_code: opt(120),
    invoice_no: text(40),
    invoice_date: date,
    price_fen: fen.refine((n) => n > 0),
    dealer_id: id.nullable(),
    purchase_date: date,
    terminal_kind: z.enum(TERMINAL_KINDS),
    terminal_id: opt(40),
    scrap_id: id.nullable(),
    purchase_fen: fen,
    scrap_part_fen: fen,
    total_fen: fen,
    subsidy_note: opt(200),
    overrides_json: json(4000),
    status,
    status_at: ts,
    return_reason: opt(200),
    buyer_township_code: z.enum(TOWNSHIP_CODES).nullable(),
  })
  .refine((r) => r.total_fen === r.purchase_fen + r.scrap_part_fen, { message: '补贴合计与分项不符', path: ['total_fen'] });

export const applicationEventRow = z.object({
  ...travelling,
  entity: z.enum(['scrap', 'purchase']),
  entity_id: id,
  from_status: status,
  to_status: status,
  at: ts,
  operator: text(20),
  reason: opt(200),
  checks_json: json(2000),
  /** The signed-in user (migration 008); null on events from before accounts. */
  user_id: opt(40),
  /** 1: same person as the step before, at a 单人站点 (counted on the county's reports). */
  unseparated: z.union([z.literal(0), z.literal(1)]),
});

export const voucherRow = z
  .object({
    ...travelling,
    number: z.string().regex(/^GX-\d{3}-\d{4}-\d{6}$/),
    year: z.number().int().min(2000).max(2100),
    seq: z.number().int().min(1),
    kind: z.enum(['scrap', 'purchase']),
    application_id: id,
    farmer_id: id,
    issue_date: date,
    purchase_fen: fen,
    scrap_fen: fen,
    total_fen: fen,
    check_code: z.string().regex(/^[0-9A-Z]{8}$/),
    // Ed25519 by the issuing station's key (migration 012); NULL on vouchers issued before (HMAC check code)
    signature: z
      .string()
      .regex(/^[A-Za-z0-9_-]{86}$/)
      .nullable(),
    snapshot_json: z.string().max(20_000),
    print_count: z.number().int().min(0),
    last_printed_at: ts.nullable(),
  })
  .refine((r) => r.total_fen === r.purchase_fen + r.scrap_fen, { message: '补贴合计与分项不符', path: ['total_fen'] });

export const auditRow = z.object({
  id,
  station_id: id,
  at: ts,
  operator: text(20),
  method: text(60),
  entity: text(40),
  entity_id: text(60),
  before_json: json(100_000),
  after_json: json(100_000),
  user_id: opt(40),
  // the station's history chain (migration 012; NULL only on rows merged from files made before it)
  chain_seq: z.number().int().min(1).nullable(),
  prev_hash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  row_hash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
});

/** The sending station, from its installation row. */
export const stationInstallationRow = z.object({
  station_id: id,
  role: z.literal('station', { error: '文件不是乡镇农机站的数据（可能是县局文件）' }),
  township_code: z.enum(TOWNSHIP_CODES),
  operator: text(20),
  created_at: ts,
  updated_at: ts,
});
