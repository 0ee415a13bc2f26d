import type { z } from 'zod';

export interface MethodSpec {
  input: z.ZodType;
  output: z.ZodType;
  /** false: callable before first-run setup (only the setup methods). */
  needsSetup?: boolean;
  /** Which installations may call it; both when absent. */
  roles?: readonly ('station' | 'county')[];
  /** Writes data (for logging, and for the tests that check a refused call wrote nothing). */
  writes?: boolean;
}

/** Declares one area's methods, keeping each spec's exact type. */
export const methods = <T extends Record<string, MethodSpec>>(specs: T): T => specs;
