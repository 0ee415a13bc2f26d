import { z } from '../api/zod-locale';
import { TOWNSHIP_CODES } from '../domain/townships';
import { isoDateTime, uuid } from './common';

export const ROLES = ['station', 'county'] as const;
export type Role = (typeof ROLES)[number];

const operator = z.string({ error: '请填写操作员姓名' }).trim().min(1, '请填写操作员姓名').max(20, '操作员姓名不超过20字');

export const setupInput = z
  .strictObject({
    role: z.enum(ROLES, { error: '请选择本机用途' }),
    townshipCode: z.enum(TOWNSHIP_CODES, { error: '请选择乡镇' }).optional(),
    operator,
  })
  .superRefine((v, ctx) => {
    if (v.role === 'station' && !v.townshipCode) {
      ctx.addIssue({ code: 'custom', path: ['townshipCode'], message: '乡镇农机站须选择所属乡镇' });
    }
  })
  .transform((v) => ({ ...v, townshipCode: v.role === 'county' ? undefined : v.townshipCode }));
export type SetupInput = z.input<typeof setupInput>;

export const setOperatorInput = z.strictObject({ operator });

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
    operator: z.string(),
    createdAt: isoDateTime,
    schemaVersion: z.number().int(),
    /** This installation's public-key fingerprint, read aloud to the county at enrolment (K7QX-2M4D-…). */
    keyFingerprint: z.string(),
  }),
]);
export type Settings = z.output<typeof settings>;
export type ConfiguredSettings = Extract<Settings, { configured: true }>;
