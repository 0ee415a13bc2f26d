import { createHash } from 'node:crypto';
import { setUpInstallation } from '../support/setup';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { exportStationFile } from '../../db/transfer/export';
import type { Farmer } from '../../shared/schemas/farmers';
import type { Purchase } from '../../shared/schemas/purchases';
import type { Scrap } from '../../shared/schemas/scraps';
import { expectOk, farmerInput, steppingClock, tempCore, type TempCore } from './core';
import { ALL_PURCHASE_CHECKS, tractorPurchase, tractorScrap } from './counter';

/** A township station's file built through the real services (no hand-written rows). */
export async function stationWith(township: string, start: number, build: (core: TempCore) => Promise<void>): Promise<TempCore> {
  const core = tempCore({ now: steppingClock(start) });
  (await setUpInstallation(core, { role: 'station', townshipCode: township, name: '站长' }));
  await build(core);
  return core;
}

export function exportTo(core: TempCore, dir: string): string {
  return exportStationFile(core.ctx, dir).path;
}

export async function addFarmer(core: TempCore, n: number, patch: Record<string, unknown> = {}): Promise<Farmer> {
  const township = (core.db.prepare('SELECT township_code FROM installation').get() as { township_code: string }).township_code;
  return expectOk<Farmer>(await core.call('farmers.create', farmerInput(n, { townshipCode: township as never, ...patch })));
}

export async function addVerifiedPurchase(core: TempCore, farmerId: string, patch: Record<string, unknown> = {}): Promise<Purchase> {
  const p = expectOk<Purchase>(await core.call('purchases.create', tractorPurchase(farmerId, patch)));
  expectOk(await core.call('applications.transition', { kind: 'purchase', ids: [p.id], to: 'accepted' }));
  expectOk(await core.call('applications.transition', { kind: 'purchase', ids: [p.id], to: 'verified', checks: ALL_PURCHASE_CHECKS }));
  return p;
}

export async function addScrap(core: TempCore, farmerId: string, patch: Record<string, unknown> = {}): Promise<Scrap> {
  return expectOk<Scrap>(await core.call('scraps.create', tractorScrap(farmerId, patch)));
}

/** Hash of a database file and its -wal, for "byte-for-byte unchanged". */
export function fileState(dbPath: string): string {
  const hash = createHash('sha256');
  for (const p of [dbPath, `${dbPath}-wal`]) if (existsSync(p)) hash.update(readFileSync(p));
  return hash.digest('hex');
}

/** Every row a station sent (not the county's own), keyed and sorted, for comparing two county files' contents. */
export function contents(dbPath: string, tables: string[]): string {
  const db = new Database(dbPath, { readonly: true });
  try {
    const own = 'SELECT station_id FROM installation';
    return JSON.stringify(tables.map((t) => db.prepare(`SELECT * FROM ${t} WHERE station_id NOT IN (${own}) ORDER BY id`).all()));
  } finally {
    db.close();
  }
}

export const countyPath = (core: TempCore) => join(core.dir, 'agri.db');
