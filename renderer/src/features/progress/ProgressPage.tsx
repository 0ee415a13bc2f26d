import { chinaYearNow } from '../../../../shared/domain/civil-date';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Select, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import { JobProgress } from '../../components/JobProgress';
import { TownshipSelect } from '../../components/TownshipSelect';
import { useExportJob } from '../../hooks/useExportJob';
import { useSettings } from '../../settings-context';
import { MechanizationPanel } from '../mechanization/MechanizationPanel';
import { ProgressOverview } from './ProgressOverview';
import { yearOptions } from './progress-format';
import { TargetsForm } from './TargetsForm';
import { useProgressParams, type ProgressTab } from './useProgressParams';
import './progress.css';

/** /progress — 目标进度: will the year's targets be made, and which townships are behind. */
export function ProgressPage() {
  const { settings } = useSettings();
  const navigate = useNavigate();
  const county = settings.role === 'county';
  const p = useProgressParams();
  const [version, setVersion] = useState(0);
  const { job, exporting, run } = useExportJob();
  const township = county ? p.township : undefined;

  const exportXlsx = () =>
    run(
      () => api.reports.exportXlsx({ year: p.year, townshipCode: township }),
      (file) => `已导出：${file.fileName}`,
    );
  const printUrl = `/print/progress?year=${p.year}${township ? `&township=${township}` : ''}`;

  const tabs = [
    {
      key: 'overview',
      label: '目标进度',
      children: (
        <ProgressOverview
          key={version}
          year={p.year}
          township={township}
          onTownship={(code) => p.set({ township: code })}
          onTargets={() => p.set({ tab: 'targets' })}
        />
      ),
    },
    ...(county
      ? [{ key: 'targets', label: '目标设置', children: <TargetsForm year={p.year} onSaved={() => setVersion((v) => v + 1)} /> }]
      : []),
    { key: 'mechanization', label: '机械化率', children: <MechanizationPanel year={p.year} /> },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="progress-page">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center' }}>
        <Typography.Title level={4} className="page-title" style={{ margin: 0, marginInlineEnd: 12 }}>
          目标进度{county ? '' : `（${settings.townshipName}）`}
        </Typography.Title>
        <Select
          value={p.year}
          options={yearOptions(chinaYearNow())}
          onChange={(year: number) => p.set({ year })}
          style={{ width: 110 }}
          aria-label="年度"
          data-testid="progress-year"
        />
        {county && p.tab === 'overview' && (
          <TownshipSelect
            allowClear
            placeholder="全县（可选乡镇查看）"
            value={p.township}
            onChange={(code) => p.set({ township: code })}
            style={{ width: 210 }}
          />
        )}
        <span style={{ flex: 1 }} />
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()} data-testid="export-report">
          导出 Excel 报告
        </Button>
        <Button icon={<PrinterOutlined />} onClick={() => navigate(printUrl)} data-testid="print-report">
          打印报告（A4）
        </Button>
      </div>
      {job.status && (
        <div style={{ maxWidth: 480 }}>
          <JobProgress status={job.status} onCancel={job.cancel} />
        </div>
      )}
      <Tabs activeKey={p.tab} onChange={(tab) => p.set({ tab: tab as ProgressTab })} items={tabs} destroyOnHidden />
    </Space>
  );
}
