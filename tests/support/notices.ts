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
