import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobStatus } from '../../shared/schemas/jobs';
import type { LedgerCommitResult, LedgerPreview } from '../../shared/schemas/ledger-import';
import { farmerId, farmerName } from '../fixtures/ledger-xlsx';
import { expectOk, stationCore, steppingClock, type TempCore } from '../support/core';

let core: TempCore;
beforeEach(async () => {
  core = await stationCore({ now: steppingClock(Date.UTC(2026, 0, 10, 8)) });
});
afterEach(() => core.dispose());

async function run<T>(method: string, fileName: string, bytes: Buffer): Promise<T> {
  const started = expectOk<JobStatus>(await core.call(method, { fileName, base64: bytes.toString('base64') }));
  const done = await core.ctx.jobs.wait(started.id);
  if (done.state !== 'done') expect.fail(`job ${done.state}: ${JSON.stringify(done.error)}`);
  return done.result as T;
}

const HEADERS = [
  '序号',
  '姓名',
  '身份证号',
  '联系电话',
  '乡镇',
  '村',
  '机具品目',
  '生产厂家',
  '型号',
  '出厂编号',
  '购机日期',
  '销售价格',
  '补贴金额',
  '状态',
];

async function ledger(rows: (string | number)[][], sheetName = '2025年'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('ledger rows longer than a record may hold', () => {
  it('are refused with the field and its length, never cut to fit; the rows that fit import', async () => {
    const longSerial = `SN${'7'.repeat(45)}`;
    const longModel = `M804-${'加长型号'.repeat(15)}`;
    const bytes = await ledger([
      [
        1,
        farmerName(61),
        farmerId(61),
        '13806356101'.slice(0, 11),
        '柳林镇',
        '南柳林村',
        '轮式拖拉机',
        '潍柴雷沃',
        'M804-E',
        longSerial,
        '2025-03-05',
        98000,
        7900,
        '已兑付',
      ],
      [
        2,
        farmerName(62),
        farmerId(62),
        '13806356201'.slice(0, 11),
        '柳林镇',
        '南柳林村',
        '轮式拖拉机',
        '潍柴雷沃',
        longModel,
        'SN-FITS-62',
        '2025-03-06',
        98000,
        7900,
        '已兑付',
      ],
      [
        3,
        farmerName(63),
        farmerId(63),
        '13806356301'.slice(0, 11),
        '柳林镇',
        '南柳林村',
        '轮式拖拉机',
        '潍柴雷沃',
        'M804-E',
        'SN-FITS-63',
        '2025-03-07',
        98000,
        7900,
        '已兑付',
      ],
    ]);
    const p = await run<LedgerPreview>('ledgerImports.preview', '长度.xlsx', bytes);
    const byRow = new Map(p.rows.map((r) => [r.row, r]));
    expect(byRow.get(2)?.outcome).toBe('refused');
    expect(byRow.get(2)?.reasons.join()).toContain(`出厂编号过长（${longSerial.length} 个字符，最多 40 个）`);
    expect(byRow.get(3)?.outcome).toBe('refused');
    expect(byRow.get(3)?.reasons.join()).toContain(`型号过长（${Array.from(longModel).length} 个字符，最多 60 个）`);
    expect(byRow.get(4)?.outcome, JSON.stringify(byRow.get(4)?.reasons)).not.toBe('refused');
    const done = await run<LedgerCommitResult>('ledgerImports.commit', '长度.xlsx', bytes);
    expect(done.purchasesAdded).toBe(1);
    expect(core.db.prepare('SELECT count(*) FROM purchases WHERE length(model) > 60 OR length(factory_no) > 40').pluck().get()).toBe(0);
  });
});

/** The preview of a hostile workbook: its job ends failed with a Chinese refusal, or lists file errors. */
async function refusal(fileName: string, bytes: Buffer): Promise<string> {
  const started = expectOk<JobStatus>(await core.call('ledgerImports.preview', { fileName, base64: bytes.toString('base64') }));
  const done = await core.ctx.jobs.wait(started.id);
  if (done.state === 'done') return (done.result as LedgerPreview).fileErrors.join('；');
  return done.error?.message ?? '';
}

describe('a hostile workbook', () => {
  it('whose worksheet unpacks into megabytes of text without markup is refused, not held in memory', async () => {
    const zip = await JSZip.loadAsync(await ledger([]));
    const sheet = Object.keys(zip.files).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)) ?? '';
    zip.file(sheet, `<worksheet><sheetData>${'A'.repeat(6 * 1024 * 1024)}</sheetData></worksheet>`);
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bytes.length).toBeLessThan(100_000); // a small file that unpacks big
    expect(await refusal('炸弹.xlsx', bytes)).toMatch(/已损坏|无法读取/);
  });

  it('whose worksheet unpacks to more than the archive declares is refused', async () => {
    const bytes = await ledger([[1, '张三', '370000000000000000', '', '', '', '轮式拖拉机', '潍柴', 'M', 'SN-1', '2025-03-05', 1, 1, '']]);
    // the central directory entry of the worksheet: declare 100 bytes unpacked
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    let at = bytes.indexOf(Buffer.concat([Buffer.from([0x50, 0x4b, 0x01, 0x02])]));
    while (at >= 0 && !bytes.subarray(at + 46, at + 46 + name.length).equals(name))
      at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4);
    expect(at).toBeGreaterThan(0);
    bytes.writeUInt32LE(100, at + 24);
    expect(await refusal('谎报.xlsx', bytes)).toMatch(/已损坏|无法读取/);
  });
});

describe('a sheet named after the scrapping-renewal programme', () => {
  it('is read as a purchase ledger when its columns are a purchase ledger’s', async () => {
    const bytes = await ledger(
      [
        [
          1,
          farmerName(64),
          farmerId(64),
          '13806356401',
          '柳林镇',
          '南柳林村',
          '轮式拖拉机',
          '潍柴雷沃',
          'M804-E',
          'SN-KIND-64',
          '2025-03-05',
          98000,
          7900,
          '已兑付',
        ],
      ],
      '农机报废更新补贴台账',
    );
    const p = await run<LedgerPreview>('ledgerImports.preview', '报废更新.xlsx', bytes);
    expect(p.sheets.map((s) => [s.name, s.kind])).toEqual([['农机报废更新补贴台账', 'purchase']]);
    expect(p.rows.find((r) => r.row === 2)?.outcome).not.toBe('refused');
  });
});
