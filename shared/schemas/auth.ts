import { z } from '../api/zod-locale';
import { USER_ROLES } from '../api/access';
import { PASSWORD_MAX, passwordProblem } from '../domain/password-policy';
import { isoDateTime, pageInput, pageOf, uuid } from './common';

export const userRole = z.enum(USER_ROLES, { error: '请选择角色' });

/** Login names: letters, digits, Chinese, dot, dash, underscore; compared case-insensitively. */
export const loginName = z
  .string({ error: '请填写用户名' })
  .trim()
  .min(2, '用户名至少2个字符')
  .max(32, '用户名不超过32个字符')
  .regex(/^[\p{Script=Han}A-Za-z0-9._-]+$/u, '用户名只能包含汉字、字母、数字和 . _ -');

export const displayName = z
  .string({ error: '请填写姓名' })
  .trim()
  .min(1, '请填写姓名')
  .max(20, '姓名不超过20字');

/** As typed at sign-in: never trimmed, only bounded. */
const typedPassword = z.string({ error: '请输入密码' }).min(1, '请输入密码').max(PASSWORD_MAX, `密码不超过${PASSWORD_MAX}位`);

/** A new password: the policy is checked against the login name by the caller's refine. */
export const newPassword = z.string({ error: '请设置密码' }).max(PASSWORD_MAX, `密码不超过${PASSWORD_MAX}位`);

/** Adds the password policy (against `login`) to an object schema with `password` and `login` fields. */
export function withPasswordPolicy<T extends { password: string; login: string }>(v: T, ctx: z.RefinementCtx) {
  const problem = passwordProblem(v.password, v.login);
  if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
}

export const signInInput = z.strictObject({ login: loginName, password: typedPassword });

export const sessionUser = z.object({
  id: uuid,
  login: z.string(),
  displayName: z.string(),
  role: userRole,
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.output<typeof sessionUser>;

export const sessionInfo = z.object({
  /** null: nobody is signed in on this window/browser. */
  user: sessionUser.nullable(),
  /** The screen is locked (idle): only the same user's password unlocks it. */
  locked: z.boolean(),
  idleLockMinutes: z.number().int(),
  /** An upgraded installation with no account yet: the first administrator must be created. */
  needsFirstAdmin: z.boolean(),
});
export type SessionInfo = z.output<typeof sessionInfo>;

/** The policy (length, not the login name, two character classes) is checked by the service, which knows the login. */
export const changePasswordInput = z.strictObject({ currentPassword: typedPassword, password: newPassword });

export const recoverInput = z
  .strictObject({
    login: loginName,
    recoveryCode: z.string({ error: '请输入恢复码' }).trim().min(1, '请输入恢复码').max(64),
    password: newPassword,
  })
  .superRefine(withPasswordPolicy);

export const firstAdminInput = z
  .strictObject({ login: loginName, displayName, password: newPassword })
  .superRefine(withPasswordPolicy);

export const recoveryOutput = z.object({
  session: sessionInfo,
  /** Shown once, to print and keep: resets this administrator's password once. */
  recoveryCode: z.string(),
});

export const user = z.object({
  id: uuid,
  login: z.string(),
  displayName: z.string(),
  role: userRole,
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: isoDateTime.nullable(),
  createdAt: isoDateTime,
  lastSignInAt: isoDateTime.nullable(),
});
export type User = z.output<typeof user>;

export const userCreateInput = z
  .strictObject({ login: loginName, displayName, role: userRole, password: newPassword })
  .superRefine(withPasswordPolicy);

export const userUpdateInput = z.strictObject({
  id: uuid,
  displayName: displayName.optional(),
  role: userRole.optional(),
  disabled: z.boolean().optional(),
});

/** A temporary password the user must change at next sign-in; policy checked by the service. */
export const userResetPasswordInput = z.strictObject({ id: uuid, password: newPassword });

export const userList = z.object({ items: z.array(user) });

export const accessLogInput = z.strictObject({
  userId: uuid.optional(),
  farmerId: uuid.optional(),
  ...pageInput,
});
export const accessLogEntry = z.object({
  id: uuid,
  at: isoDateTime,
  userId: z.string(),
  userName: z.string(),
  entity: z.string(),
  entityId: z.string(),
  farmerId: z.string().nullable(),
  farmerName: z.string().nullable(),
  purpose: z.string(),
});
export const accessLogPage = pageOf(accessLogEntry);
