// Test support: a BetterAuthAdapter whose fetch is scripted, and API-shaped fixtures.
import {BetterAuthAdapter, type BetterAuthAdapterOptions} from './better-auth.js';

export const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), {...init, headers: {'content-type': 'application/json', ...init.headers}});

/** An adapter whose fetch answers with `respond` and records what it was asked. */
export function stubbed(
  respond: (url: string, init: RequestInit) => Response | Promise<Response>,
  mode: 'cookie' | 'bearer' = 'cookie',
  socialProviders?: string[],
  options: Partial<BetterAuthAdapterOptions> = {},
) {
  const calls: Array<{url: string; init: RequestInit}> = [];
  const adapter = new BetterAuthAdapter({
    baseURL: 'https://auth.example.test/api/auth/',
    mode,
    socialProviders,
    ...options,
    fetch: async (input, init = {}) => {
      calls.push({url: String(input), init});
      return respond(String(input), init);
    },
  });
  return {adapter, calls};
}

export const credentials = {email: 'a@example.com', password: 'secret123'};
export const apiUser = {id: 'u1', email: 'a@example.com', name: 'A', emailVerified: true, image: null, createdAt: '2025-01-01T00:00:00.000Z'};
export const apiSession = {id: 's1', userId: 'u1', expiresAt: '2099-01-01T00:00:00.000Z', token: 'tok'};
