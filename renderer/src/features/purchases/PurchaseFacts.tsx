import { Alert, Card, Descriptions, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { variantBesideLabel } from '../../../../shared/domain/bands';
import { fenToUppercase, formatFen } from '../../../../shared/domain/money';
import type { CatalogBandWithVersion } from '../../../../shared/schemas/catalog-api';
import { TERMINAL_LABELS, type Purchase } from '../../../../shared/schemas/purchases';
import { AmountRow } from '../applications/AmountRow';
import { paramText } from '../applications/catalog';

const or = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : v);

/** Everything recorded about a purchased machine. */
export function PurchaseFacts({ purchase: p, band }: { purchase: Purchase; band: CatalogBandWithVersion | undefined }) {
  return (
    <Descriptions bordered column={2} size="small" data-testid="purchase-detail" styles={{ label: { width: 140, whiteSpace: 'nowrap' } }}>
      <Descriptions.Item label="机具品目">
        {p.category} / {p.item}
      </Descriptions.Item>
      <Descriptions.Item label="补贴档次">
        {p.bandLabel}
        {variantBesideLabel(p) ? `（${variantBesideLabel(p)}）` : ''}
      </Descriptions.Item>
      <Descriptions.Item label="参数">{paramText(p.paramValue, band?.band.param)}</Descriptions.Item>
      <Descriptions.Item label="补贴目录">{band ? band.version.title : `${p.catalogYear}年`}</Descriptions.Item>
      <Descriptions.Item label="生产厂家">{p.maker}</Descriptions.Item>
      <Descriptions.Item label="产品名称">{p.productName}</Descriptions.Item>
      <Descriptions.Item label="购买机型">{p.model}</Descriptions.Item>
      <Descriptions.Item label="出厂编号">
        <span className="masked" data-testid="factory-no">
          {p.factoryNo}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label="发动机号">
        <span className="masked">{or(p.engineNo)}</span>
      </Descriptions.Item>
      <Descriptions.Item label="铭牌二维码">
        <span className="masked">{or(p.qrCode)}</span>
      </Descriptions.Item>
      <Descriptions.Item label="发票号码">{p.invoiceNo}</Descriptions.Item>
      <Descriptions.Item label="开票日期">{p.invoiceDate}</Descriptions.Item>
      <Descriptions.Item label="购机日期">{p.purchaseDate}</Descriptions.Item>
      <Descriptions.Item label="单台销售价格">{formatFen(p.priceFen)} 元</Descriptions.Item>
      <Descriptions.Item label="经销商">{or(p.dealerName)}</Descriptions.Item>
      <Descriptions.Item label="北斗/监测终端">
        {TERMINAL_LABELS[p.terminalKind]}
        {p.terminalId ? `（${p.terminalId}）` : ''}
      </Descriptions.Item>
      <Descriptions.Item label="报废并更新" span={2}>
        {p.scrapId ? (
          <Link to={`/scraps/${p.scrapId}`} data-testid="linked-scrap">
            {p.scrapSummary ?? '查看关联的报废农机'}
          </Link>
        ) : (
          '未关联报废农机'
        )}
      </Descriptions.Item>
    </Descriptions>
  );
}

/** The subsidy frozen at saving: purchase part, scrap part, total in figures and in words. */
export function PurchaseAmounts({ purchase: p }: { purchase: Purchase }) {
  return (
    <Card title="补贴金额（登记时冻结）" size="small" data-testid="purchase-amounts">
      <AmountRow label="购置补贴" fen={p.purchaseFen} testId="amount-purchase" />
      <AmountRow label="报废更新补贴" fen={p.scrapPartFen} testId="amount-scrap" />
      <div style={{ borderTop: '1px solid #f0f0f0', marginTop: 4 }} />
      <AmountRow label="补贴合计" fen={p.totalFen} testId="amount-total" strong />
      <Typography.Text type="secondary" data-testid="amount-words">
        {fenToUppercase(p.totalFen)}
      </Typography.Text>
      {p.subsidyNote && <Alert type="info" showIcon title={p.subsidyNote} style={{ marginTop: 8 }} />}
      {p.overrides.length > 0 && (
        <div style={{ marginTop: 8 }} data-testid="saved-overrides">
          <Typography.Text strong>保存时的提示及原因：</Typography.Text>
          {p.overrides.map((o) => (
            <Alert key={o.code} type="warning" title={o.message} description={`原因：${o.reason}`} style={{ marginTop: 6 }} />
          ))}
        </div>
      )}
    </Card>
  );
}
