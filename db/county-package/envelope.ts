import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { AppError } from '../../shared/api/errors';
import {
  countyPackageBody,
  countyPackageEnvelope,
  MAX_PACKAGE_BODY_BYTES,
  MAX_PACKAGE_BYTES,
  PACKAGE_FORMAT,
  type CountyPackageBody,
} from '../../shared/schemas/county-package';
import type { ServiceContext } from '../context';
import { ensureInstallationKeys, signWithInstallationKey } from '../services/keys';
import { fingerprint, verifyBytes } from '../trust/ed25519';

/**
 * The county package file: JSON `{format, formatVersion, publicKey, signature, body}` where `body` is the
 * base64 of the gzipped JSON contents and `signature` is the county key's Ed25519 signature over a domain
 * tag and exactly that body text (db/trust/ed25519.ts, the key of db/services/keys.ts, as station files).
 */
const DOMAIN = `${PACKAGE_FORMAT}-v1\n`;

/** A received package refused as a whole, with the reason in Chinese. */
export class RefusedPackage extends AppError {
  constructor(reason: string, details?: Record<string, unknown>) {
    super('VALIDATION', reason, details ? { details } : undefined);
  }
}

export function sealPackage(ctx: ServiceContext, body: CountyPackageBody): Buffer {
  const b64 = gzipSync(Buffer.from(JSON.stringify(body), 'utf8')).toString('base64');
  const key = ensureInstallationKeys(ctx);
  const envelope = {
    format: PACKAGE_FORMAT,
    formatVersion: 1,
    publicKey: key.publicKey,
    signature: signWithInstallationKey(ctx, DOMAIN + b64),
    body: b64,
  };
  return Buffer.from(JSON.stringify(envelope), 'utf8');
}

export interface OpenedPackage {
  body: CountyPackageBody;
  publicKey: string;
  fingerprint: string;
  sha256: string;
}

/**
 * Opens a received package without trusting it: size, envelope shape, the signature (before a byte of the
 * contents is unpacked), the key against the pinned one, then the unpacked size and every part parsed.
 */
export function openPackage(bytes: Buffer, pinnedKey: string | null): OpenedPackage {
  if (bytes.length === 0) throw new RefusedPackage('文件为空');
  if (bytes.length > MAX_PACKAGE_BYTES) throw new RefusedPackage('文件超过 64 MB，不是正常的县局下发包');
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new RefusedPackage('不是县局下发包，或文件已损坏（无法读取文件结构）');
  }
  const envelope = countyPackageEnvelope.safeParse(raw);
  if (!envelope.success) throw new RefusedPackage('不是县局下发包，或文件已损坏（文件结构不符）');
  const { publicKey, signature, body } = envelope.data;
  if (!verifyBytes(publicKey, DOMAIN + body, signature)) {
    throw new RefusedPackage('下发包签名无效：文件在县局签名后被改动过，或已损坏。请向县农业农村局重新索取');
  }
  const fp = fingerprint(publicKey);
  if (pinnedKey && pinnedKey !== publicKey) {
    throw new RefusedPackage(
      // the file's own fingerprint is not shown: a new key is pinned only with the fingerprint the county reads out
      `下发包不是由本站登记的县局密钥签名的（本站登记的县局密钥指纹为 ${fingerprint(pinnedKey)}），未导入。请与县农业农村局电话核对；县局确已更换密钥时，由站长核对新指纹后重新登记`,
      // the UI offers 重新登记县局密钥 (settings.repinCountyKey) for this refusal
      { otherCountyKey: true },
    );
  }
  let json: string;
  try {
    json = gunzipSync(Buffer.from(body, 'base64'), { maxOutputLength: MAX_PACKAGE_BODY_BYTES }).toString('utf8');
  } catch {
    throw new RefusedPackage('下发包内容无法解压或超过大小限制，未导入');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new RefusedPackage('下发包内容不是有效的数据，未导入');
  }
  const contents = countyPackageBody.safeParse(parsed);
  if (!contents.success) {
    const issue = contents.error.issues[0];
    throw new RefusedPackage(`下发包内容无效（${issue?.path.join('.') ?? ''}：${issue?.message ?? ''}），未导入`);
  }
  return { body: contents.data, publicKey, fingerprint: fp, sha256: createHash('sha256').update(bytes).digest('hex') };
}
