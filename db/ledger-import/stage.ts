/**
 * Where a pass over a ledger keeps what it has classified: TEMP tables on the import's own connection,
 * so the JavaScript heap holds one chunk of rows at a time whatever the file's size. Each pass gets its
 * own tables (two passes may run at once) and drops them when it ends, done, failed or cancelled; TEMP
 * tables never reach the database file, so a cancelled or crashed job leaves nothing behind.
 *
 * - rows: every classified row in file order (its result for the dry run and the report; what it would
 *   create, as JSON, for the commit), read back in chunks;
 * - farmers: per ID number, the first name and row met (names that disagree) and the farmer the import
 *   would create (one per ID number), with the id given to it at commit;
 * - keys: the duplicate checks within the file (serial + buyer + date, machine numbers …), by space.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { LedgerOutcome, LedgerRowResult, LedgerTotals } from '../../shared/schemas/ledger-import';
import type { NewFarmer, RowPlan } from './classify';

/** The staged form of what a row creates: the farmer is referred to by ID number, not copied per row. */
export type StagedMade = { kind: 'purchase' | 'scrap'; plan: NonNullable<RowPlan['purchase'] | RowPlan['scrap']> };

export interface StagedRow {
  seq: number;
  outcome: LedgerOutcome;
  result: LedgerRowResult;
  made: StagedMade | null;
}

/** A set of keys met in this file, each with where it was first met. */
export interface SeenKeys {
  get(key: string): string | undefined;
  set(key: string, at: string): void;
}

let counter = 0;

export class LedgerStage {
  private readonly t: { rows: string; farmers: string; keys: string };
  private readonly stmt: Record<
    'insertRow' | 'getRow' | 'updateRow' | 'getFarmer' | 'insertName' | 'flagName' | 'insertNew' | 'getNew' | 'setFarmerId' | 'getKey' | 'setKey',
    Statement
  >;
  private seq = 0;
  private dropped = false;

  constructor(private readonly db: Database) {
    const n = `ledger_stage_${process.pid}_${++counter}`;
    this.t = { rows: `temp.${n}_rows`, farmers: `temp.${n}_farmers`, keys: `temp.${n}_keys` };
    db.exec(`
      CREATE TABLE ${this.t.rows} (seq INTEGER PRIMARY KEY, outcome TEXT NOT NULL, kind TEXT, result_json TEXT NOT NULL,
        made_json TEXT, farmer_key TEXT, subsidy_fen INTEGER);
      CREATE TABLE ${this.t.farmers} (id_number TEXT PRIMARY KEY, first_name TEXT NOT NULL, first_seq INTEGER NOT NULL,
        first_at TEXT NOT NULL, name_flagged INTEGER NOT NULL DEFAULT 0, new_json TEXT, farmer_id TEXT);
      CREATE TABLE ${this.t.keys} (space TEXT NOT NULL, key TEXT NOT NULL, at TEXT NOT NULL, PRIMARY KEY (space, key)) WITHOUT ROWID;
    `);
    const p = (sql: string) => db.prepare(sql);
    this.stmt = {
      insertRow: p(`INSERT INTO ${this.t.rows} VALUES (@seq, @outcome, @kind, @result_json, @made_json, @farmer_key, @subsidy_fen)`),
      getRow: p(`SELECT seq, outcome, result_json, made_json FROM ${this.t.rows} WHERE seq = ?`),
      updateRow: p(`UPDATE ${this.t.rows} SET outcome = @outcome, result_json = @result_json, made_json = @made_json WHERE seq = @seq`),
      getFarmer: p(`SELECT first_name, first_seq, first_at, name_flagged FROM ${this.t.farmers} WHERE id_number = ?`),
      insertName: p(`INSERT INTO ${this.t.farmers} (id_number, first_name, first_seq, first_at) VALUES (?, ?, ?, ?)`),
      flagName: p(`UPDATE ${this.t.farmers} SET name_flagged = 1 WHERE id_number = ?`),
      insertNew: p(`UPDATE ${this.t.farmers} SET new_json = ? WHERE id_number = ?`),
      getNew: p(`SELECT new_json, farmer_id FROM ${this.t.farmers} WHERE id_number = ? AND new_json IS NOT NULL`),
      setFarmerId: p(`UPDATE ${this.t.farmers} SET farmer_id = ? WHERE id_number = ?`),
      getKey: p(`SELECT at FROM ${this.t.keys} WHERE space = ? AND key = ?`).pluck(),
      setKey: p(`INSERT OR IGNORE INTO ${this.t.keys} VALUES (?, ?, ?)`),
    };
  }

