/** The scraps row an imported scrapping-ledger row becomes: the ledger's amount, status and numbers; condition 台账未记载. */
import { normalizeMachineNo } from '../../shared/domain/machine-ids';
import type { ServiceContext } from '../context';
import type { ScrapRow } from '../repositories/scraps';
import type { ScrapPlan } from './classify-scrap';

export function scrapRow(ctx: ServiceContext, p: ScrapPlan, at: { stationId: string; farmerId: string; at: string }): ScrapRow {
  return {
    id: ctx.newId(),
    station_id: at.stationId,
    farmer_id: at.farmerId,
    catalog_band_id: p.catalogBandId,
    catalog_year: p.catalogYear,
    item: p.item,
    band_label: p.bandLabel,
    variant: null,
    param_value: null,
    maker: p.maker,
    model: p.model,
    engine_no: p.engineNo,
    engine_no_norm: normalizeMachineNo(p.engineNo),
    frame_no: p.frameNo,
    frame_no_norm: normalizeMachineNo(p.frameNo),
    plate_no: p.plateNo,
    plate_no_norm: normalizeMachineNo(p.plateNo),
    year_made: null,
    // the ledger does not say which condition applied: recorded as such, not chosen for it
    eligibility: 'unrecorded',
    recycler_id: p.recyclerId,
    confirm_form_no: p.confirmFormNo,
    handover_date: p.handoverDate,
    dismantle_date: null,
    scrap_fen: p.subsidyFen,
    // what the ledger paid is the amount either way (the renewal rate of the time is not recorded)
    scrap_replace_fen: p.subsidyFen,
    status: p.status,
    status_at: at.at,
    return_reason: p.status === 'returned' ? '台账记载为退回' : null,
    created_at: at.at,
    updated_at: at.at,
    voided_at: null,
    void_reason: null,
  };
}
