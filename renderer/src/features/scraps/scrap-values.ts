import type { z } from 'zod';
import type { Scrap } from '../../../../shared/schemas/scraps';
import type { scrapInput } from '../../../../shared/schemas/scraps';

export type ScrapFormValues = z.input<typeof scrapInput>;
export type ScrapParsed = z.output<typeof scrapInput>;

/** Every field the service may name in an error, so its message lands under that field. */
export const SCRAP_FIELDS = [
  'item',
  'variant',
  'paramValue',
  'maker',
  'model',
  'engineNo',
  'frameNo',
  'plateNo',
  'yearMade',
  'eligibility',
  'recyclerId',
  'confirmFormNo',
  'handoverDate',
  'dismantleDate',
] as const;

export function newScrapValues(farmerId: string): ScrapFormValues {
  return {
    farmerId,
    item: '',
    variant: null,
    paramValue: null,
    maker: '',
    model: '',
    engineNo: '',
    frameNo: '',
    plateNo: '',
    yearMade: null,
    // Radio groups are reached with Enter only when one option is checked; the usual case is preset.
    eligibility: 'past_age',
    recyclerId: null,
    confirmFormNo: '',
    handoverDate: undefined,
    dismantleDate: undefined,
  };
}

export function scrapValuesOf(s: Scrap): ScrapFormValues {
  return {
    farmerId: s.farmer.id,
    item: s.item,
    variant: s.variant,
    paramValue: s.paramValue,
    maker: s.maker,
    model: s.model,
    engineNo: s.engineNo ?? '',
    frameNo: s.frameNo ?? '',
    plateNo: s.plateNo ?? '',
    yearMade: s.yearMade,
    // an imported scrap whose ledger did not record the condition: the technician must choose one to save
    eligibility: s.eligibility === 'unrecorded' ? (undefined as unknown as ScrapFormValues['eligibility']) : s.eligibility,
    recyclerId: s.recyclerId,
    confirmFormNo: s.confirmFormNo ?? '',
    handoverDate: s.handoverDate ?? undefined,
    dismantleDate: s.dismantleDate ?? undefined,
  };
}
