import { z } from '../api/zod-locale';
import { TOWNSHIP_CODES } from '../domain/townships';
import { date, fen, id, opt, text, travelling, ts } from './station-rows';

/** The grain-drying rows of a station's file (migration 006), as the county parses them. */
const stage = z.enum(['planned', 'building', 'built', 'operating', 'closed']);
const heat = z.enum(['coal', 'oil', 'gas', 'biomass', 'electric', 'solar']);

export const dryingSiteRow = z.object({
  ...travelling,
  name: text(80),
  kind: z.enum(['centre', 'point']),
  township_code: z.enum(TOWNSHIP_CODES),
  village: text(40),
  location: opt(200),
  operator_id: id.nullable(),
  stage,
  planned_on: date,
  building_on: date.nullable(),
  built_on: date.nullable(),
  operating_on: date.nullable(),
  closed_on: date.nullable(),
  planned_completion: date.nullable(),
  conformity: z.enum(['yes', 'no', 'pending']),
  conformity_doc_no: opt(60),
  investment_fen: fen.nullable(),
  subsidy_fen: fen.nullable(),
  area_served_mu: z.number().min(0).max(10_000_000).nullable(),
  notes: opt(1000),
});

export const dryingSiteEventRow = z.object({
  ...travelling,
  site_id: id,
  from_stage: stage.nullable(),
  to_stage: stage,
  stage_date: date,
  at: ts,
  operator: text(20),
  note: opt(200),
});

export const dryerRow = z.object({
  ...travelling,
  site_id: id,
  maker: text(60),
  model: text(60),
  kind: z.enum(['batch', 'continuous']),
  batch_t: z.number().positive().max(10_000).nullable(),
  daily_t: z.number().positive().max(100_000).nullable(),
  heat_source: heat,
  year_installed: z.number().int().min(1950).max(2100).nullable(),
  status: z.enum(['in_use', 'stopped', 'retired', 'converted']),
  notes: opt(1000),
});

export const dryerRetirementRow = z.object({
  ...travelling,
  dryer_id: id,
  plan: z.enum(['scrap', 'convert']),
  planned_date: date,
  actual_date: date.nullable(),
  new_heat_source: heat.exclude(['coal']).nullable(),
  subsidy_fen: fen.nullable(),
  scrap_id: id.nullable(),
  note: opt(200),
});

export const dryingSitePhotoRow = z.object({
  ...travelling,
  site_id: id,
  kind: z.enum(['site', 'equipment', 'document', 'other']),
  file_name: text(120),
  stored_path: z.string().max(200).regex(/^[0-9a-zA-Z/_.-]+$/, '照片路径无效'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size_bytes: z.number().int().min(1).max(20 * 1024 * 1024),
  mime: z.enum(['image/jpeg', 'image/png', 'image/webp']),
});
