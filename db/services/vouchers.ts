import { pageAnswer, pageRequest, type PageInput } from './page-request';
import { createHmac } from 'node:crypto';
import dayjs from 'dayjs';
import { AppError } from '../../shared/api/errors';
import { maskIdNumber, maskName } from '../../shared/domain/mask';
import { fenToUppercase } from '../../shared/domain/money';
import { formatVoucherQr, NUMBER_PATTERN, parseVoucherQr, voucherNumber } from '../../shared/domain/voucher-code';
import { COUNTED_STATUSES, STATUS_LABELS, type Status } from '../../shared/domain/workflow';
import type { Voucher, VoucherListItem, VoucherSnapshot, VerifyOutput } from '../../shared/schemas/vouchers';
import { isoNow, writeTx, type ServiceContext } from '../context';
import type { InstallationRow } from '../repositories/installation';
import { getPurchase } from '../repositories/purchases';
import { getScrap, linkedPurchaseId } from '../repositories/scraps';
import * as repo from '../repositories/vouchers';
import { writeAudit } from './audit';
import { requireInstallation, requireOwnRow } from './installation';
import { buildSnapshot } from './voucher-snapshot';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 8 characters of HMAC-SHA256 over number and amount, keyed by the issuing station's secret. */
export function checkCode(secret: string, number: string, totalFen: number): string {
  const mac = createHmac('sha256', secret).update(`${number}|${totalFen}`).digest();
  let bits = 0n;
  for (const byte of mac.subarray(0, 5)) bits = (bits << 8n) | BigInt(byte);
  let out = '';
  for (let i = 0; i < 8; i++) {
    out = (CROCKFORD[Number(bits & 31n)] as string) + out;
    bits >>= 5n;
  }
  return out;
}

export function toVoucher(r: repo.VoucherRow): Voucher {
  return {
    id: r.id,
    stationId: r.station_id,
    number: r.number,
    year: r.year,
    kind: r.kind,
    applicationId: r.application_id,
    farmerId: r.farmer_id,
    issueDate: r.issue_date,
    purchaseFen: r.purchase_fen,
    scrapFen: r.scrap_fen,
    totalFen: r.total_fen,
    totalUpper: fenToUppercase(r.total_fen),
    checkCode: r.check_code,
    qrPayload: formatVoucherQr({ number: r.number, totalFen: r.total_fen, checkCode: r.check_code }),
    snapshot: JSON.parse(r.snapshot_json) as VoucherSnapshot,
    printCount: r.print_count,
    lastPrintedAt: r.last_printed_at,
    createdAt: r.created_at,
    voidedAt: r.voided_at,
    voidReason: r.void_reason,
  };
}

/** The application behind a voucher, checked: ours, at a stage that allows a voucher, a scrap not travelling with a purchase. */
function loadApplication(ctx: ServiceContext, installation: InstallationRow, kind: 'scrap' | 'purchase', id: string) {
  const purchase = kind === 'purchase' ? getPurchase(ctx.db, id) : undefined;
  const scrap = kind === 'scrap' ? getScrap(ctx.db, id) : purchase?.scrap_id ? getScrap(ctx.db, purchase.scrap_id) : undefined;
  const app = kind === 'purchase' ? purchase : scrap;
  if (!app) throw new AppError('NOT_FOUND', '未找到该申请');
  requireOwnRow(installation, app, '申请');
  if (kind === 'scrap' && linkedPurchaseId(ctx.db, id)) throw new AppError('FORBIDDEN', '该报废农机已关联购置申请，请在购置申请上出具凭证');
  if (!COUNTED_STATUSES.includes(app.status as Status)) {
    throw new AppError('FORBIDDEN', `申请当前为“${STATUS_LABELS[app.status as Status]}”，核验通过后才能出具补贴凭证`);
  }
  return { purchase: purchase ?? null, scrap: scrap ?? null, app };
}

export function issueVoucher(ctx: ServiceContext, input: { kind: 'scrap' | 'purchase'; applicationId: string }): Voucher {
  return writeTx(ctx, () => {
    const installation = requireInstallation(ctx);
    const existing = repo.liveForApplication(ctx.db, input.applicationId);
    if (existing) return toVoucher(existing);
    const { purchase, scrap, app } = loadApplication(ctx, installation, input.kind, input.applicationId);
    if (!installation.voucher_secret || !installation.township_code) throw new AppError('FORBIDDEN', '只有乡镇农机站可以出具补贴凭证');
    const snapshot = buildSnapshot(ctx, installation, { purchase, scrap });
    const issueDate = dayjs(ctx.now()).format('YYYY-MM-DD');
    const year = Number(issueDate.slice(0, 4));
    const seq = repo.nextSeq(ctx.db, installation.station_id, year);
    const number = voucherNumber(installation.township_code, year, seq);
    const purchaseFen = purchase?.purchase_fen ?? 0;
    const scrapFen = purchase ? purchase.scrap_part_fen : (scrap?.scrap_fen ?? 0);
    const at = isoNow(ctx);
    const row: repo.VoucherRow = {
      id: ctx.newId(),
      station_id: installation.station_id,
      number,
      year,
      seq,
      kind: input.kind,
      application_id: app.id,
      farmer_id: app.farmer_id,
      issue_date: issueDate,
      purchase_fen: purchaseFen,
      scrap_fen: scrapFen,
      total_fen: purchaseFen + scrapFen,
      check_code: checkCode(installation.voucher_secret, number, purchaseFen + scrapFen),
      snapshot_json: JSON.stringify(snapshot),
      print_count: 0,
      last_printed_at: null,
      created_at: at,
      updated_at: at,
      voided_at: null,
      void_reason: null,
    };
    repo.insertVoucher(ctx.db, row);
    writeAudit(ctx, installation, {
      method: 'vouchers.issue',
      entity: 'voucher',
      entityId: row.id,
      before: null,
      after: { number, applicationId: app.id, totalFen: row.total_fen },
    });
    return toVoucher(row);
  });
}

