import { Descriptions, Tag, Typography } from 'antd';
import { CONFORMITY_LABELS } from '../../../../shared/domain/drying-stages';
import { MIN_AREA_MU, SITE_KIND_HELP, SITE_KIND_LABELS, type Site } from '../../../../shared/schemas/drying';
import { FARMER_KIND_LABELS, type FarmerKind } from '../../../../shared/schemas/farmers';
import { Money } from '../../components/MoneyInput';
import { formatT, StageTag } from './labels';

/** The site's record as the bureau reads it. */
export function SiteFacts({ site }: { site: Site }) {
  const belowArea = site.areaServedMu !== null && site.areaServedMu < MIN_AREA_MU[site.kind];
  return (
    <Descriptions bordered column={2} size="middle" data-testid="site-facts">
      <Descriptions.Item label="设施类型">
        {SITE_KIND_LABELS[site.kind]}
        <div style={{ fontSize: 12, color: '#6b7280' }}>{SITE_KIND_HELP[site.kind]}</div>
      </Descriptions.Item>
      <Descriptions.Item label="阶段">
        <StageTag stage={site.stage} />
        {site.overdue && (
          <Tag color="red" style={{ marginInlineStart: 8 }} data-testid="overdue-tag">
            逾期：计划 {site.plannedCompletion} 建成投产
          </Tag>
        )}
      </Descriptions.Item>
      <Descriptions.Item label="位置">
        {site.townshipName} {site.village}
        {site.location ? ` · ${site.location}` : ''}
      </Descriptions.Item>
      <Descriptions.Item label="经营主体">
        {site.operator ? (
          <>
            {site.operator.name}（{FARMER_KIND_LABELS[site.operator.kind as FarmerKind] ?? site.operator.kind}）
            <div className="masked" style={{ fontSize: 12, color: '#6b7280' }}>
              统一社会信用代码 {site.operator.uscc}
            </div>
          </>
        ) : (
          <Typography.Text type="secondary">未确定</Typography.Text>
        )}
      </Descriptions.Item>
      <Descriptions.Item label="符合国土空间规划">
        <span data-testid="conformity">
          {CONFORMITY_LABELS[site.conformity]}
          {site.conformityDocNo ? `（${site.conformityDocNo}）` : ''}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label="计划建成投产">{site.plannedCompletion ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="总投资（元）">
        <Money fen={site.investmentFen} />
      </Descriptions.Item>
      <Descriptions.Item label="补贴资金（元）">
        <Money fen={site.subsidyFen} />
      </Descriptions.Item>
      <Descriptions.Item label="服务面积">
        {site.areaServedMu === null ? '—' : `${site.areaServedMu.toLocaleString('zh-CN')} 亩`}
        {belowArea && (
          <Tag color="orange" style={{ marginInlineStart: 8 }}>
            低于{SITE_KIND_LABELS[site.kind]}标准（≥{MIN_AREA_MU[site.kind].toLocaleString('zh-CN')}亩）
          </Tag>
        )}
      </Descriptions.Item>
      <Descriptions.Item label="烘干能力（吨/日）">
        <span data-testid="site-capacity">
          运行 {formatT(site.operatingT)} · 规划 {formatT(site.plannedT)}
        </span>
        <div style={{ fontSize: 12, color: '#6b7280' }}>循环式未填日处理量的按每日 {site.batchesPerDay} 批折算</div>
      </Descriptions.Item>
      {site.notes && (
        <Descriptions.Item label="备注" span={2}>
          {site.notes}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
