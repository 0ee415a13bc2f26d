import Database from 'better-sqlite3';
import { APPLICATION_ID } from '../connection';
import { loadMigrations, migrate } from '../migrate';
import { MANIFEST_DDL } from './manifest';
import { PHOTO_DDL, PHOTO_TABLE } from './photos';

export interface SchemaObject {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

const cache = new Map<number, Map<string, SchemaObject>>();

const squash = (sql: string | null) => (sql === null ? null : sql.replace(/\s+/g, ' ').trim());

export function readSchema(db: Database.Database): SchemaObject[] {
  return (db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name').all() as SchemaObject[]).map((o) => ({
    ...o,
    sql: squash(o.sql),
  }));
}

/** Exactly the objects a station export of schema version `version` holds: our migrations plus the manifest. */
export function expectedSchema(version: number): Map<string, SchemaObject> {
  const hit = cache.get(version);
  if (hit) return hit;
  const db = new Database(':memory:');
  try {
    db.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(
      db,
      loadMigrations().filter((m) => m.version <= version),
    );
    db.exec(MANIFEST_DDL);
    db.exec(PHOTO_DDL);
    const objects = new Map(readSchema(db).map((o) => [o.name, o]));
    cache.set(version, objects);
    return objects;
  } finally {
    db.close();
  }
}

const OPTIONAL = new Set([PHOTO_TABLE, `sqlite_autoindex_${PHOTO_TABLE}_1`]);

/** What differs between a file's schema and the expected one, in Chinese, or [] when they match exactly. */
export function schemaDifferences(actual: SchemaObject[], expected: Map<string, SchemaObject>): string[] {
  const kinds: Record<string, string> = { table: '表', index: '索引', trigger: '触发器', view: '视图' };
  const out: string[] = [];
  const seen = new Set<string>();
  for (const o of actual) {
    seen.add(o.name);
    const want = expected.get(o.name);
    if (!want) out.push(`多出的${kinds[o.type] ?? o.type}“${o.name}”`);
    else if (want.type !== o.type) out.push(`“${o.name}”应为${kinds[want.type]}，实为${kinds[o.type] ?? o.type}`);
    else if (want.sql !== o.sql || want.tbl_name !== o.tbl_name) out.push(`${kinds[o.type] ?? o.type}“${o.name}”的定义与本软件不一致`);
  }
  // files before format 3 have no photo table (the signed manifest says which format a file is)
  for (const name of expected.keys()) if (!seen.has(name) && !OPTIONAL.has(name)) out.push(`缺少“${name}”`);
  return out;
}
