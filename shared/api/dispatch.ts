import { ZodError } from 'zod';
import { contract, isMethod, type Method, type MethodSpec, type Output, type ParsedInput } from './contract';
import { AppError, DEFAULT_MESSAGES, type FieldIssue } from './errors';
import { fail, ok, type Result } from './result';

/** One function per contract method; the type check fails when one is missing. */
export type Handlers = { [M in Method]: (input: ParsedInput<M>) => Output<M> | Promise<Output<M>> };

export interface DispatchOptions {
  /** Runs before the handler; throws AppError('FORBIDDEN') to refuse (setup state, role). */
  guard?: (method: Method, spec: MethodSpec) => void;
  /** Turns a platform error (e.g. SQLITE_CORRUPT) into an AppError; undefined leaves it INTERNAL. */
  mapError?: (error: unknown) => AppError | undefined;
  /** Told about every INTERNAL error, with the method, for the log. */
  onInternalError?: (method: string, error: unknown) => void;
}

export function zodIssues(error: ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message }));
}

function validationMessage(issues: FieldIssue[]): string {
  const first = issues[0];
  if (!first) return DEFAULT_MESSAGES.VALIDATION;
  return issues.length === 1 ? first.message : `${first.message}（另有${issues.length - 1}处问题）`;
}

/**
 * The only door into the service layer: allow-list the method, parse the input,
 * run the handler, parse the output, and always answer with a Result.
 */
export async function dispatch(
  handlers: Handlers,
  method: string,
  rawInput: unknown,
  options: DispatchOptions = {},
): Promise<Result<unknown>> {
  if (!isMethod(method)) {
    return fail({ code: 'NOT_FOUND', message: `未知的接口方法：${method.slice(0, 60)}` });
  }
  const spec: MethodSpec = contract[method];
  try {
    options.guard?.(method, spec);
    const parsed = spec.input.safeParse(rawInput === undefined ? {} : rawInput);
    if (!parsed.success) {
      const issues = zodIssues(parsed.error);
      return fail({ code: 'VALIDATION', message: validationMessage(issues), issues });
    }
    const handler = handlers[method] as (input: unknown) => unknown;
    const output = await handler(parsed.data);
    const checked = spec.output.safeParse(output);
    if (!checked.success) {
      options.onInternalError?.(method, new Error(`output of ${method} does not match the contract: ${checked.error.message}`));
      return fail({ code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL });
    }
    return ok(checked.data);
  } catch (error) {
    if (error instanceof AppError) return fail(error.toBody());
    if (error instanceof ZodError) {
      const issues = zodIssues(error);
      return fail({ code: 'VALIDATION', message: validationMessage(issues), issues });
    }
    const mapped = options.mapError?.(error);
    if (mapped) return fail(mapped.toBody());
    options.onInternalError?.(method, error);
    return fail({ code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL });
  }
}
