import type { AppCore } from '../../db/app';
import type { Settings } from '../../shared/schemas/settings';

export interface InstallationSetup {
  role: 'station' | 'county';
  /** Division code, for a station. */
  townshipCode?: string;
  /** The display name of the first user (the administrator). */
  name?: string;
}

/**
 * First-run setup for tests: use this rather than calling `settings.setup` directly, so tests keep
 * working as setup grows (accounts, keys). Leaves the core ready to call station/county methods.
 */
export async function setUpInstallation(core: AppCore, input: InstallationSetup): Promise<Settings> {
  const r = await core.call('settings.setup', {
    role: input.role,
    townshipCode: input.townshipCode,
    operator: input.name ?? (input.role === 'county' ? '县局管理员' : '王站长'),
  });
  if (!r.ok) throw new Error(`settings.setup failed: ${JSON.stringify(r.error)}`);
  return r.data as Settings;
}
