import { BarChartOutlined, DownloadOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Drawer, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { SITE_STAGE_LABELS, SITE_STAGES, type SiteStage } from '../../../../shared/domain/drying-stages';
import type { TownshipCode } from '../../../../shared/domain/townships';
import { SITE_KIND_LABELS, SITE_KINDS, type SiteKind, type SiteListItem } from '../../../../shared/schemas/drying';
import { api } from '../../api/client';
import { TownshipSelect } from '../../components/TownshipSelect';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useDebounced } from '../../hooks/useDebounced';
import { useSettings } from '../../settings-context';
import { formatT, StageTag } from './labels';
import { SiteForm } from './SiteForm';
import { TownshipTable } from './TownshipTable';
import { useDryingExport } from './useDryingExport';
import { JobProgress } from '../../components/JobProgress';

const sub = { fontSize: 12, color: '#6b7280' };

interface Filters {
  townshipCode?: TownshipCode;
  stage?: SiteStage;
  kind?: SiteKind;
  overdueOnly: boolean;
  q: string;
}

const COLUMNS = [
  {
    title: '设施',
    key: 'name',
    render: (_: unknown, r: SiteListItem) => (
      <div>
        <Typography.Text strong>{r.name}</Typography.Text>
        <div style={sub}>
          {SITE_KIND_LABELS[r.kind]} · {r.townshipName} {r.village}
        </div>
      </div>
    ),
  },
  {
    title: '经营主体',
    dataIndex: 'operatorName',
    render: (v: string | null) => v ?? <Typography.Text type="secondary">未确定</Typography.Text>,
  },
  {
    title: '阶段',
    key: 'stage',
    render: (_: unknown, r: SiteListItem) => (
      <div style={{ whiteSpace: 'nowrap' }}>
        <StageTag stage={r.stage} />
        {r.overdue && (
          <Tag color="red" style={{ marginInlineStart: 4 }}>
            逾期
          </Tag>
        )}
        <div style={sub}>{r.stageDate ?? ''}</div>
      </div>
    ),
  },
  { title: '计划建成投产', dataIndex: 'plannedCompletion', render: (v: string | null) => v ?? '—' },
  {
    title: '规划符合',
    dataIndex: 'conformity',
    render: (v: string) => ({ yes: '符合', no: <Typography.Text type="danger">不符合</Typography.Text>, pending: '待认定' })[v],
  },
  { title: '烘干机', dataIndex: 'dryerCount', align: 'right' as const },
  { title: '运行能力（吨/日）', dataIndex: 'operatingT', align: 'right' as const, render: formatT },
  { title: '规划能力（吨/日）', dataIndex: 'plannedT', align: 'right' as const, render: formatT },
  {
    title: '燃煤剩余',
    dataIndex: 'coalRemaining',
    align: 'right' as const,
    render: (v: number) => (v ? <Typography.Text type="danger">{v} 台</Typography.Text> : '—'),
  },
];

