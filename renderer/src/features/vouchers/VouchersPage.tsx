import { chinaYearNow } from '../../../../shared/domain/civil-date';
import { PrinterOutlined, SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Input, Select, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { VoucherListItem } from '../../../../shared/schemas/vouchers';
import { api } from '../../api/client';
import { VoidDialog } from '../../components/VoidDialog';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useDebounced } from '../../hooks/useDebounced';
import { useSettings } from '../../settings-context';
import { PendingIssuePanel } from './PendingIssuePanel';
import { printUrl } from './print-url';
import { VoucherTable } from './VoucherTable';

const FIRST_YEAR = 2024;

function yearOptions() {
  const options: { value: number | 'all'; label: string }[] = [{ value: 'all', label: '全部年度' }];
  for (let y = chinaYearNow(); y >= FIRST_YEAR; y--) options.push({ value: y, label: `${y}年` });
  return options;
}

function IssuedVouchers({ station }: { station: boolean }) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [year, setYear] = useState<number | 'all'>('all');
  const [includeVoided, setIncludeVoided] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [voiding, setVoiding] = useState<VoucherListItem | null>(null);
  const query = useDebounced(q.trim(), 200);
  const filterKey = JSON.stringify([query, year, includeVoided]);
  const [pageState, setPaging] = useState<{
    filterKey: string;
    page: number;
    pageSize: number;
    cursor?: string;
    direction?: 'next' | 'prev';
  }>({ filterKey, page: 1, pageSize: 20 });
  const same = pageState.filterKey === filterKey;
  const paging = {
    page: same ? pageState.page : 1,
    pageSize: pageState.pageSize,
    ...(same && pageState.cursor ? { cursor: pageState.cursor, direction: pageState.direction } : {}),
  };
  const list = useApiQuery(JSON.stringify([filterKey, paging]), () =>
    api.vouchers.list({ q: query, includeVoided, ...(year === 'all' ? {} : { year }), ...paging }),
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Input
          autoFocus
          allowClear
          prefix={<SearchOutlined />}
          style={{ width: 340 }}
          placeholder="凭证编号、购机者姓名或拼音首字母"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          data-testid="voucher-search"
        />
        <Select style={{ width: 120 }} value={year} options={yearOptions()} onChange={setYear} data-testid="voucher-year" />
        <Checkbox checked={includeVoided} onChange={(e) => setIncludeVoided(e.target.checked)} data-testid="voucher-include-voided">
          显示已作废
        </Checkbox>
        {station && (
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            disabled={selected.length === 0}
            onClick={() => navigate(printUrl(selected))}
            data-testid="batch-print"
          >
            批量打印{selected.length ? `（${selected.length}份）` : ''}
          </Button>
        )}
      </Space>
      {list.error && <Alert type="error" showIcon message={list.error} />}
      <VoucherTable
        page={list.data}
        loading={list.loading}
        selected={selected}
        onSelect={setSelected}
        onPrint={(id) => navigate(printUrl([id]))}
        onVoid={setVoiding}
        onStep={(direction, cursor) =>
          setPaging({
            filterKey,
            pageSize: paging.pageSize,
            page: Math.max(1, paging.page + (direction === 'next' ? 1 : -1)),
            cursor,
            direction,
          })
        }
        onPageSize={(pageSize) => setPaging({ filterKey, page: 1, pageSize })}
        readOnly={!station}
      />
      <VoidDialog
        open={voiding !== null}
        title="作废补贴凭证"
        subject={`凭证 ${voiding?.number ?? ''}（${voiding?.buyerName ?? ''}）`}
        onClose={() => setVoiding(null)}
        onVoid={async (reason) => {
          if (!voiding) return;
          await api.vouchers.void({ id: voiding.id, reason });
          setSelected((s) => s.filter((id) => id !== voiding.id));
          setVoiding(null);
          void message.success(`凭证 ${voiding.number} 已作废，凭证核验将显示“已作废”`);
          list.reload();
        }}
      />
    </Space>
  );
}

/** 补贴凭证: issued vouchers (search, year, voided, batch print, void) and applications awaiting one. */
export function VouchersPage() {
  const navigate = useNavigate();
  const station = useSettings().settings.role === 'station';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} className="page-title">
          补贴凭证
        </Typography.Title>
        <Button icon={<SafetyCertificateOutlined />} onClick={() => navigate('/vouchers/verify')} data-testid="open-verify">
          凭证核验
        </Button>
      </Space>
      <Card>
        <Tabs
          destroyOnHidden
          items={[
            { key: 'issued', label: '已出具凭证', children: <IssuedVouchers station={station} /> },
            ...(station ? [{ key: 'pending', label: '已核验待出具', children: <PendingIssuePanel /> }] : []),
          ]}
        />
      </Card>
    </Space>
  );
}
