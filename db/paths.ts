import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER = 'agri-machinery-subsidy';
export const DB_FILE = 'agri.db';

/** The OS user-data folder, the same place Electron's app.getPath('userData') points to for this app. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER);
}

/** --db beats AGRI_DB beats AGRI_DATA_DIR/agri.db beats the user-data folder. */
export function resolveDbPath(cliDb?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (cliDb) return cliDb;
  if (env.AGRI_DB) return env.AGRI_DB;
  return join(env.AGRI_DATA_DIR ?? defaultDataDir(env), DB_FILE);
}
