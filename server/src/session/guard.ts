// Every LSP handler runs through `guarded`: an exception is logged and answered with an empty
// result, so one bad request never takes the server down. Intended protocol errors (a refused
// rename) pass through, and a request cancelled by the client is answered with RequestCancelled.
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import { describeError } from '../util/errors';
import { RequestCancelledError } from './errors';

export type Logger = (message: string) => void;

export function cancelledError(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

export function guarded<P, R>(
  log: Logger,
  name: string,
  fallback: R,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): (params: P, token: CancellationToken) => Promise<R> {
  return async (params, token) => {
    if (token?.isCancellationRequested) throw cancelledError();
    try {
      return await handler(params, token);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      if (error instanceof RequestCancelledError) throw cancelledError();
      log(`${name} failed: ${describeError(error, true)}`);
      return fallback;
    }
  };
}

/** The same for notifications: log, never throw. */
export function guardedNotification<P>(log: Logger, name: string, handler: (params: P) => void | Promise<void>): (params: P) => void {
  return (params) => {
    try {
      const result = handler(params);
      if (result instanceof Promise) result.catch((error) => log(`${name} failed: ${describeError(error, true)}`));
    } catch (error) {
      log(`${name} failed: ${describeError(error, true)}`);
    }
  };
}
