/** The print route for some vouchers; `autoprint` prints as soon as they are shown (first print only). */
export function printUrl(ids: string[], options: { autoprint?: boolean } = {}): string {
  return `/print/vouchers?ids=${ids.join(',')}${options.autoprint ? '&autoprint=1' : ''}`;
}
