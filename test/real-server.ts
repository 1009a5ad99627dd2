// Helpers for integration tests against the real better-auth server that web-test-runner
// mounts on its own origin (see web-test-runner.config.mjs).
import {BetterAuthAdapter} from '../src/client/adapters/better-auth.js';

export const API = '/api/auth';

let counter = 0;
export const uniqueEmail = (tag: string) => `${tag}.${Date.now()}.${++counter}@example.com`;

/** The newest six-digit code the dev mailbox holds for `email`. */
export async function latestCode(email: string): Promise<string> {
  const mail: Array<{to: string; text: string}> = await (await fetch('/__mail.json')).json();
  const code = mail.filter((message) => message.to === email.toLowerCase()).at(-1)?.text.match(/\b\d{6}\b/)?.[0];
  if (!code) throw new Error(`no code mailed to ${email}`);
  return code;
}

/** Creates a verified account on the real server and leaves the browser signed out. */
export async function createUser(name: string, email: string, password: string): Promise<void> {
  const adapter = new BetterAuthAdapter({baseURL: API});
  await adapter.signUp({name, email, password});
  await adapter.verifyEmail(email, await latestCode(email));
  await adapter.signOut();
}

export type NetworkMode = 'online' | 'offline' | 'server-error' | 'malformed' | 'rate-limited' | 'wrong-shape';

/**
 * A fetch for the better-auth adapter that reaches the real server while `online`, and can
 * fail the way networks do: no connection, a 500, a 429, a body that is not JSON or not the
 * expected shape.
 */
export function network() {
  const state = {mode: 'online' as NetworkMode, requests: [] as string[]};
  const fetchThrough: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    state.requests.push(`${init?.method ?? 'GET'} ${url.pathname}`);
    switch (state.mode) {
      case 'offline':
        throw new TypeError('Failed to fetch');
      case 'server-error':
        return new Response('Internal Server Error', {status: 500});
      case 'malformed':
        return new Response('{"redirect": false, "tok', {status: 200, headers: {'content-type': 'application/json'}});
      case 'rate-limited':
        return new Response('', {status: 429, headers: {'x-retry-after': '30'}});
      case 'wrong-shape':
        return new Response('{"data": {"success": true}}', {status: 200, headers: {'content-type': 'application/json'}});
      default:
        return fetch(input, init);
    }
  };
  return {state, adapter: new BetterAuthAdapter({baseURL: API, fetch: fetchThrough})};
}
