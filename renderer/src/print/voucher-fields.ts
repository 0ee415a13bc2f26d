import { maskIdNumber, maskPhone } from '../../../shared/domain/mask';
import { formatFen } from '../../../shared/domain/money';
import type { Voucher } from '../../../shared/schemas/vouchers';
import { FRAME_NO_LABEL } from '../../../shared/domain/machine-terms';

/** Which part of the voucher: the station's stub (full ID) or the farmer's copy (ID masked). */
export type VoucherCopy = 'stub' | 'farmer';

export interface Field {
  label: string;
  value: string;
  /** How many label/value pairs of a row the field takes. */
  span?: number;
  money?: boolean;
  /** Printed bold and larger: the total in words. */
  strong?: boolean;
  testId?: string;
}

export interface Section {
  title: string;
  fields: Field[];
}

export interface Row {
  fields: (Field & { span: number })[];
}

/** Money as printed: figures with 2 decimals and the unit, e.g. "7,900.00 元". */
const yuan = (fen: number) => `${formatFen(fen)} 元`;

/** A subsidy line's name without its explanation in brackets: 报废更新补贴（报废并更新） → 报废更新补贴. */
const lineLabel = (label: string) => label.replace(/（[^）]*）$/, '') || label;

const dash = (v: string | null | undefined) => (v && v.trim() ? v : '—');

/** 2025-03-01 → 2025年3月1日, as official papers write dates. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** What each section of the voucher prints, from the snapshot frozen at issue. */
export function voucherSections(v: Voucher, copy: VoucherCopy): Section[] {
  const s = v.snapshot;
  const b = s.buyer;
  const sections: Section[] = [
    {
      title: '购机者',
      fields: [
        { label: '姓名/名称', value: b.name, testId: 'buyer-name' },
        { label: '证件号码', value: copy === 'stub' ? b.idNumber : maskIdNumber(b.idNumber), testId: 'buyer-id' },
        { label: '联系电话', value: maskPhone(b.phone) },
        { label: '购机者类型', value: b.kindLabel },
        { label: '住址', value: `冠县${b.townshipName}${b.village}`, span: 2 },
      ],
    },
  ];
  const old = s.scrapMachine;
  if (old) {
    sections.push({
      title: '报废机具',
      fields: [
        { label: '机具品目', value: old.item },
        { label: '分档', value: dash(old.bandLabel) },
        { label: '型号', value: dash(old.model) },
        { label: '发动机号', value: dash(old.engineNo) },
        { label: FRAME_NO_LABEL, value: dash(old.frameNo) },
        { label: '报废确认表', value: dash(old.confirmFormNo) },
      ],
    });
  }
  const m = s.newMachine;
  if (m) {
    sections.push({
      title: '新购机具',
      fields: [
        { label: '机具品目', value: m.item },
        { label: '分档', value: dash(m.bandLabel) },
        { label: '型号', value: m.model },
        { label: '出厂编号', value: m.factoryNo },
        { label: '生产厂家', value: m.maker, span: 2 },
        { label: '发票号码', value: m.invoiceNo },
        { label: '开票日期', value: m.invoiceDate },
        { label: '购机价格', value: yuan(m.priceFen), money: true },
      ],
    });
  }
  const notes = s.lines.map((l) => l.note).filter((n): n is string => Boolean(n));
  const pay = s.payment;
  sections.push({
    title: '补贴金额',
    fields: [
      ...s.lines.map((l) => ({ label: lineLabel(l.label), value: yuan(l.fen), money: true })),
      { label: '补贴合计', value: yuan(v.totalFen), money: true, strong: true, testId: 'total-fen' },
      { label: '合计（大写）', value: v.totalUpper, span: 3, strong: true, testId: 'total-upper' },
      ...(notes.length ? [{ label: '备注', value: notes.join('；'), span: 3 }] : []),
      { label: '兑付方式', value: pay.method },
      ...(v.payment
        ? [
            { label: '兑付日期', value: chineseDate(v.payment.paidOn), testId: 'paid-on' },
            { label: '实付金额', value: yuan(v.payment.amountFen), money: true, testId: 'paid-amount' },
            { label: '入账账户', value: `${v.payment.bankName} ${v.payment.accountMasked}`, span: 2, testId: 'paid-account' },
            { label: '财政凭证号', value: v.payment.financeDoc, testId: 'paid-doc' },
          ]
        : [
            { label: '开户银行', value: dash(pay.bankName) },
            { label: '银行卡号', value: pay.cardLast4 ? `尾号 ${pay.cardLast4}` : '未登记' },
          ]),
    ],
  });
  return sections;
}

/**
 * Packs fields into rows of `cols` label/value pairs; a field that does not fit starts a new row and
 * the row it leaves is closed by widening its last field.
 */
export function packRows(fields: Field[], cols: number): Row[] {
  const rows: Row[] = [];
  let current: Row['fields'] = [];
  let used = 0;
  const close = () => {
    const last = current[current.length - 1];
    if (last) last.span += cols - used;
    if (current.length) rows.push({ fields: current });
    current = [];
    used = 0;
  };
  for (const f of fields) {
    const span = Math.min(f.span ?? 1, cols);
    if (used + span > cols) close();
    current.push({ ...f, span });
    used += span;
    if (used === cols) close();
  }
  close();
  return rows;
}
