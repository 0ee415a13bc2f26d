import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { residentIdCheckChar } from '../../shared/domain/idcard';
import { TOWNSHIPS } from '../../shared/domain/townships';
import { openDatabase } from '../connection';
import { createContext } from '../context';
import { setAsideDerivedInserts } from '../transfer/bulk-derived';
import { setAsideIndexes } from '../transfer/bulk-indexes';
import { exportStationFile } from '../transfer/export';

export interface StationSize {
  farmers: number;
  scraps: number;
  purchases: number;
}

const ts = (day: number) => new Date(Date.UTC(2020, 0, 1) + day * 86_400_000).toISOString();
const date = (day: number) => ts(day).slice(0, 10);

function residentId(n: number): string {
  const birth = new Date(Date.UTC(1950, 0, 1) + (n % 18_000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  // birth day × sequence: distinct for the first 18 million n
  const first17 = `371525${birth}${String(Math.floor(n / 18_000) % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

/**
 * A township station's export file with realistic, fully valid rows (every column the import checks),
 * written with raw prepared inserts so a province's worth takes seconds, then exported the real way.
 */
export function generateStationFile(dir: string, index: number, size: StationSize): { path: string; rows: number } {
  const township = TOWNSHIPS[index % TOWNSHIPS.length]!;
  const live = join(dir, `station-${index}.db`);
  const db = openDatabase(live);
  db.pragma('synchronous = OFF');
  const stationId = randomUUID();
  const at = ts(0);
  db.prepare(
    `INSERT INTO installation (id, station_id, role, township_code, operator, created_at, updated_at, voucher_secret)
     VALUES (1, ?, 'station', ?, '站长', ?, ?, ?)`,
  ).run(stationId, township.code, at, at, randomBytes(32).toString('hex'));
  const farmer = db.prepare(
    `INSERT INTO farmers (id, station_id, kind, name, name_pinyin, name_initials, id_number, id_number_rev, birth_date, phone,
       township_code, village, created_at, updated_at) VALUES (?, ?, 'individual', ?, 'nonghu', 'nh', ?, ?, NULL, ?, ?, '东村', ?, ?)`,
  );
  const scrap = db.prepare(
    `INSERT INTO scraps (id, station_id, farmer_id, catalog_year, item, band_label, param_value, maker, model, engine_no, engine_no_norm,
       frame_no, frame_no_norm, eligibility, confirm_form_no, handover_date, dismantle_date, scrap_fen, scrap_replace_fen, status, status_at,
       created_at, updated_at)
     VALUES (?, ?, ?, 2025, '拖拉机', '50–80马力（含80）', 60, '示例农机厂', 'WZ-604', ?, ?, ?, ?, 'past_age', ?, ?, ?, 786000, 786000,
       'verified', ?, ?, ?)`,
  );
  const purchase = db.prepare(
    `INSERT INTO purchases (id, station_id, farmer_id, catalog_year, category, item, band_label, variant, param_value, maker, product_name,
       model, model_norm, factory_no, factory_no_norm, engine_no, engine_no_norm, invoice_no, invoice_date, price_fen, purchase_date,
       terminal_kind, purchase_fen, scrap_part_fen, total_fen, status, status_at, created_at, updated_at)
     VALUES (?, ?, ?, 2025, '农用动力机械', '轮式拖拉机', '70–80马力四驱', '四驱', 75, '示例农机公司', '轮式拖拉机', 'M754-A', 'M754A',
       ?, ?, ?, ?, ?, ?, 12000000, ?, ?, 790000, 0, 790000, ?, ?, ?, ?)`,
  );
  const farmerIds: string[] = [];
  db.transaction(() => {
    // as a county merge does (issue 16): plain indexes and derived rows built once after the rows, not row by row
    const restore = ['farmers', 'scraps', 'purchases'].flatMap((t) => [setAsideIndexes(db, t), setAsideDerivedInserts(db, t)]);
    for (let i = 0; i < size.farmers; i++) {
      const id = randomUUID();
      const idNumber = residentId(index * 1_000_003 + i);
      farmerIds.push(id);
      farmer.run(
        id,
        stationId,
        `农户${i}`,
        idNumber,
        [...idNumber].reverse().join(''),
        `13${String(i).padStart(9, '0')}`,
        township.code,
        at,
        at,
      );
    }
    for (let i = 0; i < size.scraps; i++) {
      const day = 1800 + (i % 365);
      const no = `S${index}-${i}`;
      scrap.run(
        randomUUID(),
        stationId,
        farmerIds[i % farmerIds.length],
        `E${no}`,
        `E${no}`.replace(/-/g, ''),
        `F${no}`,
        `F${no}`.replace(/-/g, ''),
        `BF-${no}`,
        date(day),
        date(day + 2),
        ts(day + 3),
        ts(day),
        ts(day + 3),
      );
    }
    for (let i = 0; i < size.purchases; i++) {
      const day = 1800 + (i % 700);
      const no = `P${index}-${i}`;
      const norm = no.replace(/-/g, '');
      purchase.run(
        randomUUID(),
        stationId,
        farmerIds[i % farmerIds.length],
        no,
        norm,
        `EN${no}`,
        `EN${norm}`,
        `INV${norm}`,
        date(day + 1),
        date(day),
        i % 3 ? 'none' : 'beidou',
        i % 5 ? 'verified' : 'paid',
        ts(day + 5),
        ts(day),
        ts(day + 5),
      );
    }
    for (const r of restore) r?.();
  })();
  const file = exportStationFile(
    createContext(db, live, () => new Date(Date.UTC(2026, 10, 1))),
    dir,
  );
  db.close();
  rmSync(live, { force: true });
  rmSync(`${live}-wal`, { force: true });
  rmSync(`${live}-shm`, { force: true });
  return { path: file.path, rows: size.farmers + size.scraps + size.purchases + 1 };
}
