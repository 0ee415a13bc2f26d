import { Card, Spin, Tag, Typography } from 'antd';
import { rangeBesideLabel, variantBesideLabel } from '../../../../shared/domain/bands';
import type { CatalogVersion } from '../../../../shared/schemas/catalog';
import type { CatalogPickBandResult } from '../../../../shared/schemas/catalog-api';
import { AmountRow } from '../applications/AmountRow';
import { BandNotice } from '../applications/BandNotice';

interface Props {
  item: string | undefined;
  value: number | null | undefined;
  variant: string | null | undefined;
  variantRequired: boolean;
  version: CatalogVersion | null;
  pick: { data: CatalogPickBandResult | null | undefined; loading: boolean; error: string | null };
}

/** Before saving: the band this machine falls in and what scrapping it pays, scrap-only and scrap-and-replace. */
export function ScrapBandPreview(props: Props) {
  const { pick, version } = props;
  const band = pick.data?.band ?? null;
  return (
    <Card
      title="补贴测算"
      size="small"
      extra={pick.loading && props.item ? <Spin size="small" /> : null}
      data-testid="scrap-preview"
      style={{ position: 'sticky', top: 16 }}
    >
      <BandNotice {...props} />
      {band && band.scrapFen === null && <Typography.Text type="danger">该档次不在报废更新补贴范围内</Typography.Text>}
      {band && band.scrapFen !== null && (
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }} data-testid="band-line">
            补贴档次：<span data-testid="band-label">{band.bandLabel}</span>
            {variantBesideLabel(band) && <Tag style={{ marginInlineStart: 8 }}>{variantBesideLabel(band)}</Tag>}
            {rangeBesideLabel(band) && (
              <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                {rangeBesideLabel(band)}
              </Typography.Text>
            )}
          </Typography.Paragraph>
          <AmountRow label="仅报废" fen={band.scrapFen} testId="scrap-only-amount" />
          <AmountRow label="报废并更新" fen={band.scrapReplaceFen ?? band.scrapFen} testId="scrap-replace-amount" />
          {band.scrapReplaceFen === null && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              目录未单列“报废并更新”金额，按仅报废金额计
            </Typography.Text>
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
          <br />
          保存时按交售日期所在年度的目录冻结金额；同购置申请一并办理时按“报废并更新”计。
        </Typography.Paragraph>
      )}
    </Card>
  );
}
