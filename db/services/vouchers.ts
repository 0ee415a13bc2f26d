import { pageAnswer, pageRequest, type PageInput } from './page-request';
import { createHmac } from 'node:crypto';
import { AppError } from '../../shared/api/errors';
import { maskBankCard, maskIdNumber, maskName } from '../../shared/domain/mask';
import { fenToUppercase, formatFen } from '../../shared/domain/money';
import {
  formatSignedVoucherQr,
  formatVoucherQr,
  NUMBER_PATTERN,
  parseSignedVoucherQr,
  parseVoucherQr,
  voucherNumber,
} from '../../shared/domain/voucher-code';
import { COUNTED_STATUSES, STATUS_LABELS, type Status } from '../../shared/domain/workflow';
import type { Voucher, VoucherListItem, VoucherPayment, VoucherSnapshot, VerifyOutput } from '../../shared/schemas/vouchers';
import { livePaymentOf } from '../repositories/payments';
import { chinaToday, isoNow, writeTx, type ServiceContext } from '../context';
import type { InstallationRow } from '../repositories/installation';
import { getPurchase } from '../repositories/purchases';
import { getScrap, linkedPurchaseId } from '../repositories/scraps';
import * as repo from '../repositories/vouchers';
import { writeAudit } from './audit';
import { requireInstallation, requireOwnRow } from './installation';
import { signVoucher, voucherSigner } from './voucher-signature';
import { buildSnapshot } from './voucher-snapshot';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Old-style check code (vouchers issued before migration 012): 8 characters of HMAC-SHA256 over number and amount, keyed by the station's secret. */
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

/** The payment facts of an application, as a voucher prints them (account masked). */
export function paymentFacts(ctx: ServiceContext, applicationId: string): VoucherPayment | null {
  const p = livePaymentOf(ctx.db, applicationId);
  return p
    ? {
        paidOn: p.paid_on,
        amountFen: p.amount_fen,
        accountMasked: maskBankCard(p.account_no),
        bankName: p.bank_name,
        financeDoc: p.finance_doc,
      }
    : null;
}

