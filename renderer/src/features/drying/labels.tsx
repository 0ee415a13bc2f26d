import { Tag } from 'antd';
import { DRYER_STATUS_LABELS, HEAT_SOURCE_LABELS, type DryerStatus, type HeatSource } from '../../../../shared/domain/drying-dryers';
import { SITE_STAGE_LABELS, type SiteStage } from '../../../../shared/domain/drying-stages';

const STAGE_COLORS: Record<SiteStage, string> = {
  planned: 'default',
  building: 'processing',
  built: 'cyan',
  operating: 'success',
  closed: 'error',
};

/** 规划 / 在建 / 建成 / 投产 / 停用 as a coloured tag. */
export function StageTag({ stage }: { stage: SiteStage }) {
  return (
    <Tag color={STAGE_COLORS[stage]} data-stage={stage} style={{ marginInlineEnd: 0 }}>
      {SITE_STAGE_LABELS[stage]}
    </Tag>
  );
}

const DRYER_COLORS: Record<DryerStatus, string> = { in_use: 'success', stopped: 'warning', retired: 'default', converted: 'blue' };

export function DryerStatusTag({ status }: { status: DryerStatus }) {
  return (
    <Tag color={DRYER_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {DRYER_STATUS_LABELS[status]}
    </Tag>
  );
}

/** Coal in red: it is what the county is retiring. */
export function HeatTag({ source }: { source: HeatSource }) {
  return (
    <Tag color={source === 'coal' ? 'red' : source === 'electric' || source === 'solar' ? 'green' : 'gold'} style={{ marginInlineEnd: 0 }}>
      {HEAT_SOURCE_LABELS[source]}
    </Tag>
  );
}

/** "1,234.5" for tonnes. */
export const formatT = (t: number | null | undefined): string =>
  t === null || t === undefined ? '—' : t.toLocaleString('zh-CN', { maximumFractionDigits: 1 });

/** Chart colours per heat source, the same in every chart. */
export const HEAT_COLORS: Record<HeatSource, string> = {
  coal: '#4b5563',
  oil: '#b45309',
  gas: '#2563eb',
  biomass: '#65a30d',
  electric: '#16a34a',
  solar: '#eab308',
};
