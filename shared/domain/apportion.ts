/**
 * Splitting a county target among townships (目标分解) by the largest-remainder method (Hamilton):
 * each share is its quota rounded down, and the machines left over go to the largest remainders,
 * so the shares always add up to exactly the total. Weights are whole numbers (last year's counts),
 * which keeps the arithmetic exact.
 */

export interface ApportionResult {
  shares: number[];
  /** True when every weight was zero and the split fell back to even. */
  even: boolean;
}

function assertCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what}必须是非负整数：${n}`);
}

/** Splits `total` in proportion to `weights`; all-zero weights split evenly. Ties go to the larger weight, then the earlier entry. */
export function apportion(total: number, weights: readonly number[]): ApportionResult {
  assertCount(total, '分解总数');
  weights.forEach((w) => assertCount(w, '权重'));
  if (weights.length === 0) {
    if (total > 0) throw new RangeError('没有可分解的对象');
    return { shares: [], even: true };
  }
  const even = weights.every((w) => w === 0);
  const w = even ? weights.map(() => 1) : [...weights];
  const sum = w.reduce((a, b) => a + b, 0);
  if (!Number.isSafeInteger(total * sum)) throw new RangeError('分解数值过大');
  // quota_i = total × w_i / sum, kept as an integer quotient and remainder
  const parts = w.map((wi, index) => ({ index, weight: wi, floor: Math.floor((total * wi) / sum), rest: (total * wi) % sum }));
  let left = total - parts.reduce((a, p) => a + p.floor, 0);
  const order = [...parts].sort((a, b) => b.rest - a.rest || b.weight - a.weight || a.index - b.index);
  const shares = parts.map((p) => p.floor);
  for (const p of order) {
    if (left === 0) break;
    shares[p.index] = (shares[p.index] ?? 0) + 1;
    left--;
  }
  return { shares, even };
}

/** The same split over keyed entries (township code → weight), in the entries' order. */
export function apportionByKey<K extends string>(
  total: number,
  entries: readonly { key: K; weight: number }[],
): { shares: Map<K, number>; even: boolean } {
  const r = apportion(
    total,
    entries.map((e) => e.weight),
  );
  return { shares: new Map(entries.map((e, i) => [e.key, r.shares[i] ?? 0])), even: r.even };
}
