import { useCallback, useContext } from 'react';
import { roleAllowed } from '../../shared/api/access';
import { contract, type Method } from '../../shared/api/contract';
import { SessionContext, type SessionState } from './session-state';

export { SessionContext, type SessionState };

/** The signed-in user; only used below the sign-in gate. */
export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside the signed-in app');
  return value;
}

/**
 * Whether the signed-in role may call a method, from the contract's own declaration: the UI hides or
 * disables what the role cannot do; the dispatcher's guard is what actually decides.
 */
export function useCan(): (method: Method) => boolean {
  const { user } = useSession();
  return useCallback((method: Method) => roleAllowed(contract[method].allow, user.role), [user.role]);
}
