import type {IdentityAdapter} from './adapters/adapter.js';
import {AuthError, toAuthError} from './errors.js';
import type {ListOptions} from './types.js';

/** What a group of client methods (account.ts, organizations.ts) needs to call its adapter. */
export interface AdapterCallContext {
  adapter: IdentityAdapter;
  /** Reports a failure to the client's error listeners. */
  reportError(error: AuthError): void;
  /** Asks the API again who is signed in. */
  refresh(): Promise<void>;
}

/**
 * Calls one optional adapter method: `unsupported` when the adapter has none (unless `always`,
 * for a method with a fallback); a failure is reported, then thrown as an AuthError. After
 * `session_expired` the client asks the API again who is signed in. An aborted list call
 * rejects with the signal's reason, unreported; so does `cancelled` (the person chose it).
 */
export async function callAdapter<T>(
  context: AdapterCallContext,
  method: keyof IdentityAdapter,
  run: (adapter: IdentityAdapter) => Promise<T>,
  options?: ListOptions,
  always = false,
): Promise<T> {
  const {adapter} = context;
  try {
    if (!always && typeof adapter[method] !== 'function') {
      throw new AuthError('unsupported', `The ${adapter.name} adapter has no ${String(method)}`);
    }
    return await run(adapter);
  } catch (error) {
    if (options?.signal?.aborted) throw options.signal.reason;
    const authError = toAuthError(error);
    if (authError.code === 'session_expired') await context.refresh();
    if (authError.code !== 'cancelled') context.reportError(authError);
    throw authError;
  }
}
