import { createContext } from 'react';
import type { SessionUser } from '../../shared/schemas/auth';

/**
 * The signed-in session as the sign-in gate provides it. Kept apart from session-context.ts (useCan reads the
 * whole API contract and its zod schemas), so the sign-in screen loads without them.
 */
export interface SessionState {
  user: SessionUser;
  signOut: () => Promise<void>;
  lock: () => Promise<void>;
}

export const SessionContext = createContext<SessionState | null>(null);
