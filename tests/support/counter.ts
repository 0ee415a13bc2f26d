import type { PurchaseInput } from '../../shared/schemas/purchases';
import type { ScrapInput } from '../../shared/schemas/scraps';

/** A 60 hp tractor scrapped with all its papers: band 50–80马力（含80）, 7,860 yuan in the sample catalogue. */
export function tractorScrap(farmerId: string, overrides: Partial<ScrapInput> = {}): ScrapInput {
  return {
    farmerId,
    item: '拖拉机',
    paramValue: 60,
    maker: '山东五征集团有限公司',
    model: 'WZ-604',
    engineNo: 'ENG-2009-55667',
    frameNo: 'FR0012345',
    plateNo: '鲁15-12345',
    yearMade: 2009,
    eligibility: 'past_age',
    confirmFormNo: 'GXBF-2025-0001',
    handoverDate: '2025-02-10',
    dismantleDate: '2025-02-12',
    ...overrides,
  };
}

/** A new 75 hp four-wheel-drive tractor: band 70–80马力四驱, 7,900 yuan. */
export function tractorPurchase(farmerId: string, overrides: Partial<PurchaseInput> = {}): PurchaseInput {
  return {
    farmerId,
    item: '轮式拖拉机',
    variant: '四驱',
    paramValue: 75,
    maker: '潍柴雷沃智慧农业科技股份有限公司',
    productName: '轮式拖拉机',
    model: 'M754-A',
    factoryNo: 'SN2025000123',
    engineNo: 'YC4A-778899',
    invoiceNo: '25372000000012345678',
    invoiceDate: '2025-02-20',
    priceFen: 12_000_000,
    purchaseDate: '2025-02-18',
    terminalKind: 'beidou',
    terminalId: 'BD-0098765',
    ...overrides,
  };
}

export const ALL_PURCHASE_CHECKS = { person: true, machine: true, invoice: true, nameplate: true };
export const ALL_SCRAP_CHECKS = { person: true, machine: true, form: true, photos: true };
