import type { z } from 'zod';
import type { Access } from './access';

export interface MethodSpec {
  input: z.ZodType;
  output: z.ZodType;
  /** false: callable before first-run setup (only the setup methods). */
  needsSetup?: boolean;
  /** Who may call it: 'public' or the user roles (see ./access). Required: a method without it does not compile. */
  allow: Access;
  /** Writes data (for logging, and for the tests that check a refused call wrote nothing). */
  writes?: boolean;
}

/** Declares one area's methods, keeping each spec's exact type. */
export const methods = <T extends Record<string, MethodSpec>>(specs: T): T => specs;
