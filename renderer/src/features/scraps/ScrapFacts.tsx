import { Card, Descriptions, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { variantBesideLabel } from '../../../../shared/domain/bands';
import { fenToUppercase } from '../../../../shared/domain/money';
import { ELIGIBILITY_LABELS, type Scrap } from '../../../../shared/schemas/scraps';
import type { CatalogBandWithVersion } from '../../../../shared/schemas/catalog-api';
import { AmountRow } from '../applications/AmountRow';
import { paramText } from '../applications/catalog';
import { FRAME_NO_LABEL } from '../../../../shared/domain/machine-terms';

const or = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : v);

/** Everything recorded about a scrapped machine (一机一档). */
export function ScrapFacts({ scrap: s, band }: { scrap: Scrap; band: CatalogBandWithVersion | undefined }) {
  return (
    <Descriptions bordered column={2} size="small" data-testid="scrap-detail" styles={{ label: { width: 140, whiteSpace: 'nowrap' } }}>
      <Descriptions.Item label="机具品目">{s.item}</Descriptions.Item>
      <Descriptions.Item label="补贴档次">
        {s.bandLabel}
        {variantBesideLabel(s) ? `（${variantBesideLabel(s)}）` : ''}
      </Descriptions.Item>
      <Descriptions.Item label="参数">{paramText(s.paramValue, band?.band.param)}</Descriptions.Item>
      <Descriptions.Item label="补贴目录">{band ? band.version.title : `${s.catalogYear}年`}</Descriptions.Item>
      <Descriptions.Item label="生产厂家">{s.maker}</Descriptions.Item>
      <Descriptions.Item label="型号">{s.model}</Descriptions.Item>
      <Descriptions.Item label="发动机号">
        <span className="masked">{or(s.engineNo)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={FRAME_NO_LABEL}>
        <span className="masked">{or(s.frameNo)}</span>
      </Descriptions.Item>
      <Descriptions.Item label="号牌号码">{or(s.plateNo)}</Descriptions.Item>
      <Descriptions.Item label="出厂年份">{or(s.yearMade)}</Descriptions.Item>
      <Descriptions.Item label="报废条件" span={2}>
        {s.eligibility === 'unrecorded' ? (
          <Typography.Text type="warning" data-testid="eligibility-unrecorded">
            台账未记载（来源：历史台账导入，旧台账没有记载报废条件；修改本记录时须选择实际条件）
          </Typography.Text>
        ) : (
          ELIGIBILITY_LABELS[s.eligibility]
        )}
      </Descriptions.Item>
      <Descriptions.Item label="回收拆解企业">{or(s.recyclerName)}</Descriptions.Item>
      <Descriptions.Item label="回收确认表编号">{or(s.confirmFormNo)}</Descriptions.Item>
      <Descriptions.Item label="交售日期">{or(s.handoverDate)}</Descriptions.Item>
      <Descriptions.Item label="拆解日期">{or(s.dismantleDate)}</Descriptions.Item>
      {s.linkedPurchaseId && (
        <Descriptions.Item label="报废并更新" span={2}>
          <Link to={`/purchases/${s.linkedPurchaseId}`} data-testid="linked-purchase">
            查看关联的购置申请
          </Link>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** The amounts frozen on the record when it was saved: they do not change when the catalogue does. */
export function ScrapAmounts({ scrap: s }: { scrap: Scrap }) {
  const renewing = Boolean(s.linkedPurchaseId);
  const payable = renewing ? s.scrapReplaceFen : s.scrapFen;
  return (
    <Card title="补贴金额（登记时冻结）" size="small" data-testid="scrap-amounts">
      <AmountRow label="仅报废" fen={s.scrapFen} />
      <AmountRow label="报废并更新" fen={s.scrapReplaceFen} />
      <div style={{ borderTop: '1px solid #f0f0f0', marginTop: 4 }} />
      <AmountRow label={renewing ? '随购置兑付（报废并更新）' : '单独报废兑付'} fen={payable} testId="scrap-payable" strong />
      <Typography.Text type="secondary">{fenToUppercase(payable)}</Typography.Text>
    </Card>
  );
}
