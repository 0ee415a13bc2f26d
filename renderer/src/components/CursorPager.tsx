import { Button, Select, Space, Typography } from 'antd';
import { totalText } from './total-text';

export interface CursorPage {
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
  nextCursor: string | null;
  prevCursor: string | null;
}

interface Props {
  page: CursorPage | undefined;
  loading?: boolean;
  onStep: (direction: 'next' | 'prev', cursor: string) => void;
  onPageSize: (size: number) => void;
  sizes?: number[];
}

/** 上一页 / 下一页 by keyset cursors, the page number reached, the total and the page size. */
export function CursorPager({ page, loading, onStep, onPageSize, sizes = [10, 20, 50, 100] }: Props) {
  return (
    <Space wrap style={{ justifyContent: 'flex-end', width: '100%', padding: '12px 16px' }} data-testid="cursor-pager">
      <Typography.Text type="secondary" data-testid="ledger-total">
        {page ? totalText(page) : ''}
      </Typography.Text>
      <Button
        disabled={loading || !page?.prevCursor}
        onClick={() => page?.prevCursor && onStep('prev', page.prevCursor)}
        data-testid="page-prev"
      >
        上一页
      </Button>
      <Typography.Text data-testid="page-number">第 {page?.page ?? 1} 页</Typography.Text>
      <Button
        disabled={loading || !page?.nextCursor}
        onClick={() => page?.nextCursor && onStep('next', page.nextCursor)}
        data-testid="page-next"
      >
        下一页
      </Button>
      <Select
        value={page?.pageSize ?? 20}
        onChange={onPageSize}
        options={sizes.map((n) => ({ value: n, label: `${n} 条/页` }))}
        style={{ width: 110 }}
        aria-label="每页条数"
      />
    </Space>
  );
}
