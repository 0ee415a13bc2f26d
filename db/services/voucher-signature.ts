import { createHash } from 'node:crypto';
import type { ServiceContext } from '../context';
import { stationKeys } from '../repositories/station-keys';
import { fingerprint, verifyBytes } from '../trust/ed25519';
import { signWithInstallationKey } from './keys';

/** What a voucher's signature covers: its number, buyer (farmer record id), amount in fen and issue date. */
export interface SignedVoucherFields {
  number: string;
  farmerId: string;
  totalFen: number;
  issueDate: string;
}

export const voucherMessage = (v: SignedVoucherFields) => `GXNJ-VOUCHER-v2|${v.number}|${v.farmerId}|${v.totalFen}|${v.issueDate}`;

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The printed 校验码: 8 Crockford base32 characters of SHA-256 of the signature (typeable; the QR holds the signature). */
export function checkCodeOfSignature(signature: string): string {
  const digest = createHash('sha256').update(Buffer.from(signature, 'base64url')).digest();
  let bits = 0n;
  for (const byte of digest.subarray(0, 5)) bits = (bits << 8n) | BigInt(byte);
  let out = '';
  for (let i = 0; i < 8; i++) {
    out = (CROCKFORD[Number(bits & 31n)] as string) + out;
    bits >>= 5n;
  }
  return out;
}

export function signVoucher(ctx: ServiceContext, v: SignedVoucherFields): { signature: string; checkCode: string } {
  const signature = signWithInstallationKey(ctx, voucherMessage(v));
  return { signature, checkCode: checkCodeOfSignature(signature) };
}

/**
 * The public keys that may have signed a station's vouchers: at a station its own key; at the county
 * every key it pinned for that station (a key retired at re-enrolment still signed the older vouchers).
 */
function keysFor(ctx: ServiceContext, stationId: string): string[] {
  const own = ctx.db.prepare('SELECT i.station_id, k.public_key FROM installation i JOIN installation_keys k ON k.id = 1').get() as
    { station_id: string; public_key: string } | undefined;
  if (own?.station_id === stationId) return [own.public_key];
  return stationKeys(ctx.db, stationId).map((k) => k.public_key);
}

/** The fingerprint of the key whose signature this is, or null (no pinned key signed it). */
export function voucherSigner(ctx: ServiceContext, stationId: string, v: SignedVoucherFields, signature: string): string | null {
  const key = keysFor(ctx, stationId).find((k) => verifyBytes(k, voucherMessage(v), signature));
  return key ? fingerprint(key) : null;
}
