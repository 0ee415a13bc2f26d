import { describe, expect, it } from 'vitest';
import { isRealDate, unsafeTextReason } from '../../shared/domain/text-safety';
import { farmerInput } from '../../shared/schemas/farmers';
import { farmerInput as sampleFarmer } from '../support/farmers';

describe('text safety', () => {
  it.each([
    ['NUL', '张\u0000三'],
    ['a C0 control', '张\u0007三'],
    ['DEL', '张\u007f三'],
    ['right-to-left override', '张\u202e三'],
    ['left-to-right embedding', '张\u202a三'],
    ['first strong isolate', '张\u2068三'],
    ['pop directional isolate', '张\u2069三'],
    ['zero-width space', '张\u200b三'],
    ['zero-width joiner', '张\u200d三'],
    ['byte-order mark', '\ufeff张三'],
    ['Arabic letter mark', '张\u061c三'],
    ['Mongolian vowel separator', '张\u180e三'],
    ['invisible times', '张\u2062三'],
  ])('refuses %s, naming the field and the character', (_name, value) => {
    const code = (value.match(/[^\u4e00-\u9fff]/u)?.[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    expect(unsafeTextReason(value, '姓名', true)).toMatch(new RegExp(`^姓名含有(控制字符|改变文字方向|看不见的零宽).*U\\+${code}`));
  });

  it('refuses line breaks and tabs in a one-line field only', () => {
    expect(unsafeTextReason('A\tB', '姓名')).toMatch(/姓名含有控制字符（如换行、制表符）（U\+0009）/);
    expect(unsafeTextReason('A\tB', '备注', true)).toBeUndefined();
  });

  it('allows ordinary Chinese, punctuation, tabs and line breaks', () => {
    for (const v of ['张三', '冠县柳林镇东街村 12 号', '第一行\n第二行', 'A\tB', '（有限公司）·—'])
      expect(unsafeTextReason(v, '地址', true)).toBeUndefined();
  });

  it('knows real calendar dates', () => {
    expect(['2024-02-29', '2025-12-31', '2025-01-01T00:00:00Z'].map(isRealDate)).toEqual([true, true, true]);
    expect(['2025-02-29', '9999-02-30', '2025-13-01', '2025-04-31', '2025-00-10', 'x'].map(isRealDate)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('the counter refuses the same characters in typed fields', () => {
    const bad = farmerInput.safeParse(sampleFarmer(1, { name: '张\u202e三' }));
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/姓名或名称含有/);
    expect(farmerInput.safeParse(sampleFarmer(1, { village: '东街\u200b村' })).success).toBe(false);
    expect(farmerInput.safeParse(sampleFarmer(1)).success).toBe(true);
  });
});
