// Helpers for 公示 and 兑付 in tests: station contact, publishing verified applications, paying them.
import type { AppCore } from '../../db/app';
import { bankCard } from './ids';

export const STATION_CONTACT = { address: '冠县柳林镇政府院内农机站', phone: '0635-5123456' };

async function ok<T>(p: Promise<{ ok: boolean; data?: unknown; error?: unknown }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.data as T;
}

/** Fills in where to object (needed before the first notice). */
export const setStationContact = (core: AppCore) => ok(core.call('notices.setContact', STATION_CONTACT));

/** A farmer's bank details: a Luhn-valid 19-digit card from `prefix` and its bank. */
export const bankDetails = (prefix = '621700123456789012') => ({ bankCard: bankCard(prefix), bankName: '中国农业银行冠县支行' });

/** Accepts and verifies purchases (all four checks ticked). */
export async function verifyPurchases(core: AppCore, ids: string[]): Promise<void> {
  await ok(core.call('applications.transition', { kind: 'purchase', ids, to: 'accepted' }));
  await ok(
    core.call('applications.transition', {
      kind: 'purchase',
      ids,
      to: 'verified',
      checks: { person: true, machine: true, invoice: true, nameplate: true },
    }),
  );
}

/**
 * Publishes one verified application on a notice starting today (China time), then pays it 14 days
 * later by moving the core's clock forward for that call only. The buyer must have a bank card on file.
 */
export async function publishAndPay(core: AppCore, kind: 'scrap' | 'purchase', id: string, financeDoc = 'CZ-TEST-0001'): Promise<void> {
  const contact = await ok<{ address: string }>(core.call('notices.contact', {}));
  if (!contact.address) await setStationContact(core);
  const today = new Date(core.ctx.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  await ok(core.call('notices.create', { items: [{ kind, id }], startDate: today }));
  const { now } = core.ctx;
  const later = now().getTime() + 14 * 86_400_000;
  core.ctx.now = () => new Date(later);
  try {
    const facts = await ok<{ approvedFen: number }>(core.call('notices.forApplication', { id }));
    const paidOn = new Date(later + 8 * 3600_000).toISOString().slice(0, 10);
    await ok(core.call('applications.pay', { kind, id, paidOn, amountFen: facts.approvedFen, financeDoc }));
  } finally {
    core.ctx.now = now;
  }
}
