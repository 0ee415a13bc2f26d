/**
 * The total as the service counted it (never waits for a full count): exact; plainly "more than 10,000"; or,
 * for a search text most rows match, the matches among the rows it was checked on ("at least").
 */
export function totalText(page: { total: number; totalCapped: boolean }): string {
  const n = page.total.toLocaleString('zh-CN');
  if (!page.totalCapped) return `共 ${n} 条`;
  return page.total >= 10_000 ? `超过 ${n} 条，请用筛选条件缩小范围` : `至少 ${n} 条（未逐条计数），请用筛选条件缩小范围`;
}
