/**
 * A key fingerprint (five groups of four base-32 characters, A–Z and 2–7) as typed from what someone read out:
 * upper case, spaces and dashes dropped, the digits base 32 does not use read as the letters they look like
 * (0→O, 1→I, 8→B), then grouped again. Anything else stays, so a wrong character still fails the comparison.
 */
export function normalizeFingerprint(typed: string): string {
  const plain = typed
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-_.·—]/g, '')
    .replace(/0/g, 'O')
    .replace(/1/g, 'I')
    .replace(/8/g, 'B');
  return plain.match(/.{1,4}/g)?.join('-') ?? '';
}
