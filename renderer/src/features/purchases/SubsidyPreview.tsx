import { Card, Divider, Spin, Tag, Typography } from 'antd';
import { variantBesideLabel } from '../../../../shared/domain/bands';
import { formatFen, fenToUppercase } from '../../../../shared/domain/money';
import { computePurchaseSubsidy } from '../../../../shared/domain/subsidy';
import type { CatalogVersion } from '../../../../shared/schemas/catalog';
import type { CatalogPickBandResult } from '../../../../shared/schemas/catalog-api';
import type { ScrapListItem } from '../../../../shared/schemas/scraps';
import { AmountRow } from '../applications/AmountRow';
import { BandNotice } from '../applications/BandNotice';

interface Props {
  item: string | undefined;
  value: number | null | undefined;
  variant: string | null | undefined;
  variantRequired: boolean;
  version: CatalogVersion | null;
  pick: { data: CatalogPickBandResult | null | undefined; loading: boolean; error: string | null };
  priceFen: number | undefined;
  /** The buyer's scrapped machine this purchase renews, with its frozen amounts. */
  scrap: ScrapListItem | undefined;
}

/**
 * Live subsidy with computePurchaseSubsidy — the function the service stores with — so the amount
 * shown here is the amount the saved record carries.
 */
export function SubsidyPreview(props: Props) {
  const { pick, version, priceFen, scrap } = props;
  const band = pick.data?.band ?? null;
  const subsidy =
    band && band.purchaseFen !== null
      ? computePurchaseSubsidy(
          { purchaseFen: band.purchaseFen, capFen: band.capFen, capPercent: band.capPercent },
          priceFen ?? 0,
          scrap ? { scrapFen: scrap.scrapFen, scrapReplaceFen: scrap.scrapReplaceFen } : null,
        )
      : null;
  const notes = subsidy?.lines.map((l) => l.note).filter(Boolean) ?? [];

  return (
    <Card
      title="补贴测算"
      size="small"
      extra={pick.loading && props.item ? <Spin size="small" /> : null}
      data-testid="subsidy-preview"
      style={{ position: 'sticky', top: 16 }}
    >
      <BandNotice {...props} />
      {band && band.purchaseFen === null && <Typography.Text type="danger">该档次没有购置补贴额</Typography.Text>}
      {band && subsidy && (
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }} data-testid="band-line">
            补贴档次：<span data-testid="band-label">{band.bandLabel}</span>
            {variantBesideLabel(band) && <Tag style={{ marginInlineStart: 8 }}>{variantBesideLabel(band)}</Tag>}
          </Typography.Paragraph>
          <AmountRow label="购置补贴" fen={subsidy.purchaseFen} testId="preview-purchase" />
          {scrap ? (
            <AmountRow label="报废更新补贴（报废并更新）" fen={subsidy.scrapFen} testId="preview-scrap" />
          ) : (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              未关联报废农机：无报废更新补贴
            </Typography.Text>
          )}
          <Divider style={{ margin: '8px 0' }} />
          <AmountRow label="补贴合计" fen={subsidy.totalFen} testId="preview-total" strong />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {fenToUppercase(subsidy.totalFen)}
          </Typography.Text>
          {notes.length > 0 && (
            <Typography.Paragraph type="warning" style={{ margin: '8px 0 0' }} data-testid="preview-notes">
              {notes.join('；')}
            </Typography.Paragraph>
          )}
          {band.capPercent !== null && priceFen === undefined && (
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
              该档次不超过售价的 {band.capPercent}%：填写售价后重新测算
            </Typography.Paragraph>
          )}
          {band.capFen !== null && (
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 12 }}>
              单机购置补贴上限 {formatFen(band.capFen)} 元
            </Typography.Paragraph>
          )}
        </>
      )}
      {version && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
          依据：{version.title}
          {version.isSample && (
            <Tag color="orange" style={{ marginInlineStart: 6 }}>
              示例
            </Tag>
          )}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
