import type { AppCore } from '../app';
import { runInCall, type Actor } from '../auth/call-context';
import { contract, isMethod } from '../../shared/api/contract';
import { neededRolesText, roleAllowed } from '../../shared/api/access';
import type { SessionInfo } from '../../shared/schemas/auth';

export class CliError extends Error {
  constructor(
    message: string,
    readonly code = 'FORBIDDEN',
  ) {
    super(message);
  }
}

const STDIN_WAIT_MS = 10_000;

/** Reads the first line of stdin (a pipe or file), for a password given that way; gives up after a while. */
function readStdinLine(): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    const done = () => {
      clearTimeout(timer);
      process.stdin.off('data', onData);
      process.stdin.off('end', done);
      process.stdin.pause();
      resolve(text.split(/\r?\n/)[0] ?? '');
    };
    const onData = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      if (text.includes('\n')) done();
    };
    const timer = setTimeout(done, STDIN_WAIT_MS);
    process.stdin.on('data', onData);
    process.stdin.once('end', done);
  });
}

/**
 * A password for the CLI: from the environment variable, else from standard input (piped). Never from an
 * argument (it would show in the process list and shell history). An interactive terminal is not read:
 * say AGRI_PASSWORD or pipe it.
 */
export async function readPassword(envName = 'AGRI_PASSWORD'): Promise<string> {
  const fromEnv = process.env[envName];
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) throw new CliError(`请通过环境变量 ${envName} 或标准输入提供密码（不接受命令行参数中的密码）`);
  const piped = await readStdinLine();
  if (!piped) throw new CliError(`请通过环境变量 ${envName} 或标准输入提供密码（不接受命令行参数中的密码）`);
  return piped;
}

/** Signs the CLI process in as `user` (on the core's own session) and returns who it now acts as. */
export async function signInCli(core: AppCore, user: string | undefined): Promise<Actor> {
  if (!user) throw new CliError('请用 --user 指定用户名（密码通过环境变量 AGRI_PASSWORD 或标准输入提供）');
  const password = await readPassword();
  const r = await core.call('auth.signIn', { login: user, password });
  if (!r.ok) throw new CliError(r.error.message);
  const session = r.data as SessionInfo;
  if (!session.user) throw new CliError('登录失败');
  if (session.user.mustChangePassword) throw new CliError('该用户须先在程序中修改密码后才能使用命令行');
  return { userId: session.user.id, displayName: session.user.displayName, role: session.user.role };
}

/** Runs batch work (export, import) as the signed-in CLI user, after checking the method's roles. */
export function asUser<T>(core: AppCore, actor: Actor, method: string, fn: () => T): T {
  if (isMethod(method)) {
    const allow = contract[method].allow;
    if (!roleAllowed(allow, actor.role)) throw new CliError(`没有权限：该操作${neededRolesText(allow)}`);
  }
  return runInCall({ session: core.session, actor }, fn);
}
