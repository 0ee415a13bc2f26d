import { afterEach, describe, expect, it } from 'vitest';
import { stationCore, type TempCore } from '../support/core';
import { exportedFile } from '../support/exports';

/** Runs under TZ=Asia/Shanghai and TZ=UTC (vitest projects "china" and "utc"). */
let core: TempCore | undefined;
afterEach(() => core?.dispose());

// 16:30 UTC on 31 December is 00:30 on 1 January in China.
const clockAt = (iso: string) => {
  let t = Date.parse(iso);
  return () => new Date((t += 1000));
};

describe('server civil dates are China’s whatever the PC zone', () => {
  it('dated file names and "as of" dates use China’s date just after midnight', async () => {
    core = await stationCore({ now: clockAt('2025-12-31T16:30:00Z') });
    const file = await exportedFile(core, 'drying.exportXlsx', {});
    expect(file.fileName).toMatch(/-20260101\.xlsx$/);
  });
});
