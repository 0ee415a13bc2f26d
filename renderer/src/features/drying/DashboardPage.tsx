import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Radio, Row, Space, Statistic, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { TownshipCode } from '../../../../shared/domain/townships';
import { SITE_KIND_LABELS } from '../../../../shared/schemas/drying';
import type { DryingSummary } from '../../../../shared/schemas/drying-summary';
import { api } from '../../api/client';
import { EChart } from '../../components/EChart';
import { TownshipSelect } from '../../components/TownshipSelect';
import { useApiQuery } from '../../hooks/useApiQuery';
import { burndownOption, capacityOption, heatOption, stageOption } from './charts';
import { DryingConfigCard } from './DryingConfigCard';
import { formatT, StageTag } from './labels';
import { useDryingExport } from './useDryingExport';
import { JobProgress } from '../../components/JobProgress';

type Overdue = DryingSummary['overdue'][number];

function Stats({ s }: { s: DryingSummary }) {
  const c = s.coal;
  return (
    <Row gutter={16}>
      <Col span={5}>
        <Card size="small">
          <Statistic title="运行能力（吨/日）" value={formatT(s.county.operatingT)} data-testid="stat-operating" />
        </Card>
      </Col>
      <Col span={5}>
        <Card size="small">
          <Statistic title="规划能力（吨/日）" value={formatT(s.county.plannedT)} data-testid="stat-planned" />
        </Card>
      </Col>
      <Col span={4}>
        <Card size="small">
          <Statistic
            title="烘干设施（处）"
            value={s.county.centres + s.county.points}
            suffix={<span style={{ fontSize: 13 }}>投产 {s.county.byStage.operating}</span>}
          />
        </Card>
      </Col>
      <Col span={6}>
        <Card size="small">
          <Statistic
            title={`燃煤烘干机剩余（目标 ${c.targetYear} 年底清零）`}
            value={c.remaining}
            suffix={
              <span style={{ fontSize: 13 }}>
                / {c.total} 台 · 已淘汰 {c.retired} · 已改造 {c.converted}
              </span>
            }
            styles={{ content: { color: c.remaining ? '#cf1322' : '#1f6f43' } }}
            data-testid="stat-coal"
          />
          {c.remaining > 0 && (
            <Typography.Text type={c.offTarget ? 'danger' : 'secondary'} style={{ fontSize: 12 }} data-testid="coal-plan-note">
              已安排 {c.planned} 台，未安排 {c.unplanned} 台
              {s.asOf > `${c.targetYear}-12-31`
                ? `；已过目标年份，仍有 ${c.remaining} 台未完成`
                : c.offTarget
                  ? `；${c.offTarget} 台未安排或计划晚于 ${c.targetYear} 年底`
                  : ''}
            </Typography.Text>
          )}
        </Card>
      </Col>
      <Col span={4}>
        <Card size="small">
          <Statistic
            title="逾期未投产（处）"
            value={s.overdue.length}
            styles={{ content: { color: s.overdue.length ? '#cf1322' : undefined } }}
            data-testid="stat-overdue"
          />
        </Card>
      </Col>
    </Row>
  );
}

/** /drying/dashboard — 烘干设施建设看板. */
export function DashboardPage() {
  const navigate = useNavigate();
  const [township, setTownship] = useState<TownshipCode | undefined>();
  const [basis, setBasis] = useState<'operatingT' | 'plannedT'>('operatingT');
  const summary = useApiQuery(`drying-dashboard:${township ?? ''}`, () => api.drying.summary(township ? { townshipCode: township } : {}));
  const exporter = useDryingExport();
  const s = summary.data;
  const options = useMemo(() => (s ? { capacity: capacityOption(s), stage: stageOption(s), burndown: burndownOption(s) } : null), [s]);
  const heat = useMemo(() => (s ? heatOption(s, basis) : null), [s, basis]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/drying')}>
          返回烘干设施
        </Button>
        <Typography.Title level={4} className="page-title" style={{ margin: 0 }}>
          烘干设施建设看板{s ? `（截至 ${s.asOf}）` : ''}
        </Typography.Title>
      </Space>
      <Card size="small">
        <Space wrap>
          <TownshipSelect
            allowClear
            placeholder="全县"
            value={township}
            onChange={(v) => setTownship(v as TownshipCode | undefined)}
            style={{ width: 180 }}
          />
          <Button
            icon={<DownloadOutlined />}
            loading={exporter.exporting}
            onClick={() => void exporter.run(township)}
            data-testid="drying-dashboard-export"
          >
            导出 Excel
          </Button>
          <span className="kbd-hint">全县数据以本机已有记录为准（乡镇站的数据导入县局后汇总）</span>
        </Space>
        {exporter.job.status && (
          <div style={{ marginTop: 12, maxWidth: 480 }}>
            <JobProgress status={exporter.job.status} onCancel={exporter.job.cancel} />
          </div>
        )}
      </Card>
      {summary.error && <Alert type="error" showIcon title={summary.error} />}
      {s && options && heat && (
        <>
          <Stats s={s} />
          <Row gutter={16}>
            <Col span={16}>
              <Card size="small">
                <EChart option={options.burndown} testId="chart-burndown" style={{ height: 340 }} />
              </Card>
            </Col>
            <Col span={8}>
              <Card
                size="small"
                extra={
                  <Radio.Group
                    size="small"
                    value={basis}
                    onChange={(e) => setBasis(e.target.value)}
                    options={[
                      { value: 'operatingT', label: '运行' },
                      { value: 'plannedT', label: '规划' },
                    ]}
                  />
                }
              >
                {s.heatShares.some((h) => h[basis] > 0) ? (
                  <EChart option={heat} testId="chart-heat" style={{ height: 300 }} />
                ) : (
                  <Typography.Text type="secondary">暂无{basis === 'operatingT' ? '运行' : '规划'}能力</Typography.Text>
                )}
              </Card>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={12}>
              <Card size="small">
                <EChart
                  option={options.capacity}
                  testId="chart-capacity"
                  style={{
                    height: Math.max(260, 60 + 44 * s.townships.filter((t) => t.plannedT || t.operatingT || t.centres + t.points).length),
                  }}
                />
              </Card>
            </Col>
            <Col span={6}>
              <Card size="small">
                <EChart option={options.stage} testId="chart-stage" style={{ height: 260 }} />
              </Card>
            </Col>
            <Col span={6}>
              <DryingConfigCard config={s.config} onChanged={summary.reload} />
            </Col>
          </Row>
          <Card size="small" title={`逾期未投产的设施（计划建成日期已过）：${s.overdue.length} 处`}>
            <Table<Overdue>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={s.overdue}
              data-testid="overdue-table"
              locale={{ emptyText: '没有逾期的设施' }}
              onRow={(r) => ({ onClick: () => navigate(`/drying/sites/${r.id}`), style: { cursor: 'pointer' } })}
              columns={[
                { title: '设施', dataIndex: 'name' },
                { title: '类型', dataIndex: 'kind', render: (k: Overdue['kind']) => SITE_KIND_LABELS[k] },
                { title: '乡镇', dataIndex: 'townshipName' },
                { title: '当前阶段', dataIndex: 'stage', render: (st: Overdue['stage']) => <StageTag stage={st} /> },
                { title: '计划建成投产', dataIndex: 'plannedCompletion' },
                {
                  title: '逾期（天）',
                  dataIndex: 'daysOverdue',
                  align: 'right',
                  render: (d: number) => <Typography.Text type="danger">{d}</Typography.Text>,
                },
              ]}
            />
          </Card>
        </>
      )}
    </Space>
  );
}
