/**
 * The largest request body the browser-mode server reads (db/http/server.ts): station files travel as base64
 * inside one call, so the county's import page sends its files in groups that fit (renderer ImportPanel).
 */
export const MAX_REQUEST_BYTES = 64 * 1024 * 1024;

/** Room left in a request for everything but the files' base64 (names, options, JSON punctuation). */
export const REQUEST_OVERHEAD_BYTES = 256 * 1024;

/** Length of the base64 text of `bytes` bytes. */
export const base64Length = (bytes: number) => 4 * Math.ceil(bytes / 3);
