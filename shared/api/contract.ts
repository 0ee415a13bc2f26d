import type { z } from 'zod';
import { auditListInput, auditPage } from '../schemas/audit';
import { noInput } from '../schemas/common';
import { farmer, farmerGetInput, farmerInput, farmerPage, farmerSearchInput, farmerUpdateInput, farmerVoidInput } from '../schemas/farmers';
import { setOperatorInput, settings, setupInput } from '../schemas/settings';

export interface MethodSpec {
  input: z.ZodType;
  output: z.ZodType;
  /** false: callable before first-run setup (only the setup methods). */
  needsSetup?: boolean;
  /** Which installations may call it; both when absent. */
  roles?: readonly ('station' | 'county')[];
  /** Writes data (used by the transports for logging, by tests for "writes nothing"). */
  writes?: boolean;
}

/**
 * Every method the renderer, the CLI and scripts can call, named `area.verb`.
 * The dispatcher parses each call's input and output against these schemas.
 */
export const contract = {
  'settings.get': { input: noInput, output: settings, needsSetup: false },
  'settings.setup': { input: setupInput, output: settings, needsSetup: false, writes: true },
  'settings.setOperator': { input: setOperatorInput, output: settings, writes: true },

  'farmers.create': { input: farmerInput, output: farmer, writes: true },
  'farmers.update': { input: farmerUpdateInput, output: farmer, writes: true },
  'farmers.void': { input: farmerVoidInput, output: farmer, writes: true },
  'farmers.get': { input: farmerGetInput, output: farmer },
  'farmers.search': { input: farmerSearchInput, output: farmerPage },

  'audit.list': { input: auditListInput, output: auditPage },
} as const satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type Method = keyof Contract;
/** What a caller sends (before defaults and transforms). */
export type Input<M extends Method> = z.input<Contract[M]['input']>;
/** What a handler receives (after parsing). */
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;

export const METHODS = Object.keys(contract) as Method[];

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