  /** The sequence number the next staged row gets. */
  get nextSeq(): number {
    return this.seq + 1;
  }

  add(plan: RowPlan): void {
    const made: StagedMade | null = plan.purchase ? { kind: 'purchase', plan: plan.purchase } : plan.scrap ? { kind: 'scrap', plan: plan.scrap } : null;
    const farmer = made?.plan.farmer;
    this.stmt.insertRow.run({
      seq: ++this.seq,
      outcome: plan.result.outcome,
      kind: made?.kind ?? null,
      result_json: JSON.stringify(plan.result),
      made_json: made ? JSON.stringify(made) : null,
      farmer_key: farmer && 'created' in farmer ? farmer.created : null,
      subsidy_fen: made ? made.plan.subsidyFen : null,
    });
  }

  /** Rewrites a staged row (a later row changed what an earlier one needs). */
  update(seq: number, change: (row: StagedRow) => void): void {
    const raw = this.stmt.getRow.get(seq) as { seq: number; outcome: LedgerOutcome; result_json: string; made_json: string | null } | undefined;
    if (!raw) return;
    const row: StagedRow = {
      seq,
      outcome: raw.outcome,
      result: JSON.parse(raw.result_json) as LedgerRowResult,
      made: raw.made_json ? (JSON.parse(raw.made_json) as StagedMade) : null,
    };
    change(row);
    this.stmt.updateRow.run({ seq, outcome: row.result.outcome, result_json: JSON.stringify(row.result), made_json: row.made ? JSON.stringify(row.made) : null });
  }

  /** The first name and row met for an ID number in this file. */
  firstName(idNumber: string): { name: string; seq: number; at: string; flagged: boolean } | undefined {
    const r = this.stmt.getFarmer.get(idNumber) as { first_name: string; first_seq: number; first_at: string; name_flagged: number } | undefined;
    return r && { name: r.first_name, seq: r.first_seq, at: r.first_at, flagged: r.name_flagged === 1 };
  }

  rememberName(idNumber: string, name: string, seq: number, at: string): void {
    this.stmt.insertName.run(idNumber, name, seq, at);
  }

  flagName(idNumber: string): void {
    this.stmt.flagName.run(idNumber);
  }

  /** The farmer this import creates for an ID number (the row naming it was remembered first). */
  newFarmer(idNumber: string): (NewFarmer & { id?: string }) | undefined {
    const r = this.stmt.getNew.get(idNumber) as { new_json: string; farmer_id: string | null } | undefined;
    if (!r) return undefined;
    const f = JSON.parse(r.new_json) as NewFarmer;
    return r.farmer_id ? { ...f, id: r.farmer_id } : f;
  }

  addNewFarmer(f: NewFarmer): void {
    this.stmt.insertNew.run(JSON.stringify(f), f.idNumber);
  }

  /** At commit: the id the new farmer was written with. */
  setFarmerId(idNumber: string, id: string): void {
    this.stmt.setFarmerId.run(id, idNumber);
  }

  keys(space: string): SeenKeys {
    return {
      get: (key) => (this.stmt.getKey.get(space, key) as string | undefined) ?? undefined,
      set: (key, at) => void this.stmt.setKey.run(space, key, at),
    };
  }

