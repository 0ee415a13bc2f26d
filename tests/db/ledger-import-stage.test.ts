/**
 * The ledger import keeps its classified rows in SQLite (TEMP tables on the import's connection), not in
 * the JavaScript heap: the stage holds every data row of the file when the commit writes, the dry run
 * lists a bounded number of rows, the commit still writes exactly what the dry run said, and nothing of
 * the stage is left behind after a preview, a commit or a cancel.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobHandle } from '../../db/jobs/registry';
import { commitLedger, previewLedger } from '../../db/ledger-import/service';
import type { LedgerRowResult } from '../../shared/schemas/ledger-import';
import { buildLedger, liulinSheets } from '../fixtures/ledger-xlsx';
import { stationCore, steppingClock, type TempCore } from '../support/core';

let core: TempCore;
beforeEach(async () => {
  core = await stationCore({ now: steppingClock(Date.UTC(2026, 0, 10, 8)) });
});
afterEach(() => core.dispose());

/** The stage tables that exist on the connection now. */
const stageTables = () =>
  core.db.prepare("SELECT name FROM sqlite_temp_master WHERE type = 'table' AND name LIKE 'ledger_stage_%'").pluck().all() as string[];
const stagedRows = () => {
  const rows = stageTables().filter((t) => t.endsWith('_rows'));
  expect(rows).toHaveLength(1);
  return core.db.prepare(`SELECT count(*) FROM temp."${rows[0]}"`).pluck().get() as number;
};

function jobSpy(onProgress: (phase: string) => void, cancelAtTick = Infinity): JobHandle {
  let ticks = 0;
  return {
    signal: new AbortController().signal,
    progress: (_done, _total, phase) => onProgress(phase ?? ''),
    throwIfCancelled: () => undefined,
    tick: async () => {
      if (++ticks >= cancelAtTick) throw new Error('cancelled');
      await new Promise((r) => setImmediate(r));
    },
  };
}

describe('ledger import: rows staged in SQLite', () => {
  it('stages every data row, lists a bounded few, and the commit writes exactly what the dry run said', async () => {
    const ledger = await buildLedger('柳林镇2025年台账.xlsx', 'A', liulinSheets());
    const fileRows = ledger.expected.length + ledger.subtotals.length;
    const input = { fileName: ledger.fileName, bytes: ledger.bytes };

    let stagedAtEnd = -1;
    const full = await previewLedger(core.ctx, input, jobSpy((phase) => {
      if (phase.startsWith('已读完')) stagedAtEnd = stagedRows();
    }));
    expect(stagedAtEnd).toBe(fileRows);
    expect(full.totals.rows).toBe(fileRows);
    expect([full.rows.length, full.rowsOmitted]).toEqual([fileRows, 0]);
    expect(stageTables()).toEqual([]);

    // a dry run lists at most so many rows, the ones needing a look first, in file order; the totals count all
    const few = await previewLedger(core.ctx, { ...input, listed: 3 });
    const problems = full.rows.filter((r) => r.outcome === 'attention' || r.outcome === 'refused');
    expect(problems.length).toBeGreaterThan(3);
    expect(few.rows).toEqual(problems.slice(0, 3));
    expect(few.rowsOmitted).toBe(fileRows - 3);
    expect(few.totals).toEqual(full.totals);

    let stagedAtWrite = -1;
    const done = await commitLedger(core.ctx, { ...input, includeAttention: true }, jobSpy((phase) => {
      if (phase.startsWith('正在写入')) stagedAtWrite = stagedRows();
    }));
    expect(stagedAtWrite).toBe(fileRows);
    expect(stageTables()).toEqual([]);
    // the dry run and the commit agree exactly
    expect(done.rows).toEqual(full.rows);
    expect(done.totals).toEqual(full.totals);
    const n = (sql: string) => core.db.prepare(sql).pluck().get() as number;
    expect(n('SELECT count(*) FROM purchases')).toBe(full.totals.create + full.totals.attention);
    expect(n('SELECT count(*) FROM farmers')).toBe(full.totals.newFarmers);
    // the batch lists every row not simply created, as the dry run said (rows_json is built by SQLite from the stage)
    const listed = JSON.parse(n('SELECT rows_json FROM ledger_imports') as unknown as string) as (LedgerRowResult & { imported: boolean })[];
    expect(listed.map(({ imported: _i, ...r }) => r)).toEqual(full.rows.filter((r) => r.outcome !== 'create'));
    expect(listed.filter((r) => r.imported).map((r) => r.outcome)).toEqual(listed.filter((r) => r.outcome === 'attention').map(() => 'attention'));
    // the first row of an ID written with two names is told too (an earlier staged row rewritten by a later one)
    const firstOfTwoNames = full.rows.find((r) => r.reasons.some((x) => /身份证号相同但姓名不同：“.+”第 \d+ 行为/.test(x)) && r.outcome === 'attention');
    expect(firstOfTwoNames).toBeDefined();
    const flags = core.db
      .prepare('SELECT flags_json FROM ledger_records WHERE sheet = ? AND row_number = ? AND entity = ?')
      .pluck()
      .get(firstOfTwoNames?.sheet, firstOfTwoNames?.row, 'purchase') as string;
    expect(JSON.parse(flags)).toEqual(firstOfTwoNames?.reasons);
  });

  it('a cancelled commit leaves neither records nor staged rows', async () => {
    const ledger = await buildLedger('柳林镇2025年台账.xlsx', 'A', liulinSheets());
    const input = { fileName: ledger.fileName, bytes: ledger.bytes, includeAttention: true };
    // the first tick of this small file is the one just before the write
    await expect(commitLedger(core.ctx, input, jobSpy(() => undefined, 1))).rejects.toThrow('cancelled');
    expect(stageTables()).toEqual([]);
    const n = (t: string) => core.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
    expect([n('purchases'), n('farmers'), n('ledger_imports'), n('ledger_records')]).toEqual([0, 0, 0, 0]);
  });
});
