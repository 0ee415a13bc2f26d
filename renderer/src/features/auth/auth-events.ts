/**
 * A call refused because the session ended, the screen locked or the password must change tells the
 * sign-in gate to look again (api/client.ts raises it; AuthGate listens).
 */
export const AUTH_EVENT = 'agri:auth';
const SESSION_PROBLEMS = new Set(['signedOut', 'locked', 'mustChangePassword']);

export function announceAuthProblem(details: Record<string, unknown> | undefined): void {
  const auth = details?.auth;
  if (typeof auth === 'string' && SESSION_PROBLEMS.has(auth)) window.dispatchEvent(new CustomEvent(AUTH_EVENT, { detail: auth }));
}

/** Raised when the screen unlocks: reads refused while it was locked are tried again (useApiQuery listens). */
export const UNLOCKED_EVENT = 'agri:unlocked';
