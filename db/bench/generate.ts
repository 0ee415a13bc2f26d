import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { openCore } from '../app';
import type { Migration } from '../migrate';
import { TOWNSHIPS } from '../../shared/domain/townships';
import { later, nameMaker, phoneFor, timeOn } from './names';
import { rowWriter, seededRandom } from './rows';

/** The county administrator the generator sets up (the scale bench signs in with it). */
export const BENCH_LOGIN = { login: 'bench', password: 'Jizhun-2025!' };

export interface GenerateOptions {
  file: string;
  /** Purchases to write (renewals included); scraps are about an eighth of that, farmers a third. */
  purchases: number;
  firstYear: number;
  lastYear: number;
  /** The last date records may carry (today). */
  lastDate: string;
  seed?: number;
  /** Share of buyers in Guan County's 18 townships; the rest are elsewhere in the province. */
  countyShare?: number;
  /** Migrations to set the file up with (default: all); the scale bench builds a file one version back. */
  migrations?: Migration[];
}

export interface GeneratedFile {
  farmers: number;
  scraps: number;
  purchases: number;
  seconds: number;
}

const ITEMS = [
  '轮式拖拉机',
  '旋耕机',
  '播种机',
  '谷物联合收割机',
  '玉米收获机',
  '植保无人驾驶航空器',
  '深松机',
  '喷杆喷雾机',
  '秸秆粉碎还田机',
  '谷物烘干机',
];
const SCRAP_ITEMS = ['拖拉机', '播种机', '联合收割机', '机动喷雾(粉)机', '铡草机'];
/** Status mix of a province's records over ten years: most paid, some open, some returned or voided. */
const STATUS_MIX: [string, number][] = [
  ['paid', 0.78],
  ['published', 0.03],
  ['verified', 0.04],
  ['accepted', 0.02],
  ['registered', 0.02],
  ['returned', 0.04],
  ['voided', 0.07],
];
/** Township codes of other counties of the province (3715xx…), for buyers outside Guan County. */
const OTHER_TOWNSHIPS = Array.from(
  { length: 160 },
  (_, i) => `3715${String(21 + (i % 8)).padStart(2, '0')}${String(100 + i).padStart(3, '0')}`,
);

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)] as T;
}

function pickStatus(rnd: () => number): string {
  let x = rnd();
  for (const [status, p] of STATUS_MIX) {
    if ((x -= p) < 0) return status;
  }
  return 'paid';
}

/** Drops the indexes of the big tables and gives back their SQL: a bulk load is faster with indexes built once afterwards. */
function dropIndexes(db: Database.Database): string[] {
  const rows = db
    .prepare(
      "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('farmers', 'scraps', 'purchases')",
    )
    .all() as { name: string; sql: string }[];
  for (const r of rows) db.exec(`DROP INDEX "${r.name}"`);
  return rows.map((r) => r.sql);
}

/**
 * A county file holding ten years of the whole province's records: a set-up county installation (through
 * the app), then raw inserts in one transaction with the indexes rebuilt at the end. The schema is exactly
 * the migrated one; no ANALYZE is run, as in the field.
 */
export async function generateCountyFile(o: GenerateOptions): Promise<GeneratedFile> {
  const started = performance.now();
  const core = openCore(o.file, { log: () => undefined, ...(o.migrations ? { migrations: o.migrations } : {}) });
  const setup = await core.call('settings.setup', { role: 'county', ...BENCH_LOGIN, displayName: '基准测试' });
  if (!setup.ok) throw new Error(setup.error.message);
  const stationId = setup.data.settings.configured ? setup.data.settings.stationId : '';
  core.close();

  const db = new Database(o.file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1000000');
  db.pragma('temp_store = MEMORY');
  const indexes = dropIndexes(db);
  const w = rowWriter(db);
  const rnd = seededRandom(o.seed ?? 20_240_530);
  const countyShare = o.countyShare ?? 0.8;
  const years = o.lastYear - o.firstYear + 1;
  const farmers: { id: string; townshipCode: string }[] = [];
  const counts = { farmers: Math.ceil(o.purchases / 3), scraps: 0, purchases: 0 };
  const last = timeOn(o.lastDate, () => 0.999);
  const nextName = nameMaker(rnd);
  const dateIn = (year: number): string => {
    const day = Math.floor(rnd() * 365);
    const d = new Date(Date.UTC(year, 0, 1 + day)).toISOString().slice(0, 10);
    return d > o.lastDate ? o.lastDate : d;
  };

  db.transaction(() => {
    for (let i = 0; i < counts.farmers; i++) {
      const id = randomUUID();
      const townshipCode = rnd() < countyShare ? pick(rnd, TOWNSHIPS).code : pick(rnd, OTHER_TOWNSHIPS);
      const at = timeOn(dateIn(o.firstYear + Math.floor(rnd() * years)), rnd);
      const name = nextName();
      const idNumber = `3715251980${String(i).padStart(8, '0')}`;
      w.farmer({ id, stationId, townshipCode, ...name, idNumber, phone: phoneFor(i, rnd), at });
      farmers.push({ id, townshipCode });
    }
    while (counts.purchases < o.purchases) {
      const year = o.firstYear + Math.floor(rnd() * years);
      const buyer = pick(rnd, farmers);
      const farmerId = buyer.id;
      // a loader copies the buyer's township as the triggers would (checked after the load)
      const buyerTownshipCode = buyer.townshipCode;
      const status = pickStatus(rnd);
      const purchaseDate = dateIn(year);
      // entered at the counter on the day of purchase, last changed by review weeks later (paid: months)
      const at = timeOn(purchaseDate, rnd);
      const updatedAt = status === 'registered' ? at : later(at, 1 + Math.floor(rnd() * (status === 'paid' ? 120 : 40)), last);
      const purchase = {
        id: randomUUID(),
        stationId,
        farmerId,
        item: pick(rnd, ITEMS),
        purchaseDate,
        terminalKind: (rnd() < 0.3 ? 'beidou' : rnd() < 0.15 ? 'monitor' : 'none') as 'none' | 'beidou' | 'monitor',
        purchaseFen: 100_000 * (1 + Math.floor(rnd() * 150)),
        scrapPartFen: 0,
        scrapId: null as string | null,
        status,
        at,
        updatedAt,
        buyerTownshipCode,
      };
      // about one purchase in eight comes with a scrapped machine: half renewed by it, half scrapped only
      if (rnd() < 0.125) {
        const scrap = {
          id: randomUUID(),
          stationId,
          farmerId,
          item: pick(rnd, SCRAP_ITEMS),
          handoverDate: status === 'registered' ? null : purchase.purchaseDate,
          scrapFen: 100_000 * (1 + Math.floor(rnd() * 100)),
          status,
          at,
          updatedAt,
          buyerTownshipCode,
        };
        w.scrap(scrap);
        counts.scraps++;
        if (rnd() < 0.5) {
          purchase.scrapId = scrap.id;
          purchase.scrapPartFen = scrap.scrapFen;
        }
      }
      w.purchase(purchase);
      counts.purchases++;
    }
  })();
  for (const sql of indexes) db.exec(sql);
  const drift = db
    .prepare('SELECT count(*) FROM purchases p JOIN farmers f ON f.id = p.farmer_id WHERE p.buyer_township_code IS NOT f.township_code')
    .pluck()
    .get() as number;
  if (drift > 0) throw new Error(`${drift} purchases carry a township other than their buyer's`);
  db.pragma('journal_mode = WAL');
  db.close();
  return { ...counts, seconds: (performance.now() - started) / 1000 };
}
