import { z } from '../api/zod-locale';
import { TOWNSHIP_CODES } from '../domain/townships';
import { isoDateTime, uuid } from './common';
import { displayName, loginName, newPassword, sessionInfo, withPasswordPolicy } from './auth';

export const ROLES = ['station', 'county'] as const;
export type Role = (typeof ROLES)[number];

export const setupInput = z
  .strictObject({
    role: z.enum(ROLES, { error: '请选择本机用途' }),
    townshipCode: z.enum(TOWNSHIP_CODES, { error: '请选择乡镇' }).optional(),
    /** The first administrator (站长 / 县局管理员). */
    login: loginName,
    displayName,
    password: newPassword,
  })
  .superRefine((v, ctx) => {
    withPasswordPolicy(v, ctx);
    if (v.role === 'station' && !v.townshipCode) {
      ctx.addIssue({ code: 'custom', path: ['townshipCode'], message: '乡镇农机站须选择所属乡镇' });
    }
  })
  .transform((v) => ({ ...v, townshipCode: v.role === 'county' ? undefined : v.townshipCode }));
export type SetupInput = z.input<typeof setupInput>;

/** Station settings the administrator changes (设置). */
export const settingsUpdateInput = z.strictObject({
  /** 单人站点: one person may take consecutive review steps (recorded as 未分离). */
  soloStation: z.boolean().optional(),
  idleLockMinutes: z.number({ error: '请填写分钟数' }).int('请填写整数分钟').min(1, '至少1分钟').max(240, '不超过240分钟').optional(),
});

export const settings = z.discriminatedUnion('configured', [
  z.object({ configured: z.literal(false), dbPath: z.string() }),
  z.object({
    configured: z.literal(true),
    dbPath: z.string(),
    stationId: uuid,
    role: z.enum(ROLES),
    townshipCode: z.string().nullable(),
    townshipName: z.string(),
    unitName: z.string(),
    soloStation: z.boolean(),
    idleLockMinutes: z.number().int(),
    createdAt: isoDateTime,
    schemaVersion: z.number().int(),
    /** This installation's public-key fingerprint, read aloud to the county at enrolment (K7QX-2M4D-…). */
    keyFingerprint: z.string(),
  }),
]);
export type Settings = z.output<typeof settings>;
export type ConfiguredSettings = Extract<Settings, { configured: true }>;

export const setupOutput = z.object({
  settings,
  session: sessionInfo,
  /** Shown once at setup, to print and keep: resets the administrator's password once. */
  recoveryCode: z.string(),
});
export type SetupOutput = z.output<typeof setupOutput>;
