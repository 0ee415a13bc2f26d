import { createContext, useContext } from 'react';
import type { ConfiguredSettings } from '../../shared/schemas/settings';

export interface SettingsState {
  settings: ConfiguredSettings;
  reload: () => Promise<void>;
}

export const SettingsContext = createContext<SettingsState | null>(null);

/** The configured installation (station or county); only used below the setup gate. */
export function useSettings(): SettingsState {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings outside the configured app');
  return value;
}
