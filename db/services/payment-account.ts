import { AppError } from '../../shared/api/errors';
import { parseBankCard } from '../../shared/domain/bankcard';
import type { FarmerRow } from '../repositories/farmers';

export interface PayAccount {
  kind: 'card' | 'corporate';
  name: string;
  number: string;
  bankName: string;
}

const ORGANISATIONS = new Set(['cooperative', 'enterprise']);

/**
 * The account a subsidy is paid into (DOMAIN §4): a person's or family farm's own bank card (一卡通, Luhn
 * checked), an organisation's corporate account. Refused, saying what to add, when there is none.
 */
export function payAccountOf(f: FarmerRow): PayAccount {
  const corporate = ORGANISATIONS.has(f.kind);
  const raw = (f.bank_card ?? '').replace(/[\s-]/g, '');
  const what = corporate ? '对公账户' : '本人银行卡（惠民惠农“一卡通”）';
  if (!raw || !f.bank_name) {
    throw AppError.field(
      'FORBIDDEN',
      ['account'],
      `${f.name} 未登记${what}${raw ? '的开户银行' : ''}，不能兑付：请先在农户信息中补充${raw ? '开户银行' : '账号和开户银行'}`,
    );
  }
  if (corporate) {
    if (!/^\d{8,30}$/.test(raw))
      throw AppError.field('FORBIDDEN', ['account'], `${f.name} 登记的对公账号格式不正确（应为8至30位数字），请在农户信息中更正后再兑付`);
  } else {
    const r = parseBankCard(raw);
    if (!r.ok) throw AppError.field('FORBIDDEN', ['account'], `${f.name} 登记的银行卡号无效（${r.reason}），请在农户信息中更正后再兑付`);
  }
  return { kind: corporate ? 'corporate' : 'card', name: f.name, number: raw, bankName: f.bank_name };
}
