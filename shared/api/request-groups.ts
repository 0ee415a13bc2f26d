import { base64Length, MAX_REQUEST_BYTES, REQUEST_OVERHEAD_BYTES } from './limits';

/**
 * Files in their order, grouped so each group's base64 fits in one request: a group per call means one
 * backup of the county file and one import batch for all of its files. A file too large for a request on
 * its own goes alone (the server then refuses it with its own message).
 */
export function requestGroups<T>(files: readonly T[], sizeOf: (file: T) => number, limit = MAX_REQUEST_BYTES - REQUEST_OVERHEAD_BYTES): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const file of files) {
    const bytes = base64Length(sizeOf(file));
    if (current.length && used + bytes > limit) {
      groups.push(current);
      current = [];
      used = 0;
    }
    current.push(file);
    used += bytes;
  }
  if (current.length) groups.push(current);
  return groups;
}
