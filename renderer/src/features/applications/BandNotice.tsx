import { Alert, Spin } from 'antd';
import { describeRange } from '../../../../shared/domain/bands';
import { BAND_PARAMS, type CatalogBand } from '../../../../shared/schemas/catalog';
import type { CatalogPickBandResult } from '../../../../shared/schemas/catalog-api';

interface Props {
  item: string | undefined;
  value: number | null | undefined;
  variant: string | null | undefined;
  variantRequired: boolean;
  pick: { data: CatalogPickBandResult | null | undefined; loading: boolean; error: string | null };
}

const rangeText = (b: CatalogBand) => `${b.variant ? `${b.variant} ` : ''}${describeRange(b)}`;

/**
 * Why no band matched, in the words the service would use: the parameter is missing, a variant must
 * be chosen, or the value is outside every band (listing the bands there are). Null when a band matched.
 */
export function BandNotice({ item, value, variant, variantRequired, pick }: Props) {
  if (!item) return <Alert type="info" showIcon title="选择机具品目并填写参数后，这里显示补贴档次和金额" />;
  if (pick.error) return <Alert type="error" showIcon title={pick.error} />;
  if (!pick.data) return <Spin size="small" />;
  if (pick.data.band) return null;
  const first = pick.data.candidates[0];
  if (!first) return <Alert type="warning" showIcon title={`补贴额一览表中没有“${item}”`} />;
  const p = BAND_PARAMS[first.param];
  if (variantRequired && !variant) {
    return (
      <Alert
        type="info"
        showIcon
        title={`“${item}”按型式分档，请选择型式（${[...new Set(pick.data.candidates.map((b) => b.variant))].join('、')}）`}
      />
    );
  }
  if (first.param !== 'none' && (value === null || value === undefined)) {
    return <Alert type="info" showIcon title={`请填写${p.label}（${p.unit}）：“${item}”按${p.label}分档`} />;
  }
  return (
    <Alert
      type="error"
      showIcon
      data-testid="band-outside"
      title={`${p.label} ${value ?? ''}${p.unit}${variant ? `（${variant}）` : ''} 不在“${item}”的任何分档内`}
      description={`现有分档：${pick.data.candidates.map(rangeText).join('、')}`}
    />
  );
}
