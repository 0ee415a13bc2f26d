import type { Result } from './result';

/** The one object the Electron preload exposes on window; the HTTP transport implements the same shape. */
export interface Bridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  /** Subscribes to a main-process event (e.g. progress of a long job); returns the unsubscribe function. */
  onEvent(name: string, callback: (payload: unknown) => void): () => void;
}

export const BRIDGE_KEY = 'agriBridge';
export const IPC_CHANNEL = 'agri:rpc';
export const IPC_EVENT_CHANNEL = 'agri:event';
