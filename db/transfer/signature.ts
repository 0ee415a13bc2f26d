import { verifyBytes } from '../trust/ed25519';

/**
 * The bytes a station signs: every manifest key/value except `signature`, as JSON of the entries sorted
 * by key. Any manifest field changed, added or removed after signing changes these bytes.
 */
export function manifestMessage(entries: Record<string, string>): string {
  const signed = Object.entries(entries)
    .filter(([k]) => k !== 'signature')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(['agri-station-manifest-v2', signed]);
}

/** True when `signature` is the manifest's own key's signature over exactly these entries. */
export function manifestSignatureValid(entries: Record<string, string>): boolean {
  const { public_key: publicKey, signature } = entries;
  if (!publicKey || !signature) return false;
  return verifyBytes(publicKey, manifestMessage(entries), signature);
}
