// The county's import page sends station files in as few calls as fit the server's request limit: one
// backup of the county file and one import batch per call (shared/api/request-groups.ts, used by the import page).
import { describe, expect, it } from 'vitest';
import { base64Length, MAX_REQUEST_BYTES, REQUEST_OVERHEAD_BYTES } from '../../shared/api/limits';
import { requestGroups } from '../../shared/api/request-groups';

const MB = 1024 * 1024;
const room = MAX_REQUEST_BYTES - REQUEST_OVERHEAD_BYTES;

describe('grouping station files into calls', () => {
  it('sends files of a county’s usual size in one call, in their order', () => {
    const sizes = [3 * MB, 5 * MB, 1 * MB, 2 * MB];
    expect(requestGroups(sizes, (s) => s)).toEqual([sizes]);
  });

  it('starts a new call before a file that would not fit, never splits or reorders, and sends an oversized file alone', () => {
    const sizes = [20 * MB, 20 * MB, 20 * MB, 60 * MB, 1 * MB];
    const groups = requestGroups(sizes, (s) => s);
    expect(groups).toEqual([[20 * MB, 20 * MB], [20 * MB], [60 * MB], [1 * MB]]);
    expect(groups.flat()).toEqual(sizes);
    for (const g of groups.filter((x) => x.length > 1)) expect(g.reduce((n, s) => n + base64Length(s), 0)).toBeLessThanOrEqual(room);
  });

  it('counts base64 (four characters per three bytes), not the files’ bytes', () => {
    // two files whose base64 fills just under half the room each fit together; their bytes alone would fit 4 to a call
    const half = Math.floor((room * 3) / 8) - 3;
    expect(2 * base64Length(half)).toBeLessThanOrEqual(room);
    expect(requestGroups([half, half], (s) => s)).toHaveLength(1);
    expect(requestGroups([half, half + 3 * 1024], (s) => s)).toHaveLength(2);
    const quarterOfRoomInBytes = Math.floor(room / 4);
    expect(requestGroups([1, 2, 3, 4].map(() => quarterOfRoomInBytes), (s) => s)).toHaveLength(2);
  });
});