/** /drying — 烘干设施: the site list and the township overview (no online maps), new sites, Excel. */
export function DryingPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { settings } = useSettings();
  const [filters, setFilters] = useState<Filters>({ overdueOnly: false, q: '' });
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const [tab, setTab] = useState('sites');
  const q = useDebounced(filters.q.trim(), 200);
  const input = { ...filters, q, ...page };
  const sites = useApiQuery(`drying-sites:${JSON.stringify(input)}`, () => api.drying.sites.list(input));
  const summary = useApiQuery(`drying-summary:${tab}`, () => api.drying.summary({}));
  const exporter = useDryingExport();
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => {
    setFilters((f) => ({ ...f, [key]: value }));
    setPage((p) => ({ ...p, page: 1 }));
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} className="page-title">
        烘干设施 · 烘干中心与烘干点
      </Typography.Title>
      <Card size="small">
        <Space wrap size={[12, 12]}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-site">
            新增烘干设施
          </Button>
          <Button icon={<BarChartOutlined />} onClick={() => navigate('/drying/dashboard')} data-testid="open-dashboard">
            建设看板
          </Button>
          <Button
            icon={<DownloadOutlined />}
            loading={exporter.exporting}
            onClick={() => void exporter.run(filters.townshipCode)}
            data-testid="drying-export"
          >
            导出 Excel
          </Button>
          <span className="kbd-hint">导出含烘干设施、烘干机和燃煤烘干机淘汰台账三张表</span>
        </Space>
        {exporter.job.status && (
          <div style={{ marginTop: 12, maxWidth: 480 }}>
            <JobProgress status={exporter.job.status} onCancel={exporter.job.cancel} />
          </div>
        )}
      </Card>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'sites',
            label: '设施列表',
            children: (
              <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                <Card size="small">
                  <Space wrap size={[12, 12]}>
                    <TownshipSelect
                      allowClear
                      placeholder="全部乡镇"
                      value={filters.townshipCode}
                      onChange={(v) => set('townshipCode', v as TownshipCode)}
                      style={{ width: 160 }}
                    />
                    <Select
                      allowClear
                      placeholder="全部阶段"
                      style={{ width: 120 }}
                      value={filters.stage}
                      onChange={(v: SiteStage | undefined) => set('stage', v)}
                      options={SITE_STAGES.map((s) => ({ value: s, label: SITE_STAGE_LABELS[s] }))}
                    />
                    <Select
                      allowClear
                      placeholder="中心和点"
                      style={{ width: 120 }}
                      value={filters.kind}
                      onChange={(v: SiteKind | undefined) => set('kind', v)}
                      options={SITE_KINDS.map((k) => ({ value: k, label: SITE_KIND_LABELS[k] }))}
                    />
                    <Checkbox checked={filters.overdueOnly} onChange={(e) => set('overdueOnly', e.target.checked)}>
                      只看逾期
                    </Checkbox>
                    <Input
                      allowClear
                      prefix={<SearchOutlined />}
                      placeholder="设施名称、村或经营主体"
                      value={filters.q}
                      onChange={(e) => set('q', e.target.value)}
                      style={{ width: 240 }}
                    />
                  </Space>
                </Card>
                {sites.error && <Alert type="error" showIcon title={sites.error} />}
                <Card styles={{ body: { padding: 0 } }}>
                  <Table<SiteListItem>
                    rowKey="id"
                    loading={sites.loading}
                    dataSource={sites.data?.items ?? []}
                    columns={COLUMNS}
                    data-testid="site-table"
                    locale={{ emptyText: '还没有烘干设施。点“新增烘干设施”登记规划中或已建成的烘干中心、烘干点' }}
                    onRow={(r) => ({ onClick: () => navigate(`/drying/sites/${r.id}`), style: { cursor: 'pointer' } })}
                    pagination={{
                      current: page.page,
                      pageSize: page.pageSize,
                      total: sites.data?.total ?? 0,
                      showTotal: (n) => `共 ${n} 处`,
                      onChange: (p, s) => setPage({ page: p, pageSize: s }),
                    }}
                  />
                </Card>
              </Space>
            ),
          },
          {
            key: 'townships',
            label: '乡镇汇总',
            children: (
              <Card
                styles={{ body: { padding: 0 } }}
                extra={
                  summary.data && (
                    <span className="kbd-hint">能力单位：吨/日；循环式未填日处理量的按每日 {summary.data.config.batchesPerDay} 批折算</span>
                  )
                }
                title="各乡镇烘干设施"
              >
                {summary.error && <Alert type="error" showIcon title={summary.error} />}
                <TownshipTable
                  summary={summary.data}
                  loading={summary.loading}
                  onPick={(code) => {
                    set('townshipCode', code as TownshipCode);
                    setTab('sites');
                  }}
                />
              </Card>
            ),
          },
        ]}
      />
      <Drawer title="新增烘干设施" size={760} open={creating} onClose={() => setCreating(false)} destroyOnHidden>
        <SiteForm
          defaultTownship={settings.townshipCode}
          onCancel={() => setCreating(false)}
          onSaved={(site) => {
            setCreating(false);
            void message.success(`已登记：${site.name}`);
            navigate(`/drying/sites/${site.id}`);
          }}
        />
      </Drawer>
    </Space>
  );
}
