/**
 * Today's catalogue calculation for an imported purchase or scrap: the band it falls in (by 分档 when the ledger
 * names one, else the item's only band) and what the catalogue in force for its year would pay. The
 * ledger's own amount is kept either way (it was decided under the rules then); a difference is flagged.
 */
import { formatFen } from '../../shared/domain/money';
import { computePurchaseSubsidy, scrapPart } from '../../shared/domain/subsidy';
import type { CatalogBand } from '../../shared/schemas/catalog';
import type { ServiceContext } from '../context';
import * as catalogRepo from '../repositories/catalog';
import { toBand } from '../services/catalog';
import { headerKey } from './fields';

export interface CatalogCheck {
  band: CatalogBand | null;
  catalogYear: number | null;
  /** What today's catalogue pays, fen; null when no band was found. */
  catalogFen: number | null;
  /** Why it needs attention (no band, different amount). */
  flag?: string;
}

export class CatalogChecker {
  private readonly versions = new Map<number, { id: string; year: number } | null>();
  private readonly items = new Map<string, CatalogBand[]>();

  constructor(private readonly ctx: ServiceContext) {}

  private version(year: number) {
    if (!this.versions.has(year)) {
      const v = catalogRepo.getVersionInForce(this.ctx.db, year);
      this.versions.set(year, v ? { id: v.id, year: v.year } : null);
    }
    return this.versions.get(year) ?? null;
  }

  private bands(versionId: string, item: string): CatalogBand[] {
    const key = `${versionId}\u0001${item}`;
    let list = this.items.get(key);
    if (!list) {
      list = catalogRepo.bandsOfItem(this.ctx.db, versionId, item).map(toBand);
      this.items.set(key, list);
    }
    return list;
  }

  /** The band a ledger row falls in: by 分档 when named, else the item's only band paying this kind of subsidy. */
  private band(
    m: { date: string; item: string; bandLabel: string },
    pays: (b: CatalogBand) => boolean,
  ): { band: CatalogBand; catalogYear: number } | Omit<CatalogCheck, 'band'> & { band: null } {
    const year = Number(m.date.slice(0, 4));
    const version = this.version(year);
    if (!version) return { band: null, catalogYear: null, catalogFen: null, flag: `没有 ${year} 年或更早的补贴额一览表，未能核对补贴额` };
    const candidates = this.bands(version.id, m.item).filter(pays);
    if (!candidates.length) {
      return { band: null, catalogYear: version.year, catalogFen: null, flag: `${version.year}年补贴额一览表中没有“${m.item}”，未能核对补贴额` };
    }
    const wanted = m.bandLabel ? headerKey(m.bandLabel) : '';
    const band = wanted
      ? candidates.find((b) => headerKey(b.bandLabel) === wanted)
      : candidates.length === 1
        ? candidates[0]
        : undefined;
    if (!band) {
      const why = m.bandLabel ? `“${m.item}”没有名为“${m.bandLabel}”的分档` : `“${m.item}”有 ${candidates.length} 个分档，台账未注明分档`;
      return { band: null, catalogYear: version.year, catalogFen: null, flag: `${why}，未能核对补贴额` };
    }
    return { band, catalogYear: version.year };
  }

  check(m: { date: string; item: string; bandLabel: string; priceFen: number; ledgerFen: number }): CatalogCheck {
    const found = this.band(m, (b) => b.purchaseFen !== null);
    if (!found.band) return found;
    const { band, catalogYear } = found;
    const fen = computePurchaseSubsidy(band, m.priceFen, null).purchaseFen;
    const flag =
      fen === m.ledgerFen
        ? undefined
        : `台账补贴额 ${formatFen(m.ledgerFen)} 元与${catalogYear}年补贴额一览表计算的 ${formatFen(fen)} 元不同（按台账金额导入）`;
    return { band, catalogYear, catalogFen: fen, flag };
  }

  /**
   * A scrapping-ledger row: the ledger does not say whether the owner also bought a new machine, so its
   * amount is compared with both of the band's amounts (报废不更新 / 报废并更新); equal to either is no flag.
   * `catalogFen` is the scrap-only amount, or the scrap-and-replace one when that is what the ledger paid.
   */
  checkScrap(m: { date: string; item: string; bandLabel: string; ledgerFen: number }): CatalogCheck {
    const found = this.band(m, (b) => b.scrapFen !== null || b.scrapReplaceFen !== null);
    if (!found.band) return found;
    const { band, catalogYear } = found;
    const only = scrapPart(band, false);
    const replaced = scrapPart(band, true);
    if (m.ledgerFen === only || m.ledgerFen === replaced) return { band, catalogYear, catalogFen: m.ledgerFen };
    const amounts =
      replaced === only ? ` ${formatFen(only)} 元` : `报废不更新 ${formatFen(only)} 元、报废并更新 ${formatFen(replaced)} 元`;
    return {
      band,
      catalogYear,
      catalogFen: only,
      flag: `台账报废补贴额 ${formatFen(m.ledgerFen)} 元与${catalogYear}年补贴额一览表“${band.item} ${band.bandLabel}”的${amounts}不同（按台账金额导入）`,
    };
  }
}
