import type { SorterResult } from 'antd/es/table/interface';
import { useState } from 'react';
import type { Status } from '../../../../shared/domain/workflow';
import type { LedgerListInput } from '../../../../shared/schemas/machines';
import { useDebounced } from '../../hooks/useDebounced';

export type SortBy = NonNullable<LedgerListInput['sortBy']>;

export interface LedgerFilters {
  year?: number;
  townshipCode?: string;
  status?: Status;
  item?: string;
  q: string;
}

interface PageState {
  filterKey: string;
  page: number;
  pageSize: number;
  cursor?: string;
  direction?: 'next' | 'prev';
}

export interface LedgerSort {
  sortBy: SortBy;
  sortOrder: 'asc' | 'desc';
}

/**
 * A ledger's filters, sort and page. The text filter is debounced; any change of filter or sort
 * starts again at page 1 (the page chosen belongs to the filter it was chosen for). Pages move by the
 * cursors each answer carries, so page 5,000 opens as fast as page 1.
 */
export function useLedgerState() {
  const [filters, setFilters] = useState<LedgerFilters>({ q: '' });
  const [sort, setSort] = useState<LedgerSort>({ sortBy: 'createdAt', sortOrder: 'desc' });
  const q = useDebounced(filters.q.trim(), 250);
  const input = { ...filters, q, ...sort };
  const filterKey = JSON.stringify(input);
  const [pageState, setPageState] = useState<PageState>({ filterKey, page: 1, pageSize: 20 });
  const same = pageState.filterKey === filterKey;
  const paging = {
    page: same ? pageState.page : 1,
    pageSize: pageState.pageSize,
    ...(same && pageState.cursor ? { cursor: pageState.cursor, direction: pageState.direction } : {}),
  };
  return {
    filters,
    setFilter: <K extends keyof LedgerFilters>(key: K, value: LedgerFilters[K]) => setFilters((f) => ({ ...f, [key]: value })),
    sort,
    /** What the export sends: the filters and sort, no page. */
    exportInput: input,
    listInput: { ...input, ...paging },
    key: JSON.stringify([filterKey, paging]),
    /** Next or previous page by the cursor the current page's answer gave (keyset paging). */
    onStep: (direction: 'next' | 'prev', cursor: string) =>
      setPageState((p) => ({ filterKey, pageSize: p.pageSize, page: Math.max(1, paging.page + (direction === 'next' ? 1 : -1)), cursor, direction })),
    onPageSize: (pageSize: number) => setPageState({ filterKey, page: 1, pageSize }),
    onSort: <T>(sorter: SorterResult<T> | SorterResult<T>[]) => {
      const s = Array.isArray(sorter) ? sorter[0] : sorter;
      if (!s?.order || !s.columnKey) setSort({ sortBy: 'createdAt', sortOrder: 'desc' });
      else setSort({ sortBy: s.columnKey as SortBy, sortOrder: s.order === 'ascend' ? 'asc' : 'desc' });
    },
    /** The antd sortOrder for a column keyed by its sortBy. */
    orderOf: (key: SortBy) => (sort.sortBy === key ? (sort.sortOrder === 'asc' ? ('ascend' as const) : ('descend' as const)) : null),
  };
}

export type LedgerState = ReturnType<typeof useLedgerState>;
