import type { Database, Statement } from 'better-sqlite3';

/**
 * The same connection, with `prepare` remembering each SQL text's statement: an import writes thousands
 * of rows through the ordinary repositories (which prepare on every call) without paying for it each time.
 * Use only within one transaction's lifetime.
 */
export function withStatementCache(db: Database): Database {
  const cache = new Map<string, Statement>();
  const prepare = (sql: string) => {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      cache.set(sql, stmt);
    }
    return stmt;
  };
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
