/**
 * Scrapping-ledger amounts against today's catalogue: the ledger's amount is what is recorded (decided
 * under the rules then); where it is neither the band's scrap-only nor its scrap-and-replace amount the
 * row needs attention, with both amounts named. A band that cannot be found is said, not flagged.
 * The workbook is generated here; the expected amounts come from the sample catalogue's table (DOMAIN §3).
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobStatus } from '../../shared/schemas/jobs';
import type { LedgerCommitResult, LedgerPreview } from '../../shared/schemas/ledger-import';
import { farmerId, farmerName } from '../fixtures/ledger-xlsx';
import { expectOk, stationCore, steppingClock, type TempCore } from '../support/core';
import { mobile } from '../support/ids';

let core: TempCore;
beforeEach(async () => {
  core = await stationCore({ now: steppingClock(Date.UTC(2026, 0, 10, 8)) });
});
afterEach(() => core.dispose());

interface Row {
  item: string;
  band: string;
  yuan: number;
  frame: string;
}
/** Sample catalogue (2025): 拖拉机 20–50马力 pays 3,850 (no scrap-and-replace amount); 播种机 6–11行 1,200 / 1,800. */
const ROWS: Row[] = [
  { item: '拖拉机', band: '20–50马力（含20、50）', yuan: 3_850, frame: 'TL001' },
  { item: '拖拉机', band: '20–50马力（含20、50）', yuan: 3_500, frame: 'TL002' },
  { item: '播种机', band: '6–11行', yuan: 1_800, frame: 'BZ003' },
  { item: '播种机', band: '6–11行', yuan: 1_500, frame: 'BZ004' },
  { item: '拖拉机', band: '', yuan: 3_850, frame: 'TL005' },
];

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('报废');
  ws.addRow(['冠县2025年农机报废更新补贴台账']);
  ws.addRow(['机主姓名', '身份证号', '联系电话', '村', '报废机具', '分档', '号牌', '机架号', '回收日期', '报废补贴额', '状态']);
  ROWS.forEach((r, i) => {
    const k = 60 + i;
    ws.addRow([farmerName(k), farmerId(k), mobile(k), '南柳林村', r.item, r.band || null, `鲁15-6000${i}`, r.frame, '2025-04-0' + (i + 1), r.yuan, '已兑付']);
  });
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function run<T>(method: string, bytes: Buffer): Promise<T> {
  const started = expectOk<JobStatus>(await core.call(method, { fileName: '报废台账.xlsx', base64: bytes.toString('base64') }));
  const done = await core.ctx.jobs.wait(started.id);
  if (done.state !== 'done') expect.fail(`job ${done.state}: ${JSON.stringify(done.error)}`);
  return done.result as T;
}

describe('scrapping ledgers: amounts against the catalogue', () => {
  it('flags an amount that is neither catalogue amount, naming both, and records the ledger amount', async () => {
    const bytes = await workbook();
    const p = await run<LedgerPreview>('ledgerImports.preview', bytes);
    expect(p.fileErrors).toEqual([]);
    const byFrame = (f: string) => p.rows.find((r) => r.factoryNo === f);
    expect(byFrame('TL001')).toMatchObject({ outcome: 'create', reasons: [] });
    expect(byFrame('BZ003')).toMatchObject({ outcome: 'create', reasons: [] });
    expect(byFrame('TL002')?.outcome).toBe('attention');
    expect(byFrame('TL002')?.reasons).toEqual(['台账报废补贴额 3,500.00 元与2025年补贴额一览表“拖拉机 20–50马力（含20、50）”的 3,850.00 元不同（按台账金额导入）']);
    expect(byFrame('BZ004')?.outcome).toBe('attention');
    expect(byFrame('BZ004')?.reasons.join()).toMatch(/台账报废补贴额 1,500\.00 元.*报废不更新 1,200\.00 元、报废并更新 1,800\.00 元不同/);
    // no 分档 for an item with seven bands: said in the notes, not flagged
    expect(byFrame('TL005')).toMatchObject({ outcome: 'create', reasons: [] });
    expect(byFrame('TL005')?.notes.join()).toMatch(/“拖拉机”有 7 个分档，台账未注明分档，未能核对补贴额/);

    const done = await run<LedgerCommitResult>('ledgerImports.commit', bytes);
    expect(done.rows).toEqual(p.rows);
    expect(done.scrapsAdded).toBe(ROWS.length);
    const rec = (frame: string) =>
      core.db
        .prepare(
          `SELECT s.scrap_fen, s.catalog_band_id, s.band_label, r.ledger_subsidy_fen, r.catalog_fen, r.flags_json
           FROM scraps s JOIN ledger_records r ON r.entity_id = s.id WHERE s.frame_no = ?`,
        )
        .get(frame) as { scrap_fen: number; catalog_band_id: string | null; band_label: string; ledger_subsidy_fen: number; catalog_fen: number | null; flags_json: string | null };
    // the recorded amount is the ledger's, never the catalogue's
    expect(rec('TL002')).toMatchObject({ scrap_fen: 350_000, ledger_subsidy_fen: 350_000, catalog_fen: 385_000, band_label: '20–50马力（含20、50）' });
    expect(rec('TL002').catalog_band_id).not.toBeNull();
    expect(JSON.parse(rec('TL002').flags_json ?? '[]')).toEqual(byFrame('TL002')?.reasons);
    expect(rec('BZ003')).toMatchObject({ scrap_fen: 180_000, catalog_fen: 180_000, flags_json: null });
    expect(rec('BZ004')).toMatchObject({ scrap_fen: 150_000, catalog_fen: 120_000 });
    expect(rec('TL005')).toMatchObject({ scrap_fen: 385_000, catalog_fen: null, catalog_band_id: null, band_label: '台账未注明分档' });
  });
});
