import {AuthError} from './errors.js';

/**
 * `load` (a dynamic import), started on the first call and shared by the others. A fetch that
 * fails (offline, a deploy that removed the chunk) rejects as `network`, like the API being
 * unreachable, and the next call tries again.
 */
export function loadOnce<M>(load: () => Promise<M>, what: string): () => Promise<M> {
  let loading: Promise<M> | undefined;
  return () =>
    (loading ??= load().catch((cause: unknown) => {
      loading = undefined;
      throw new AuthError('network', `${what} could not be loaded`, {cause});
    }));
}
