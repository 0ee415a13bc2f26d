/** Amounts a catalogue band pays, in fen (DOMAIN.md §3–§4). */
export interface PurchaseTerms {
  purchaseFen: number | null;
  capFen: number | null;
  capPercent: number | null;
}

export interface ScrapTerms {
  scrapFen: number | null;
  scrapReplaceFen: number | null;
}

export interface SubsidyLine {
  kind: 'purchase' | 'scrap';
  label: string;
  fen: number;
  note?: string;
}

export interface Subsidy {
  purchaseFen: number;
  scrapFen: number;
  totalFen: number;
  lines: SubsidyLine[];
}

/** A percentage cap of a price, rounded down to the fen, in integer arithmetic. */
export function percentOf(priceFen: number, percent: number): number {
  return Math.floor((priceFen * Math.round(percent * 100)) / 10_000);
}

/** The purchase part: the band's fixed amount (定额), cut to the per-machine ceiling and the % of price. */
export function purchasePart(band: PurchaseTerms, priceFen: number): { fen: number; note?: string } {
  const base = band.purchaseFen ?? 0;
  let fen = base;
  const notes: string[] = [];
  if (band.capFen !== null && band.capFen < fen) {
    fen = band.capFen;
    notes.push(`按单机补贴上限 ${band.capFen / 100} 元封顶`);
  }
  if (band.capPercent !== null) {
    const cap = percentOf(priceFen, band.capPercent);
    if (cap < fen) {
      fen = cap;
      notes.push(`不超过售价的 ${band.capPercent}%`);
    }
  }
  if (priceFen >= 0 && priceFen < fen) {
    // the subsidy never exceeds what the machine cost
    fen = priceFen;
    notes.push('不超过售价');
  }
  return notes.length ? { fen, note: notes.join('；') } : { fen };
}

/** The scrap part: scrap-and-replace amount when the owner also buys new (报废并更新), else scrap-only. */
export function scrapPart(band: ScrapTerms, replaced: boolean): number {
  if (replaced) return band.scrapReplaceFen ?? band.scrapFen ?? 0;
  return band.scrapFen ?? 0;
}

/**
 * The one subsidy computation the purchase form previews and the service stores, so they always agree.
 * `scrap` is the linked scrapped machine's band when the purchase renews one.
 */
export function computePurchaseSubsidy(band: PurchaseTerms, priceFen: number, scrap: ScrapTerms | null): Subsidy {
  const purchase = purchasePart(band, priceFen);
  const scrapFen = scrap ? scrapPart(scrap, true) : 0;
  const lines: SubsidyLine[] = [
    { kind: 'purchase', label: '购置补贴', fen: purchase.fen, ...(purchase.note ? { note: purchase.note } : {}) },
  ];
  if (scrap) lines.push({ kind: 'scrap', label: '报废更新补贴（报废并更新）', fen: scrapFen });
  return { purchaseFen: purchase.fen, scrapFen, totalFen: purchase.fen + scrapFen, lines };
}

/** A scrap-only application (报废不更新). */
export function computeScrapOnlySubsidy(scrap: ScrapTerms): Subsidy {
  const fen = scrapPart(scrap, false);
  return { purchaseFen: 0, scrapFen: fen, totalFen: fen, lines: [{ kind: 'scrap', label: '报废补贴', fen }] };
}
