/**
 * Rate limits of the reference API, on in every mode and stored in its SQLite database.
 *
 * Two limits apply to every request, and a request must pass both:
 * - per client address (better-auth's own limiter), keyed on the address http.js computes
 *   (see client-ip.js): `max` requests per endpoint per `window`, and `authMax` for endpoints
 *   that take credentials or codes, create accounts or send email;
 * - per identifier (this file's plugin): `identifierMax` attempts per email, lowercased, per
 *   endpoint group per `window`, whatever address they come from, so rotating addresses cannot
 *   brute-force one account or flood one inbox.
 *
 * Both answer like better-auth: 429 with `X-Retry-After` (seconds) and a JSON `message`.
 *
 * Counts live in the table `rateLimitBucket` (key, count, resetAt) of the same database, given
 * to better-auth as its `customStorage`: keys are `<address>|<path>` (better-auth's) and
 * `id:<email>:<group>` (identifiers). They survive a restart and are shared by every process
 * on the same file. The windows are fixed: a bucket starts at its first request and empties
 * `window` seconds later. (better-auth's own `storage: 'database'` moves the window with every
 * allowed request, so a client that never pauses for a whole window, say a page polling
 * get-session, spends `max` once and for all and is then refused; it would make `max` a
 * budget, not a rate.)
 */
import {ConfigurationError} from './config.js';

/**
 * @typedef {{
 *   window?: number,
 *   max?: number,
 *   authMax?: number,
 *   identifierMax?: number,
 *   customRules?: Record<string, {window: number, max: number} | false>,
 * }} RateLimitOptions
 *   `window`: seconds every limit counts over. `max`: requests per client address per endpoint.
 *   `authMax`: the same for AUTH_ENDPOINTS. `identifierMax`: attempts per email per group of
 *   IDENTIFIER_ENDPOINTS. `customRules`: better-auth rules by path (wildcards allowed), taking
 *   precedence over the ones built from `authMax`.
 */

/** @type {{production: Required<Omit<RateLimitOptions, 'customRules'>>, development: Required<Omit<RateLimitOptions, 'customRules'>>}} */
export const DEFAULT_RATE_LIMITS = {
  production: {window: 60, max: 100, authMax: 10, identifierMax: 5},
  development: {window: 60, max: 1000, authMax: 100, identifierMax: 50},
};

/**
 * Endpoints that check a password or code, create accounts or send email: limited per client
 * address by `authMax`. (Patterns in better-auth's wildcard syntax; they also replace the
 * built-in and plugin rules for these paths, which would otherwise differ per endpoint.)
 */
export const AUTH_ENDPOINTS = [
  '/sign-in/**',
  '/sign-up/**',
  '/email-otp/**',
  '/forget-password/**',
  '/magic-link/**',
  '/two-factor/**',
  '/request-password-reset',
  '/reset-password/**',
  '/send-verification-email',
  '/verify-email',
  '/verify-password',
  '/change-password',
  '/change-email',
];

/**
 * Endpoints whose JSON body names an account by `email`, by group: attempts against one email
 * share a bucket within a group. Two-factor endpoints carry no identifier (the pending sign-in
 * is a cookie reached only through a password sign-in, which is limited here); better-auth
 * counts their failed attempts per challenge and locks the account itself.
 * @type {Record<string, 'sign-in' | 'verify' | 'send'>}
 */
export const IDENTIFIER_ENDPOINTS = {
  '/sign-in/email': 'sign-in',
  '/sign-in/email-otp': 'sign-in',
  '/email-otp/verify-email': 'verify',
  '/email-otp/check-verification-otp': 'verify',
  '/email-otp/reset-password': 'verify',
  '/email-otp/send-verification-otp': 'send',
  '/email-otp/request-password-reset': 'send',
  '/forget-password/email-otp': 'send',
  '/sign-in/magic-link': 'send',
  '/request-password-reset': 'send',
  '/send-verification-email': 'send',
};

/**
 * The part of a better-sqlite3 Database used here.
 * @typedef {{exec(sql: string): unknown,
 *   prepare(sql: string): {get(...params: unknown[]): unknown, run(...params: unknown[]): unknown},
 *   transaction<F extends (...args: any[]) => any>(fn: F): F & {immediate: F}}} SqliteDatabase
 */

/**
 * The limits for one mode, with the caller's settings over the defaults.
 * @param {RateLimitOptions | undefined} options
 * @param {boolean} production
 */
export function resolveRateLimits(options = {}, production) {
  const defaults = production ? DEFAULT_RATE_LIMITS.production : DEFAULT_RATE_LIMITS.development;
  const limits = {...defaults};
  for (const name of /** @type {const} */ (['window', 'max', 'authMax', 'identifierMax'])) {
    const value = options[name];
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < 1) throw new ConfigurationError(`rateLimit.${name} must be a positive integer (got ${value})`);
    limits[name] = value;
  }
  return {...limits, customRules: options.customRules ?? {}};
}