export function toVoucher(r: repo.VoucherRow, payment: VoucherPayment | null = null): Voucher {
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
    qrPayload: r.signature
      ? formatSignedVoucherQr({
          number: r.number,
          totalFen: r.total_fen,
          issueDate: r.issue_date,
          farmerId: r.farmer_id,
          signature: r.signature,
        })
      : formatVoucherQr({ number: r.number, totalFen: r.total_fen, checkCode: r.check_code }),
    snapshot: JSON.parse(r.snapshot_json) as VoucherSnapshot,
    printCount: r.print_count,
    lastPrintedAt: r.last_printed_at,
    createdAt: r.created_at,
    voidedAt: r.voided_at,
    voidReason: r.void_reason,
    payment,
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
  // records imported from a station's old ledgers were handled (and paid) on paper: no new voucher (issue 15)
  if (ctx.db.prepare('SELECT 1 FROM ledger_records WHERE entity_id = ? AND voided_at IS NULL').get(id)) {
    throw new AppError('FORBIDDEN', '该记录来自历史台账导入，已按原台账办理，不再开具补贴凭证');
  }
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
    if (installation.role !== 'station' || !installation.township_code) throw new AppError('FORBIDDEN', '只有乡镇农机站可以出具补贴凭证');
    const snapshot = buildSnapshot(ctx, installation, { purchase, scrap });
    const issueDate = chinaToday(ctx);
    const year = Number(issueDate.slice(0, 4));
    const seq = repo.nextSeq(ctx.db, installation.station_id, year);
    const number = voucherNumber(installation.township_code, year, seq);
    const purchaseFen = purchase?.purchase_fen ?? 0;
    const scrapFen = purchase ? purchase.scrap_part_fen : (scrap?.scrap_fen ?? 0);
    const at = isoNow(ctx);
    const signed = signVoucher(ctx, { number, farmerId: app.farmer_id, totalFen: purchaseFen + scrapFen, issueDate });
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
      check_code: signed.checkCode,
      signature: signed.signature,
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
  return toVoucher(row, paymentFacts(ctx, row.application_id));
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

/**
 * A paper voucher checked without a scan: its number and the printed 校验码 typed in. The code must be the
 * one this voucher was issued with (for a signed voucher, derived from a signature that verifies), and the
 * amount is shown back for the clerk to compare with the paper.
 */
function byCheckCode(ctx: ServiceContext, row: repo.VoucherRow, typed: string): VerifyOutput {
  const legacy = row.signature === null;
  const signer = row.signature
    ? voucherSigner(
        ctx,
        row.station_id,
        { number: row.number, farmerId: row.farmer_id, totalFen: row.total_fen, issueDate: row.issue_date },
        row.signature,
      )
    : null;
  if (typed !== row.check_code || (!legacy && !signer)) {
    return {
      result: 'mismatch',
      message: `校验码不符：编号 ${row.number} 登记的校验码与所填“${typed}”不一致。凭证可能被涂改或伪造，请勿兑付并上报（请先核对是否输错）`,
      voucher: null,
      signedBy: null,
      legacy,
    };
  }
  return {
    result: 'valid',
    message: `编号与校验码一致。请核对纸质凭证上的补贴合计是否为 ${formatFen(row.total_fen)} 元（${fenToUppercase(row.total_fen)}），不一致即为涂改`,
    voucher: summary(row),
    signedBy: signer,
    legacy,
  };
}

const MISMATCH = '二维码中的金额、日期或签名与登记不符：凭证可能被涂改或伪造，请勿兑付并上报';

/**
 * 凭证核验: a scanned QR or a typed number, against the records. A signed QR is checked with the issuing
 * station's public key (its own at a station, the pinned one at the county); an old-style QR (issued
 * before signatures) with the station's HMAC secret where this installation has it, otherwise against
 * the check code in the signed station file, and marked as old-style.
 */
export function verifyVoucher(ctx: ServiceContext, input: { code: string; checkCode?: string }): VerifyOutput {
  const signed = parseSignedVoucherQr(input.code);
  const qr = signed ? null : parseVoucherQr(input.code);
  const number = signed?.number ?? qr?.number ?? input.code.trim().toUpperCase();
  const none = { signedBy: null, legacy: false };
  if (!signed && !qr && !NUMBER_PATTERN.test(number)) {
    return {
      result: 'not_found',
      message: '无法识别：请扫描凭证上的二维码，或输入形如 GX-103-2025-000123 的凭证编号',
      voucher: null,
      ...none,
    };
  }
  const row = repo.findByNumber(ctx.db, number);
  if (!row) return { result: 'not_found', message: `本机数据中没有编号为 ${number} 的凭证`, voucher: null, ...none };
  const legacy = row.signature === null;
  if (row.voided_at) {
    return {
      result: 'voided',
      message: `凭证已作废（原因：${row.void_reason ?? ''}），不能据此兑付`,
      voucher: summary(row),
      signedBy: null,
      legacy,
    };
  }
  if (!signed && !qr && input.checkCode) return byCheckCode(ctx, row, input.checkCode);
  if (!signed && !qr) {
    return {
      result: 'number_only',
      message: '编号存在且有效；扫描二维码可同时核对金额、日期和签名',
      voucher: summary(row),
      signedBy: null,
      legacy,
    };
  }
  if (signed) {
    const fields = { number: signed.number, farmerId: signed.farmerId, totalFen: signed.totalFen, issueDate: signed.issueDate };
    const signer = voucherSigner(ctx, row.station_id, fields, signed.signature);
    const matches = signed.totalFen === row.total_fen && signed.issueDate === row.issue_date && signed.farmerId === row.farmer_id;
    if (!signer || !matches || legacy)
      return { result: 'mismatch', message: MISMATCH, voucher: summary(row), signedBy: null, legacy: false };
    return {
      result: 'valid',
      message: `凭证有效：出具站点的签名（密钥指纹 ${signer}）与编号、金额、日期和购机者一致`,
      voucher: summary(row),
      signedBy: signer,
      legacy: false,
    };
  }
  const q = qr as NonNullable<typeof qr>;
  // an old-style QR is only believed for a voucher issued before signatures
  const secret = repo.stationSecret(ctx.db, row.station_id);
  const expected = secret ? checkCode(secret, row.number, q.totalFen) : null;
  if (!legacy || q.totalFen !== row.total_fen || (expected !== null && q.checkCode !== expected) || q.checkCode !== row.check_code) {
    return { result: 'mismatch', message: MISMATCH, voucher: summary(row), signedBy: null, legacy };
  }
  return {
    result: 'valid',
    message: '旧式凭证（升级前出具，无签名）：编号、金额和校验码与登记一致',
    voucher: summary(row),
    signedBy: null,
    legacy: true,
  };
}