export function getVoucher(ctx: ServiceContext, id: string): Voucher {
  const row = repo.getVoucher(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', '未找到该凭证');
  return toVoucher(row);
}

export function listVouchers(
  ctx: ServiceContext,
  input: { q: string; year?: number; applicationId?: string; includeVoided: boolean } & PageInput,
) {
  const page = repo.listVouchers(ctx.db, input, pageRequest(input));
  const items: VoucherListItem[] = page.rows.map((r) => ({
    id: r.id,
    number: r.number,
    kind: r.kind,
    applicationId: r.application_id,
    issueDate: r.issue_date,
    buyerName: r.f_name,
    buyerIdMasked: maskIdNumber(r.f_id_number),
    title: (JSON.parse(r.snapshot_json) as VoucherSnapshot).title,
    totalFen: r.total_fen,
    printCount: r.print_count,
    voidedAt: r.voided_at,
    voidReason: r.void_reason,
  }));
  return pageAnswer(items, page, input);
}

export function voidVoucher(ctx: ServiceContext, input: { id: string; reason: string }): Voucher {
  return writeTx(ctx, () => {
    const installation = requireInstallation(ctx);
    const row = repo.getVoucher(ctx.db, input.id);
    if (!row) throw new AppError('NOT_FOUND', '未找到该凭证');
    requireOwnRow(installation, row, '凭证');
    if (row.voided_at) throw new AppError('CONFLICT', `凭证 ${row.number} 已作废`);
    const at = isoNow(ctx);
    repo.voidVoucher(ctx.db, row.id, input.reason, at);
    writeAudit(ctx, installation, {
      method: 'vouchers.void',
      entity: 'voucher',
      entityId: row.id,
      before: { number: row.number, voidedAt: null },
      after: { number: row.number, voidedAt: at, voidReason: input.reason },
    });
    return toVoucher({ ...row, voided_at: at, void_reason: input.reason, updated_at: at });
  });
}

/** Counts each print (the first is the original, later ones print 补打) and audits it. */
export function recordPrint(ctx: ServiceContext, input: { ids: string[] }) {
  return writeTx(ctx, () => {
    const installation = requireInstallation(ctx);
    const items = input.ids.map((id) => {
      const row = repo.getVoucher(ctx.db, id);
      if (!row) throw new AppError('NOT_FOUND', '未找到该凭证');
      if (row.voided_at) throw new AppError('FORBIDDEN', `凭证 ${row.number} 已作废，不能打印`);
      const at = isoNow(ctx);
      repo.recordPrint(ctx.db, id, at);
      writeAudit(ctx, installation, {
        method: 'vouchers.recordPrint',
        entity: 'voucher',
        entityId: id,
        before: { printCount: row.print_count },
        after: { printCount: row.print_count + 1, reprint: row.print_count > 0 },
      });
      return toVoucher({ ...row, print_count: row.print_count + 1, last_printed_at: at, updated_at: at });
    });
    return { items };
  });
}

function summary(r: repo.VoucherRow) {
  const s = JSON.parse(r.snapshot_json) as VoucherSnapshot;
  return {
    number: r.number,
    issueDate: r.issue_date,
    unitName: s.unitName,
    buyerNameMasked: maskName(s.buyer.name),
    title: s.title,
    totalFen: r.total_fen,
    voidReason: r.void_reason,
  };
}

/** 凭证核验: a scanned QR (number, amount, check code) or a typed number, against the records. */
export function verifyVoucher(ctx: ServiceContext, input: { code: string }): VerifyOutput {
  const qr = parseVoucherQr(input.code);
  const number = qr?.number ?? input.code.trim().toUpperCase();
  if (!qr && !NUMBER_PATTERN.test(number)) {
    return { result: 'not_found', message: '无法识别：请扫描凭证上的二维码，或输入形如 GX-103-2025-000123 的凭证编号', voucher: null };
  }
  const row = repo.findByNumber(ctx.db, number);
  if (!row) return { result: 'not_found', message: `本机数据中没有编号为 ${number} 的凭证`, voucher: null };
  if (row.voided_at) {
    return { result: 'voided', message: `凭证已作废（原因：${row.void_reason ?? ''}），不能据此兑付`, voucher: summary(row) };
  }
  if (!qr) return { result: 'number_only', message: '编号存在且有效；扫描二维码可同时核对金额和校验码', voucher: summary(row) };
  const secret = repo.stationSecret(ctx.db, row.station_id);
  const expected = secret ? checkCode(secret, row.number, qr.totalFen) : null;
  if (qr.totalFen !== row.total_fen || (expected !== null && qr.checkCode !== expected) || qr.checkCode !== row.check_code) {
    return { result: 'mismatch', message: '二维码中的金额或校验码与登记不符：凭证可能被涂改或伪造，请勿兑付并上报', voucher: summary(row) };
  }
  return { result: 'valid', message: '凭证有效：编号、金额和校验码与登记一致', voucher: summary(row) };
}
