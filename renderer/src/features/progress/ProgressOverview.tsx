import { Alert, Button, Card, Col, Row, Skeleton, Space, Typography } from 'antd';
import type { TownshipCode } from '../../../../shared/domain/townships';
import type { CountingRule } from '../../../../shared/schemas/targets';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useSettings } from '../../settings-context';
import { PaceTable } from './PaceTable';
import { ProgressCards } from './ProgressCards';
import { CumulativeChart, ItemsChart, MonthlyChart, TerminalsChart } from './ProgressCharts';
import { TownshipTable } from './TownshipTable';

/** 计入口径, always on screen: which machines the numbers count. */
export function CountingRuleNote({ rule }: { rule: CountingRule }) {
  return (
    <Alert
      type="info"
      showIcon
      data-testid="counting-rule"
      title={`计入口径：${rule.stageLabel}`}
      description={<span className="pp-rule">{rule.text.replace(/^计入口径：/, '')}</span>}
    />
  );
}

interface Props {
  year: number;
  township: TownshipCode | undefined;
  onTownship: (code: string | undefined) => void;
  onTargets: () => void;
}

/** The 目标进度 tab: cards, pace, charts, and at the county the township table to drill into. */
export function ProgressOverview({ year, township, onTownship, onTargets }: Props) {
  const { settings } = useSettings();
  const county = settings.role === 'county';
  const input = { year, townshipCode: township };
  const key = `${year}:${township ?? ''}`;
  const summary = useApiQuery(`summary:${key}`, () => api.progress.summary(input));
  const monthly = useApiQuery(`monthly:${key}`, () => api.progress.monthly(input));
  const townships = useApiQuery(`townships:${key}`, () =>
    county && !township ? api.progress.byTownship({ year }) : Promise.resolve(null),
  );
  const s = summary.data;
  const m = monthly.data;
  const error = summary.error ?? monthly.error ?? townships.error;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="progress-overview">
      {error && <Alert type="error" showIcon title={error} />}
      {county && township && s && (
        <Alert
          type="success"
          title={
            <Space>
              <Typography.Text strong>正在查看：{s.scope.name}</Typography.Text>
              <span>目标为县局分解到该乡镇的数{s.sharesAreDefault ? '（尚未分解，暂按全县目标平均分配）' : ''}</span>
            </Space>
          }
          action={
            <Button size="small" onClick={() => onTownship(undefined)} data-testid="back-to-county">
              返回全县
            </Button>
          }
        />
      )}
      {s && county && s.targetsAreDefault && (
        <Alert
          type="warning"
          showIcon
          title={`${year}年目标尚未由县局保存，暂按县政府方案（冠政发〔2024〕4号）显示：报废 ≥100 台、新购 ≥900 台、综合机械化率 ≥94%`}
          action={
            <Button size="small" onClick={onTargets}>
              设置目标
            </Button>
          }
        />
      )}
      {s && !county && s.sharesAreDefault && (
        <Alert
          type="warning"
          showIcon
          title={`县局尚未下达${year}年本乡镇目标，暂按全县目标${s.targetsAreDefault ? '（县政府方案：报废 ≥100 台、新购 ≥900 台）' : ''}平均分配到 18 个乡镇（街道）显示：本乡镇报废 ${s.scraps.target} 台、新购 ${s.purchases.target} 台`}
        />
      )}
      {s ? <CountingRuleNote rule={s.countingRule} /> : null}
      {!s ? <Skeleton active paragraph={{ rows: 6 }} /> : <ProgressCards s={s} county={county} />}
      {s && s.outside.scraps + s.outside.purchases > 0 && (
        <Typography.Text type="secondary">
          另有报废 {s.outside.scraps} 台、新购 {s.outside.purchases} 台的机主户籍不在本县乡镇，未计入。
        </Typography.Text>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card size="small" title={`进度测算（截至 ${s?.asOf ?? ''}）`} style={{ height: '100%' }}>
            {s ? <PaceTable s={s} /> : <Skeleton active />}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          {m ? <CumulativeChart m={m} /> : <Skeleton active paragraph={{ rows: 8 }} />}
        </Col>
        {m && (
          <>
            <Col xs={24} xl={10}>
              <MonthlyChart m={m} />
            </Col>
            <Col xs={24} md={14} xl={8}>
              <ItemsChart m={m} />
            </Col>
            <Col xs={24} md={10} xl={6}>
              <TerminalsChart m={m} />
            </Col>
          </>
        )}
      </Row>
      {townships.data && (
        <Card size="small" title={`${year}年各乡镇（街道）进度`}>
          <TownshipTable data={townships.data} onOpen={(code) => onTownship(code)} />
        </Card>
      )}
    </Space>
  );
}
