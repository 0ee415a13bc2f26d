import { describe, expect, it } from 'vitest';
import { totalText } from '../../renderer/src/components/total-text';

describe('the ledger pager says how the total was counted', () => {
  it('exact, more than 10,000, or at least the sampled matches of a dense search text', () => {
    expect(totalText({ total: 9_306, totalCapped: false })).toBe('共 9,306 条');
    expect(totalText({ total: 10_000, totalCapped: true })).toBe('超过 10,000 条，请用筛选条件缩小范围');
    // a lower bound is never shown as "more than": the sampled rows may be all there are
    expect(totalText({ total: 1_001, totalCapped: true })).toBe('至少 1,001 条（未逐条计数），请用筛选条件缩小范围');
  });
});
