import { AppError } from '../../shared/api/errors';
import { decodeCursor, encodeCursor, type PageRequest } from '../repositories/keyset';
import type { LedgerPage } from '../repositories/ledger-page';

export interface PageInput {
  page: number;
  pageSize: number;
  cursor?: string;
  direction: 'next' | 'prev';
}

/** A list input's paging as the repositories take it: a cursor when given, else the page number's offset. */
export function pageRequest(input: PageInput): PageRequest {
  if (!input.cursor) return { limit: input.pageSize, offset: (input.page - 1) * input.pageSize };
  const key = decodeCursor(input.cursor);
  if (!key) throw new AppError('VALIDATION', '翻页位置无效，请回到第一页');
  return input.direction === 'prev' ? { limit: input.pageSize, before: key } : { limit: input.pageSize, after: key };
}

/** The list answer's paging fields; `page` is what the caller said it is on (cursors carry no number). */
export function pageAnswer<T>(items: T[], page: LedgerPage<unknown>, input: PageInput) {
  return {
    items,
    total: page.total,
    totalCapped: page.totalCapped,
    page: input.page,
    pageSize: input.pageSize,
    nextCursor: encodeCursor(page.next),
    prevCursor: encodeCursor(page.prev),
  };
}
