import { describe, expect, it } from 'vitest';
import { isRealDate, unsafeTextIssue } from '../../shared/domain/text-safety';
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
  ])('refuses %s', (_name, value) => expect(unsafeTextIssue(value)).toMatch(/控制字符/));

  it('allows ordinary Chinese, punctuation, tabs and line breaks', () => {
    for (const v of ['张三', '冠县柳林镇东街村 12 号', '第一行\n第二行', 'A\tB', '（有限公司）·—'])
      expect(unsafeTextIssue(v)).toBeNull();
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
