import { chinaYearNow } from '../../../../shared/domain/civil-date';
import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select } from 'antd';
import { STATUS_LABELS, STATUSES, type Status } from '../../../../shared/domain/workflow';
import type { JobStatus } from '../../../../shared/schemas/jobs';
import { JobProgress } from '../../components/JobProgress';
import { TownshipSelect } from '../../components/TownshipSelect';
import { useExportJob } from '../../hooks/useExportJob';
import type { LedgerState } from './ledger';

const YEARS = Array.from({ length: chinaYearNow() - 2019 }, (_, i) => chinaYearNow() - i).map((y) => ({ value: y, label: `${y}年` }));
const STATUS_OPTIONS = STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }));

interface Props {
  ledger: LedgerState;
  items: string[];
  /** Which date the year filters on, in words (交售 / 购机). */
  yearLabel: string;
  searchPlaceholder: string;
  /** Starts the export job (purchases.exportXlsx / scraps.exportXlsx). */
  onExport: () => Promise<JobStatus>;
}

/** Year, township, status, item and free text over a ledger, and 导出 Excel of exactly what is filtered. */
export function LedgerFilterBar({ ledger, items, yearLabel, searchPlaceholder, onExport }: Props) {
  const { job, exporting, run } = useExportJob();
  const { filters, setFilter } = ledger;

  const exportXlsx = () => run(onExport, (file) => `已导出 ${file.rowCount.toLocaleString('zh-CN')} 条：${file.fileName}`);

  return (
    <Card size="small">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center' }}>
        <Select
          allowClear
          placeholder={`${yearLabel}年度`}
          options={YEARS}
          value={filters.year}
          onChange={(v: number | undefined) => setFilter('year', v)}
          style={{ width: 150 }}
          data-testid="filter-year"
        />
        <TownshipSelect
          allowClear
          placeholder="全部乡镇"
          value={filters.townshipCode}
          onChange={(v) => setFilter('townshipCode', v)}
          style={{ width: 150 }}
        />
        <Select
          allowClear
          placeholder="全部状态"
          options={STATUS_OPTIONS}
          value={filters.status}
          onChange={(v: Status | undefined) => setFilter('status', v)}
          style={{ width: 120 }}
          data-testid="filter-status"
        />
        <Select
          allowClear
          showSearch
          placeholder="全部品目"
          options={items.map((i) => ({ value: i, label: i }))}
          value={filters.item}
          onChange={(v: string | undefined) => setFilter('item', v)}
          style={{ width: 190 }}
          data-testid="filter-item"
        />
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={searchPlaceholder}
          title={searchPlaceholder}
          value={filters.q}
          onChange={(e) => setFilter('q', e.target.value)}
          style={{ flex: '1 1 220px', minWidth: 220 }}
          data-testid="filter-q"
        />
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()} data-testid="export-xlsx">
          导出 Excel
        </Button>
      </div>
      {job.status && (
        <div style={{ marginTop: 12, maxWidth: 480 }}>
          <JobProgress status={job.status} onCancel={job.cancel} />
        </div>
      )}
    </Card>
  );
}
