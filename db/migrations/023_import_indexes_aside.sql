-- 023: the plain indexes a batch of station-file imports has set aside, and the stations whose conflicts it
-- has still to look for (issue 16). A batch now commits each file on its own (the rows of a file are copied
-- with one INSERT … SELECT from the file, attached to the county connection, and SQLite cannot attach a file
-- inside a transaction), while the county tables' plain indexes stay aside from the first large file until
-- the batch ends. Each index is noted here, with its stored CREATE statement, in the very transaction that
-- drops it; the end of the batch creates every noted index again and clears the notes in one transaction, and
-- opening the file does the same should a batch have been cut short (power cut, crash). Local to the
-- installation: never read from a station file.

-- step: 建立导入期间暂缓的索引记录表
CREATE TABLE import_indexes_aside (
  name   TEXT PRIMARY KEY,
  sql    TEXT NOT NULL,
  tbl    TEXT NOT NULL,
  set_at TEXT NOT NULL
) WITHOUT ROWID;

-- The stations whose files a batch merged and whose cross-station conflicts it has not yet looked for (that
-- needs the indexes back): noted in each file's transaction, looked for and cleared at the end of the batch,
-- or when the county file is next opened should the batch have been cut short.
-- step: 建立待查冲突的站点记录表
CREATE TABLE import_pending_conflicts (
  station_id TEXT PRIMARY KEY,
  noted_at   TEXT NOT NULL
) WITHOUT ROWID;