/**
 * better-auth's `rateLimit` option: on, counted by `counter` (in the database), `authMax` on
 * AUTH_ENDPOINTS.
 * @param {ReturnType<typeof resolveRateLimits>} limits
 * @param {ReturnType<typeof createCounter>} counter
 */
export function betterAuthRateLimit({window, max, authMax, customRules}, counter) {
  // better-auth takes the first matching key: the caller's rules come first, ours fill the rest.
  /** @type {Record<string, {window: number, max: number} | false>} */
  const rules = {...customRules};
  for (const path of AUTH_ENDPOINTS) if (!(path in rules)) rules[path] = {window, max: authMax};
  return {
    enabled: true,
    window,
    max,
    customRules: rules,
    customStorage: {
      /** @param {string} key @param {{window: number, max: number}} rule */
      consume: async (key, rule) => counter.consume(key, rule),
    },
  };
}

/** better-auth's own 429, so a client cannot tell the two limiters apart. */
function tooManyRequests(/** @type {number} */ retryAfter) {
  return new Response(JSON.stringify({message: 'Too many requests. Please try again later.'}), {
    status: 429,
    statusText: 'Too Many Requests',
    headers: {'Content-Type': 'application/json', 'X-Retry-After': String(retryAfter)},
  });
}

/**
 * Fixed-window counters in the `rateLimitBucket` table (created here if missing).
 * @param {SqliteDatabase} database
 */
export function createCounter(database) {
  database.exec(
    'CREATE TABLE IF NOT EXISTS "rateLimitBucket" ("key" TEXT NOT NULL PRIMARY KEY, "count" INTEGER NOT NULL, "resetAt" INTEGER NOT NULL)',
  );
  const select = database.prepare('SELECT "count", "resetAt" FROM "rateLimitBucket" WHERE "key" = ?');
  const start = database.prepare('INSERT OR REPLACE INTO "rateLimitBucket" ("key", "count", "resetAt") VALUES (?, 1, ?)');
  const increment = database.prepare('UPDATE "rateLimitBucket" SET "count" = "count" + 1 WHERE "key" = ?');
  const prune = database.prepare('DELETE FROM "rateLimitBucket" WHERE "resetAt" <= ?');
  let nextPrune = 0;
  // Synchronous, and IMMEDIATE takes the write lock first: the read and the write are one step,
  // also against other processes on the same file.
  const step = database.transaction((/** @type {string} */ key, /** @type {number} */ window, /** @type {number} */ max, /** @type {number} */ now) => {
    if (now >= nextPrune) {
      prune.run(now);
      nextPrune = now + 60_000;
    }
    const row = /** @type {{count: number, resetAt: number} | undefined} */ (select.get(key));
    if (!row || now >= row.resetAt) {
      start.run(key, now + window * 1000);
      return {allowed: true, retryAfter: null};
    }
    if (row.count >= max) return {allowed: false, retryAfter: Math.max(1, Math.ceil((row.resetAt - now) / 1000))};
    increment.run(key);
    return {allowed: true, retryAfter: null};
  });
  return {
    /**
     * Records one request against `key`; refused ones are not counted.
     * @param {string} key
     * @param {{window: number, max: number}} rule  window in seconds
     * @returns {{allowed: boolean, retryAfter: number | null}}
     */
    consume(key, {window, max}, now = Date.now()) {
      return step.immediate(key, window, max, now);
    },
  };
}

/**
 * A better-auth plugin that limits attempts per identifier (see IDENTIFIER_ENDPOINTS). It runs
 * after better-auth's per-address limiter, so a request refused there is not counted here.
 * @param {{counter: ReturnType<typeof createCounter>, window: number, max: number}} options
 */
export function identifierRateLimit({counter, window, max}) {
  return {
    id: 'auth-elements-identifier-rate-limit',
    /**
     * @param {Request} request
     * @param {{baseURL: string}} ctx
     */
    async onRequest(request, ctx) {
      if (request.method !== 'POST') return;
      const group = IDENTIFIER_ENDPOINTS[endpointPath(request.url, ctx.baseURL)];
      if (!group) return;
      /** @type {unknown} */
      let body;
      try {
        body = await request.clone().json();
      } catch {
        return; // not JSON: the endpoint refuses it itself
      }
      const email = body && typeof body === 'object' && 'email' in body ? body.email : undefined;
      if (typeof email !== 'string' || !email.trim()) return;
      const {allowed, retryAfter} = counter.consume(`id:${email.trim().toLowerCase()}:${group}`, {window, max});
      if (!allowed) return {response: tooManyRequests(retryAfter ?? window)};
    },
  };
}

/** The path under better-auth's base path, without trailing slashes (as its router sees it). */
function endpointPath(/** @type {string} */ url, /** @type {string} */ baseURL) {
  let pathname;
  let basePath = '/api/auth';
  try {
    pathname = new URL(url).pathname.replace(/\/+$/, '') || '/';
    if (baseURL) basePath = new URL(baseURL).pathname.replace(/\/+$/, '');
  } catch {
    return '/';
  }
  if (basePath && pathname.startsWith(`${basePath}/`)) return pathname.slice(basePath.length);
  return pathname;
}
