import type { AppCore } from '../../db/app';
import type { ConfiguredSettings, SetupOutput } from '../../shared/schemas/settings';

/** The password every test account uses (meets the policy: 8+ characters, two classes, not the login). */
export const TEST_PASSWORD = 'Nongji-2025!';

export interface InstallationSetup {
  role: 'station' | 'county';
  /** Division code, for a station. */
  townshipCode?: string;
  /** The display name of the first user (the administrator). */
  name?: string;
  login?: string;
  /**
   * 单人站点 for a station (default true): tests written before separation of duties take an application
   * through every step as one person. Separation tests pass false.
   */
  solo?: boolean;
}

/**
 * First-run setup for tests: creates the installation and its administrator, and signs that administrator
 * in on the core's own session (core.call without a session runs as them). Returns the settings.
 */
export async function setUpInstallation(core: AppCore, input: InstallationSetup): Promise<ConfiguredSettings> {
  const out = await setUpWithAdmin(core, input);
  if (input.role === 'station' && input.solo !== false) {
    const r = await core.call('settings.update', { soloStation: true });
    if (!r.ok) throw new Error(`settings.update failed: ${JSON.stringify(r.error)}`);
    return r.data as ConfiguredSettings;
  }
  return out.settings as ConfiguredSettings;
}

/** Setup with the whole answer (settings, session, the one-time recovery code). */
export async function setUpWithAdmin(core: AppCore, input: InstallationSetup): Promise<SetupOutput> {
  const r = await core.call('settings.setup', {
    role: input.role,
    townshipCode: input.townshipCode,
    login: input.login ?? (input.role === 'county' ? 'xianju' : 'zhanzhang'),
    displayName: input.name ?? (input.role === 'county' ? '县局管理员' : '王站长'),
    password: TEST_PASSWORD,
  });
  if (!r.ok) throw new Error(`settings.setup failed: ${JSON.stringify(r.error)}`);
  return r.data as SetupOutput;
}

/** Adds a user and signs them in on a session of their own (for calls as that user: core.call(m, input, session)). */
export async function addUser(
  core: AppCore,
  user: { login: string; displayName: string; role: 'technician' | 'stationHead' | 'countyAdmin' | 'countyClerk' },
): Promise<{ id: string; session: { token?: string } }> {
  const created = await core.call('users.create', { ...user, password: TEST_PASSWORD });
  if (!created.ok) throw new Error(`users.create failed: ${JSON.stringify(created.error)}`);
  const session: { token?: string } = {};
  const first = await core.call('auth.signIn', { login: user.login, password: TEST_PASSWORD }, session);
  if (!first.ok) throw new Error(`auth.signIn failed: ${JSON.stringify(first.error)}`);
  // a new account must choose its own password first
  const changed = await core.call('auth.changePassword', { currentPassword: TEST_PASSWORD, password: `${TEST_PASSWORD}x` }, session);
  if (!changed.ok) throw new Error(`auth.changePassword failed: ${JSON.stringify(changed.error)}`);
  return { id: (created.data as { id: string }).id, session };
}

/** Signs the core's own session in (e.g. after reopening a file: sessions live only in memory). */
export async function signIn(core: AppCore, login = 'zhanzhang'): Promise<void> {
  const r = await core.call('auth.signIn', { login, password: TEST_PASSWORD });
  if (!r.ok) throw new Error(`auth.signIn failed: ${JSON.stringify(r.error)}`);
}
