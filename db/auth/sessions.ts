import { randomBytes } from 'node:crypto';

export interface Session {
  userId: string;
  createdAt: number;
  lastSeenAt: number;
  /** Set when the screen locked (idle time passed, or 锁屏): only the same user's password reopens it. */
  lockedAt?: number;
}

/**
 * Sessions of this process, by random token. They live only in memory: restarting the app (or the
 * browser-mode server) signs everyone out, which also binds a browser cookie to this launch.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  create(userId: string, now: number): string {
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(token, { userId, createdAt: now, lastSeenAt: now });
    return token;
  }

  get(token: string | undefined): Session | undefined {
    return token ? this.sessions.get(token) : undefined;
  }

  /** Marks the session locked when it has been idle longer than the limit; returns whether it is locked. */
  checkIdle(session: Session, now: number, idleMs: number): boolean {
    if (!session.lockedAt && now - session.lastSeenAt > idleMs) session.lockedAt = now;
    return Boolean(session.lockedAt);
  }

  touch(session: Session, now: number): void {
    session.lastSeenAt = now;
  }

  lock(session: Session, now: number): void {
    session.lockedAt ??= now;
  }

  unlock(session: Session, now: number): void {
    delete session.lockedAt;
    session.lastSeenAt = now;
  }

  end(token: string | undefined): void {
    if (token) this.sessions.delete(token);
  }

  /** Ends every session of a user (disabled, password reset). */
  endUser(userId: string): void {
    for (const [token, s] of this.sessions) if (s.userId === userId) this.sessions.delete(token);
  }
}
