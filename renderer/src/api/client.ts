import type { ErrorBody } from '../../../shared/api/errors';
import type { Input, Method, Output } from '../../../shared/api/contract';
import { announceAuthProblem } from '../features/auth/auth-events';
import { bridge } from './transport';

/** A failed call, carrying the dispatcher's code, Chinese message and field issues. */
export class ApiError extends Error {
  readonly body: ErrorBody;
  constructor(body: ErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.body = body;
  }
  get code() {
    return this.body.code;
  }
}

export async function call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
  const result = await bridge.invoke(method, input);
  if (!result.ok) {
    if (result.error.code === 'FORBIDDEN') announceAuthProblem(result.error.details);
    throw new ApiError(result.error);
  }
  return result.data as Output<M>;
}

// `api.farmers.search(q)` — a nested, typed view of the flat `area.verb` method names.
type Head<S> = S extends `${infer H}.${string}` ? H : never;
type Tail<S, H extends string> = S extends `${H}.${infer T}` ? T : never;
type Leaf<S> = S extends `${string}.${string}` ? never : S;
type Fn<M> = M extends Method ? (input: Input<M>) => Promise<Output<M>> : never;
type Node<Rest extends string, Prefix extends string> = {
  [K in Leaf<Rest>]: Fn<`${Prefix}${K}`>;
} & Tree<Rest, Prefix>;
type Tree<Names extends string, Prefix extends string = ''> = {
  [H in Head<Names>]: Node<Tail<Names, H>, `${Prefix}${H}.`>;
};
export type Api = Tree<Method>;

function proxyAt(path: string[]): unknown {
  return new Proxy(() => undefined, {
    // 'then' stays undefined so a namespace is never mistaken for a promise.
    get: (_target, key) => (typeof key === 'string' && key !== 'then' ? proxyAt([...path, key]) : undefined),
    apply: (_target, _this, args: unknown[]) => call(path.join('.') as Method, args[0] as never),
  });
}

export const api = proxyAt([]) as Api;
