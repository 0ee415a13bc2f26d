import { Card, Col, Progress, Row, Statistic, Tag, Typography } from 'antd';
import type { Measure, ProgressSummary } from '../../../../shared/schemas/progress';
import { count, PACE_COLORS, PACE_LABELS, PACE_TAG, pct, wan } from './progress-format';

const { Text } = Typography;

function MeasureCard({ title, m, testId, disputed }: { title: string; m: Measure; testId: string; disputed: number }) {
  const percent = m.percent ?? 0;
  return (
    <Card
      size="small"
      title={title}
      extra={<Tag color={PACE_TAG[m.status]}>{PACE_LABELS[m.status]}</Tag>}
      data-testid={testId}
      data-status={m.status}
    >
      <Statistic
        value={m.done}
        suffix={<span style={{ fontSize: 16, color: '#6b7280' }}>/ {count(m.target)} 台</span>}
        styles={{ content: { color: PACE_COLORS[m.status], fontWeight: 600 } }}
      />
      <Progress
        percent={Math.min(percent, 100)}
        format={() => pct(m.percent)}
        strokeColor={PACE_COLORS[m.status]}
        success={{ percent: 0 }}
        aria-label={`${title}完成率`}
      />
      <Text type="secondary" style={{ fontSize: 12 }}>
        按均衡进度今日应完成 {m.expectedByToday} 台{m.status === 'behind' ? `，差 ${Math.ceil(m.expectedByToday - m.done)} 台` : ''}
      </Text>
      {disputed > 0 && (
        <div>
          <Tag color="orange" style={{ marginTop: 6 }} data-testid={`${testId}-disputed`}>
            待核查 {disputed} 台
          </Tag>
          <Text type="secondary" style={{ fontSize: 12 }}>
            跨站重复，按最早一条计入，冲突核查后更新
          </Text>
        </div>
      )}
    </Card>
  );
}

const COAL_TAG = { none: 'default', done: 'green', remaining: 'blue', overdue: 'red' } as const;

/** 粮食烘干: the drying module's capacity against the target, and the coal dryers against the one target year. */
function DryingCard({ d }: { d: ProgressSummary['drying'] }) {
  const reached = d.capacityTargetTpd !== null && d.operatingTpd >= d.capacityTargetTpd;
  return (
    <Card size="small" title="粮食烘干" data-testid="card-drying" extra={<Text type="secondary">截至 {d.asOf}</Text>}>
      <Statistic
        value={d.operatingTpd}
        precision={1}
        suffix={
          <span style={{ fontSize: 16, color: '#6b7280' }}>
            {d.capacityTargetTpd === null ? '吨/日（目标未设定）' : `/ ${count(d.capacityTargetTpd)} 吨/日`}
          </span>
        }
        styles={{ content: { color: reached ? PACE_COLORS.ahead : undefined, fontWeight: 600 } }}
        data-testid="drying-operating"
      />
      <Text type="secondary" style={{ fontSize: 12 }}>
        运行能力；规划 {d.plannedTpd} 吨/日 · 烘干中心 {d.centres} 个、烘干点 {d.points} 个、烘干机 {d.dryers} 台
      </Text>
      <div style={{ marginTop: 6 }}>
        燃煤烘干机：
        <Tag color={COAL_TAG[d.coal.state]} data-testid="drying-coal" data-state={d.coal.state}>
          {d.coal.text}
        </Tag>
      </div>
    </Card>
  );
}

/** The year at a glance: the two machine targets with pace colours, terminals, funds, mechanization, drying. */
export function ProgressCards({ s, county }: { s: ProgressSummary; county: boolean }) {
  const terminals = s.terminals.beidou + s.terminals.monitor;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={12} xl={8}>
        <MeasureCard title="报废农机" m={s.scraps} testId="card-scraps" disputed={s.disputed.scraps} />
      </Col>
      <Col xs={24} md={12} xl={8}>
        <MeasureCard title="新购农机" m={s.purchases} testId="card-purchases" disputed={s.disputed.purchases} />
      </Col>
      <Col xs={24} md={12} xl={8}>
        <Card size="small" title="北斗/作业监测终端" data-testid="card-terminals">
          <Statistic
            value={s.terminals.sharePct ?? 0}
            precision={1}
            suffix="%"
            formatter={s.terminals.sharePct === null ? () => '—' : undefined}
          />
          <Text type="secondary" style={{ fontSize: 12 }}>
            新购 {count(s.purchases.done)} 台中装终端 {count(terminals)} 台（北斗 {count(s.terminals.beidou)}，监测{' '}
            {count(s.terminals.monitor)}）{s.terminals.target !== null && `；目标 ${count(s.terminals.target)} 台`}
          </Text>
        </Card>
      </Col>
      <Col xs={24} md={12} xl={8}>
        <Card size="small" title="补贴资金" data-testid="card-funds">
          <Row gutter={8}>
            <Col span={12}>
              <Statistic
                title="已承诺（已核验及以后）"
                value={wan(s.funds.committed.totalFen)}
                styles={{ content: { fontSize: 20 } }}
                data-testid="funds-committed"
              />
            </Col>
            <Col span={12}>
              <Statistic
                title="已兑付"
                value={wan(s.funds.paid.totalFen)}
                styles={{ content: { fontSize: 20 } }}
                data-testid="funds-paid"
              />
            </Col>
          </Row>
          <Text type="secondary" style={{ fontSize: 12 }}>
            承诺：报废部分 {wan(s.funds.committed.scrapFen)}，购置部分 {wan(s.funds.committed.purchaseFen)}；兑付：报废{' '}
            {wan(s.funds.paid.scrapFen)}，购置 {wan(s.funds.paid.purchaseFen)}
          </Text>
        </Card>
      </Col>
      <Col xs={24} md={12} xl={8}>
        <Card size="small" title="耕种收综合机械化率" data-testid="card-mechanization">
          {s.mechanization.ratePct === null ? (
            <Statistic value="未录入" styles={{ content: { color: '#9ca3af' } }} />
          ) : (
            <Statistic
              value={s.mechanization.ratePct}
              precision={1}
              suffix="%"
              styles={{ content: { color: s.mechanization.ratePct >= s.mechanization.targetPct ? PACE_COLORS.ahead : PACE_COLORS.behind } }}
            />
          )}
          <Text type="secondary" style={{ fontSize: 12 }}>
            目标 ≥{s.mechanization.targetPct}%
            {s.mechanization.ratePct === null ? (county ? '；请在“机械化率”页录入各乡镇面积' : '；面积由县局录入') : ''}
          </Text>
        </Card>
      </Col>
      <Col xs={24} md={12} xl={8}>
        <DryingCard d={s.drying} />
      </Col>
    </Row>
  );
}