  totals(): LedgerTotals {
    const t: LedgerTotals = { rows: 0, create: 0, present: 0, attention: 0, refused: 0, skipped: 0, newFarmers: 0, subsidyFen: 0 };
    for (const r of this.db.prepare(`SELECT outcome, count(*) AS n FROM ${this.t.rows} GROUP BY outcome`).all() as { outcome: LedgerOutcome; n: number }[]) {
      t[r.outcome] = r.n;
      t.rows += r.n;
    }
    const made = this.db
      .prepare(`SELECT coalesce(sum(subsidy_fen), 0) AS fen, count(DISTINCT farmer_key) AS farmers FROM ${this.t.rows} WHERE made_json IS NOT NULL`)
      .get() as { fen: number; farmers: number };
    t.subsidyFen = made.fen;
    t.newFarmers = made.farmers;
    return t;
  }

  /** Up to `limit` row results for the screen, rows needing a look first, then in file order. */
  listed(limit: number): LedgerRowResult[] {
    return (
      this.db
        .prepare(
          `SELECT result_json FROM (SELECT seq, result_json FROM ${this.t.rows}
             ORDER BY outcome NOT IN ('attention', 'refused'), seq LIMIT ?) ORDER BY seq`,
        )
        .pluck()
        .all(limit) as string[]
    ).map((j) => JSON.parse(j) as LedgerRowResult);
  }

  /** Row results in file order, `size` at a time (a report, the CLI's list), optionally of some outcomes only. */
  *results(size = 500, outcomes?: readonly LedgerOutcome[]): Generator<LedgerRowResult[]> {
    const only = outcomes ? `AND outcome IN (${outcomes.map((o) => `'${o}'`).join(', ')})` : '';
    const page = this.db.prepare(`SELECT seq, result_json FROM ${this.t.rows} WHERE seq > ? ${only} ORDER BY seq LIMIT ?`);
    for (let after = 0; ; ) {
      const rows = page.all(after, size) as { seq: number; result_json: string }[];
      if (!rows.length) return;
      after = rows[rows.length - 1]?.seq ?? after;
      yield rows.map((r) => JSON.parse(r.result_json) as LedgerRowResult);
    }
  }

  /** What the rows of one kind create, in file order, `size` at a time; rows needing attention only when included. */
  *made(kind: 'purchase' | 'scrap', includeAttention: boolean, size = 500): Generator<{ result: LedgerRowResult; made: StagedMade }[]> {
    const page = this.db.prepare(
      `SELECT seq, result_json, made_json FROM ${this.t.rows}
       WHERE seq > @after AND kind = @kind AND made_json IS NOT NULL AND (outcome <> 'attention' OR @include = 1) ORDER BY seq LIMIT @size`,
    );
    for (let after = 0; ; ) {
      const rows = page.all({ after, kind, include: includeAttention ? 1 : 0, size }) as { seq: number; result_json: string; made_json: string }[];
      if (!rows.length) return;
      after = rows[rows.length - 1]?.seq ?? after;
      yield rows.map((r) => ({ result: JSON.parse(r.result_json) as LedgerRowResult, made: JSON.parse(r.made_json) as StagedMade }));
    }
  }

  /** Writes the import batch's list of rows not imported (and imported with a flag): the JSON is built by SQLite. */
  writeNotImported(importId: string, includeAttention: boolean): void {
    this.db
      .prepare(
        `UPDATE ledger_imports SET rows_json = (SELECT coalesce(json_group_array(json_set(result_json, '$.imported',
           json(CASE WHEN made_json IS NOT NULL AND (outcome <> 'attention' OR @include = 1) THEN 'true' ELSE 'false' END))), '[]')
         FROM (SELECT result_json, made_json, outcome FROM ${this.t.rows} WHERE made_json IS NULL OR outcome = 'attention' ORDER BY seq))
         WHERE id = @id`,
      )
      .run({ include: includeAttention ? 1 : 0, id: importId });
  }

  /** How many rows were staged (all of the selected sheets' data rows). */
  count(): number {
    return this.db.prepare(`SELECT count(*) FROM ${this.t.rows}`).pluck().get() as number;
  }

  drop(): void {
    if (this.dropped) return;
    this.dropped = true;
    for (const t of Object.values(this.t)) this.db.exec(`DROP TABLE IF EXISTS ${t}`);
  }
}
