import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';

/** Bytes hashed between two pauses of a stepped hash (tens of milliseconds of work). */
export const HASH_STEP_BYTES = 16 << 20;

/**
 * SHA-256 of a file read in 1 MB pieces (memory stays flat however large it is), in steps: yields what
 * `onStep` answers after every HASH_STEP_BYTES read, and returns the hex digest.
 */
export function* sha256Steps<Y>(path: string, onStep: (read: number) => Y): Generator<Y, string> {
  const hash = createHash('sha256');
  const buf = Buffer.alloc(1 << 20);
  const fd = openSync(path, 'r');
  let read = 0;
  try {
    for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) {
      hash.update(buf.subarray(0, n));
      read += n;
      if (read % HASH_STEP_BYTES === 0) yield onStep(read);
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** The same in one synchronous step. */
export function fileSha256(path: string): string {
  const gen = sha256Steps(path, () => undefined);
  for (let r = gen.next(); ; r = gen.next()) if (r.done) return r.value;
}
