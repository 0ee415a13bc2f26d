import type { Method } from '../../shared/api/contract';
import type { Handlers } from '../../shared/api/dispatch';

/** The handlers of one area: exactly the methods whose names start with `area.`. */
export type AreaHandlers<Area extends string> = Pick<Handlers, Extract<Method, `${Area}.${string}`>>;
