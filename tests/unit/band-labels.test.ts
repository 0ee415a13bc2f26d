import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_BANDS } from '../../db/seed/sample-catalog';
import { rangeBesideLabel, variantBesideLabel } from '../../shared/domain/bands';
import { FRAME_NO_LABEL } from '../../shared/domain/machine-terms';

const find = (item: string, label: string) => {
  const band = SAMPLE_BANDS.find((b) => b.item === item && b.bandLabel === label);
  if (!band) expect.fail(`${item} ${label}`);
  return band;
};

describe('each fact of a band is shown once (issue 17 item 11)', () => {
  it('no variant tag when the label already says it', () => {
    expect(variantBesideLabel(find('轮式拖拉机', '70–80马力四驱'))).toBeNull();
    expect(variantBesideLabel(find('旋耕机', '双轴 2–2.5m'))).toBeNull();
    expect(variantBesideLabel(find('播种机', '<6行（人力或畜力）'))).toBeNull();
    expect(variantBesideLabel({ bandLabel: '70–80马力', variant: '四驱' })).toBe('四驱');
    expect(variantBesideLabel({ bandLabel: '70–80马力', variant: null })).toBeNull();
  });

  it('the range beside a label adds only what the label does not say', () => {
    expect(rangeBesideLabel(find('拖拉机', '20–50马力（含20、50）'))).toBeNull();
    expect(rangeBesideLabel(find('播种机', '<6行（人力或畜力）'))).toBeNull();
    expect(rangeBesideLabel(find('植保无人机', '药箱20–30L'))).toBe('含20、30');
    expect(rangeBesideLabel(find('农用北斗辅助驾驶系统', '不分档'))).toBeNull();
    expect(rangeBesideLabel(find('轮式拖拉机', '50–60马力两驱'))).toBe('含50');
  });

  it('no sample band repeats its variant beside its label', () => {
    for (const b of SAMPLE_BANDS) expect(variantBesideLabel(b), `${b.item} ${b.bandLabel}`).toBeNull();
  });
});

const ROOT = resolve(import.meta.dirname, '../..');
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('one term for the frame number (issue 17 item 11)', () => {
  it(`is ${FRAME_NO_LABEL}, from DOMAIN §3 ("frame/factory number"), never 车架号`, () => {
    const files = ['shared', 'db', 'renderer/src', 'electron'].flatMap((d) => sources(join(ROOT, d)));
    expect(files.length).toBeGreaterThan(100);
    const offenders = files
      .filter((f) => !f.endsWith('machine-terms.ts'))
      // the ledger importer recognises the headings stations' old workbooks use (车架号, 机架号 …)
      .filter((f) => !f.endsWith(join('ledger-import', 'fields.ts')))
      .filter((f) => /车架号|机架号/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    // every screen, export, voucher and message takes the label from shared/domain/machine-terms.ts
    expect(offenders).toEqual([]);
  });
});
