import type { Database } from 'better-sqlite3';
import type { UserRole } from '../../shared/api/access';

export interface UserRow {
  id: string;
  login: string;
  display_name: string;
  role: UserRole;
  password_hash: string;
  must_change_password: 0 | 1;
  failed_attempts: number;
  locked_until: string | null;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
  last_sign_in_at: string | null;
}

const COLUMNS =
  'id, login, display_name, role, password_hash, must_change_password, failed_attempts, locked_until, disabled_at, created_at, updated_at, last_sign_in_at';

export function getUser(db: Database, id: string): UserRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM users WHERE id = ?`).get(id) as UserRow | undefined;
}

export function getUserByLogin(db: Database, login: string): UserRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM users WHERE login = ? COLLATE NOCASE`).get(login) as UserRow | undefined;
}

export function listUsers(db: Database): UserRow[] {
  return db.prepare(`SELECT ${COLUMNS} FROM users ORDER BY disabled_at IS NOT NULL, created_at`).all() as UserRow[];
}

export function countUsers(db: Database): number {
  return db.prepare('SELECT count(*) FROM users').pluck().get() as number;
}

/** Active users with one of the roles, e.g. the administrators that must not all be disabled. */
export function countActive(db: Database, roles: readonly UserRole[]): number {
  return db
    .prepare(`SELECT count(*) FROM users WHERE disabled_at IS NULL AND role IN (${roles.map(() => '?').join(', ')})`)
    .pluck()
    .get(...roles) as number;
}

export function insertUser(db: Database, row: UserRow): void {
  db.prepare(
    `INSERT INTO users (${COLUMNS}) VALUES (@id, @login, @display_name, @role, @password_hash, @must_change_password,
       @failed_attempts, @locked_until, @disabled_at, @created_at, @updated_at, @last_sign_in_at)`,
  ).run(row);
}

export function updateUser(db: Database, row: UserRow): void {
  db.prepare(
    `UPDATE users SET display_name = @display_name, role = @role, password_hash = @password_hash,
       must_change_password = @must_change_password, failed_attempts = @failed_attempts, locked_until = @locked_until,
       disabled_at = @disabled_at, updated_at = @updated_at, last_sign_in_at = @last_sign_in_at
     WHERE id = @id`,
  ).run(row);
}

export function insertSignInEvent(
  db: Database,
  row: { id: string; at: string; login: string; user_id: string | null; outcome: string },
): void {
  db.prepare('INSERT INTO sign_in_events (id, at, login, user_id, outcome) VALUES (@id, @at, @login, @user_id, @outcome)').run(row);
}

export function getRecoveryCode(db: Database, userId: string): { code_hash: string; used_at: string | null } | undefined {
  return db.prepare('SELECT code_hash, used_at FROM recovery_codes WHERE user_id = ?').get(userId) as
    | { code_hash: string; used_at: string | null }
    | undefined;
}

export function insertRecoveryCode(db: Database, userId: string, codeHash: string, at: string): void {
  db.prepare('INSERT INTO recovery_codes (user_id, code_hash, created_at) VALUES (?, ?, ?)').run(userId, codeHash, at);
}

export function useRecoveryCode(db: Database, userId: string, at: string): void {
  db.prepare('UPDATE recovery_codes SET used_at = ? WHERE user_id = ?').run(at, userId);
}
