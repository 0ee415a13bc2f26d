import { AppError } from '../../shared/api/errors';
import { townshipName, unitName } from '../../shared/domain/townships';
import { FARMER_KIND_LABELS } from '../../shared/schemas/farmers';
import type { VoucherSnapshot } from '../../shared/schemas/vouchers';
import type { ServiceContext } from '../context';
import { getFarmer } from '../repositories/farmers';
import type { InstallationRow } from '../repositories/installation';
import type { PurchaseRow } from '../repositories/purchases';
import type { ScrapRow } from '../repositories/scraps';

export const VOUCHER_TITLES = {
  renewal: '冠县农机报废更新补贴凭证',
  purchase: '冠县农机购置补贴凭证',
  scrap: '冠县农机报废补贴凭证',
} as const;

const scrapMachine = (s: ScrapRow): NonNullable<VoucherSnapshot['scrapMachine']> => ({
  item: s.item,
  bandLabel: s.band_label,
  maker: s.maker,
  model: s.model,
  engineNo: s.engine_no,
  frameNo: s.frame_no,
  plateNo: s.plate_no,
  confirmFormNo: s.confirm_form_no,
  dismantleDate: s.dismantle_date,
});

const newMachine = (p: PurchaseRow): NonNullable<VoucherSnapshot['newMachine']> => ({
  item: p.item,
  bandLabel: p.band_label,
  maker: p.maker,
  productName: p.product_name,
  model: p.model,
  factoryNo: p.factory_no,
  engineNo: p.engine_no,
  invoiceNo: p.invoice_no,
  invoiceDate: p.invoice_date,
  priceFen: p.price_fen,
  purchaseDate: p.purchase_date,
});

/** Everything the voucher prints, taken from the records at the moment of issue. */
export function buildSnapshot(
  ctx: ServiceContext,
  installation: InstallationRow,
  app: { purchase: PurchaseRow | null; scrap: ScrapRow | null },
): VoucherSnapshot {
  const farmerId = app.purchase?.farmer_id ?? app.scrap?.farmer_id ?? '';
  const f = getFarmer(ctx.db, farmerId);
  if (!f) throw new AppError('INTERNAL', '凭证所属农户不存在');
  const { purchase, scrap } = app;
  const lines: VoucherSnapshot['lines'] = [];
  if (purchase) {
    lines.push({ label: '购置补贴', fen: purchase.purchase_fen, ...(purchase.subsidy_note ? { note: purchase.subsidy_note } : {}) });
    if (scrap) lines.push({ label: '报废更新补贴（报废并更新）', fen: purchase.scrap_part_fen });
  } else if (scrap) {
    lines.push({ label: '报废补贴', fen: scrap.scrap_fen });
  }
  return {
    title: purchase ? (scrap ? VOUCHER_TITLES.renewal : VOUCHER_TITLES.purchase) : VOUCHER_TITLES.scrap,
    unitName: unitName(installation.role, installation.township_code),
    operator: installation.operator,
    buyer: {
      name: f.name,
      kindLabel: FARMER_KIND_LABELS[f.kind],
      idNumber: f.id_number,
      phone: f.phone,
      townshipName: townshipName(f.township_code),
      village: f.village,
    },
    payment: { method: '直补到卡', bankName: f.bank_name, cardLast4: f.bank_card ? f.bank_card.slice(-4) : null },
    scrapMachine: scrap ? scrapMachine(scrap) : null,
    newMachine: purchase ? newMachine(purchase) : null,
    lines,
  };
}
