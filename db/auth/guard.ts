import { neededRolesText, ROLE_INSTALLATION, ROLE_LABELS, roleAllowed } from '../../shared/api/access';
import type { Method, MethodSpec } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import type { ServiceContext } from '../context';
import { getInstallation } from '../repositories/installation';
import { getUser } from '../repositories/users';
import type { CallContext } from './call-context';

/** What a user whose password was reset may still do before choosing a new one. */
const WHILE_MUST_CHANGE: readonly string[] = ['auth.changePassword', 'auth.signOut', 'auth.session', 'auth.lock'];

const refuse = (message: string, auth: string, extra: Record<string, unknown> = {}) =>
  new AppError('FORBIDDEN', message, { details: { auth, ...extra } });

/**
 * The dispatcher's guard: setup state, a live unlocked session of an enabled user, and the method's roles.
 * On success the call runs as that user (call.actor), which is what audit rows and events record.
 */
export function guardCall(ctx: ServiceContext, method: Method, spec: MethodSpec, call: CallContext): void {
  const installation = getInstallation(ctx.db);
  if (spec.needsSetup !== false && !installation) {
    throw new AppError('FORBIDDEN', '本机尚未完成初始设置，请先选择站点并创建管理员账户');
  }
  if (spec.allow === 'public') return;
  if (!installation) throw refuse('本机尚未完成初始设置', 'signedOut');
  const session = ctx.sessions.get(call.session.token);
  if (!session) throw refuse('请先登录', 'signedOut');
  const user = getUser(ctx.db, session.userId);
  if (!user || user.disabled_at) {
    ctx.sessions.end(call.session.token);
    delete call.session.token;
    throw refuse('该用户已停用，请联系站长或县局管理员', 'signedOut');
  }
  const now = ctx.now().getTime();
  const locked = call.session.idleLock
    ? ctx.sessions.checkIdle(session, now, installation.idle_lock_minutes * 60_000)
    : Boolean(session.lockedAt);
  if (locked) throw refuse('屏幕已锁定，请输入密码解锁', 'locked');
  if (user.must_change_password === 1 && !WHILE_MUST_CHANGE.includes(method)) {
    throw refuse('管理员已重置您的密码，请先设置新密码', 'mustChangePassword');
  }
  if (!roleAllowed(spec.allow, user.role) || ROLE_INSTALLATION[user.role] !== installation.role) {
    throw refuse(`没有权限：该操作${neededRolesText(spec.allow)}（当前为${ROLE_LABELS[user.role]}）`, 'role', { needed: spec.allow });
  }
  ctx.sessions.touch(session, now);
  call.actor = { userId: user.id, displayName: user.display_name, role: user.role };
}
