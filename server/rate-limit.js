/**
 * Rate limits of the reference API (and of `authElementsOptions`, better-auth-plugin.js), on in
 * every mode and stored in its database: SQLite (better-sqlite3) or PostgreSQL (`pg` Pool).
 *
 * Two limits apply to every request, and a request must pass both:
 * - per client address (better-auth's own limiter), keyed on the address http.js computes
 *   (see client-ip.js): `max` requests per endpoint per `window`, and `authMax` for endpoints
 *   that take credentials or codes, create accounts or send email (organization invitations
 *   included);
 * - per identifier (this file's plugin): `identifierMax` attempts per email, lowercased, per
 *   endpoint group per `window`, whatever address they come from, so rotating addresses cannot
 *   brute-force one account or flood one inbox.
 *
 * Both answer like better-auth: 429 with `X-Retry-After` (seconds) and a JSON `message`.
 *
 * Counts live in the table `rateLimitBucket` (key, count, resetAt) of the same database, given
 * to better-auth as its `customStorage`: keys are `<address>|<path>` (better-auth's) and
 * `id:<email>:<group>` (identifiers). They survive a restart and are shared by every process
 * on the same database. (A database this file cannot talk to, see createCounter, gets counters
 * in memory.) The windows are fixed: a bucket starts at its first request and empties
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
  '/phone-number/**',
  '/two-factor/**',
  '/request-password-reset',
  '/reset-password/**',
  '/send-verification-email',
  '/verify-email',
  '/verify-password',
  '/change-password',
  '/change-email',
  '/organization/invite-member',
];

/**
 * Endpoints whose JSON body names an account by `email` (or `phoneNumber`), by group: attempts against one email or number
 * share a bucket within a group. An invitation's `email` is the invited address: however many
 * organizations and addresses invite it, it gets `identifierMax` invitations per window.
 * Two-factor endpoints carry no identifier (the pending sign-in is a cookie reached only
 * through a password sign-in, which is limited here); better-auth counts their failed attempts
 * per challenge and locks the account itself.
 * @type {Record<string, 'sign-in' | 'verify' | 'send' | 'invite'>}
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
  '/phone-number/send-otp': 'send',
  '/phone-number/verify': 'sign-in',
  '/request-password-reset': 'send',
  '/send-verification-email': 'send',
  '/organization/invite-member': 'invite',
};

/**
 * The part of a better-sqlite3 Database used here.
 * @typedef {{exec(sql: string): unknown,
 *   prepare(sql: string): {get(...params: unknown[]): unknown, run(...params: unknown[]): unknown},
 *   transaction<F extends (...args: any[]) => any>(fn: F): F & {immediate: F}}} SqliteDatabase
 */

/**
 * The part of a `pg` Pool used here.
 * @typedef {{connect(): Promise<unknown>, query(text: string, values?: unknown[]): Promise<{rows: any[]}>}} PostgresPool
 */

/**
 * Counts one request against `key`; refused requests are not counted.
 * @typedef {{
 *   kind: 'sqlite' | 'postgres' | 'memory',
 *   consume(key: string, rule: {window: number, max: number}, now?: number): Promise<{allowed: boolean, retryAfter: number | null}>,
 * }} Counter
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
 * @param {Counter} counter
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

/** A refusal's wait, in whole seconds (at least 1). */
const secondsUntil = (/** @type {number} */ resetAt, /** @type {number} */ now) => Math.max(1, Math.ceil((resetAt - now) / 1000));

const PRUNE_EVERY = 60_000;

/**
 * Which counter `database` can hold: a better-sqlite3 Database, a `pg` Pool, or neither.
 * @param {unknown} database
 * @returns {'sqlite' | 'postgres' | undefined}
 */
export function counterKind(database) {
  if (!database || typeof database !== 'object') return undefined;
  const db = /** @type {Record<string, unknown>} */ (database);
  if (typeof db.prepare === 'function' && typeof db.transaction === 'function' && typeof db.exec === 'function') return 'sqlite';
  if (typeof db.query === 'function' && typeof db.connect === 'function') return 'postgres';
  return undefined;
}

/**
 * Fixed-window counters in the `rateLimitBucket` table of `database` (created if missing): a
 * better-sqlite3 Database or a `pg` Pool. Anything else (a Kysely instance, an ORM adapter, no
 * database) gets counters in this process's memory, which neither survive a restart nor are
 * shared with other processes.
 * @param {unknown} [database]
 * @returns {Counter}
 */
export function createCounter(database) {
  const kind = counterKind(database);
  if (kind === 'sqlite') return sqliteCounter(/** @type {SqliteDatabase} */ (database));
  if (kind === 'postgres') return postgresCounter(/** @type {PostgresPool} */ (database));
  return memoryCounter();
}

/** @param {SqliteDatabase} database @returns {Counter} */
function sqliteCounter(database) {
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
      nextPrune = now + PRUNE_EVERY;
    }
    const row = /** @type {{count: number, resetAt: number} | undefined} */ (select.get(key));
    if (!row || now >= row.resetAt) {
      start.run(key, now + window * 1000);
      return {allowed: true, retryAfter: null};
    }
    if (row.count >= max) return {allowed: false, retryAfter: secondsUntil(row.resetAt, now)};
    increment.run(key);
    return {allowed: true, retryAfter: null};
  });
  return {
    kind: 'sqlite',
    async consume(key, {window, max}, now = Date.now()) {
      return step.immediate(key, window, max, now);
    },
  };
}

/**
 * One upsert per request: the row lock taken by ON CONFLICT makes read and write one step,
 * also across processes. A refused request leaves the count at `max + 1` (it cannot grow past
 * that), which is how the statement tells a refusal from the request that reached `max`.
 * @param {PostgresPool} pool
 * @returns {Counter}
 */
function postgresCounter(pool) {
  /** @type {Promise<unknown> | undefined} */
  let ready;
  const createTable = () =>
    pool.query(
      'CREATE TABLE IF NOT EXISTS "rateLimitBucket" ("key" TEXT NOT NULL PRIMARY KEY, "count" INTEGER NOT NULL, "resetAt" BIGINT NOT NULL)',
    );
  const consumeSql = `INSERT INTO "rateLimitBucket" AS b ("key", "count", "resetAt") VALUES ($1, 1, $2)
ON CONFLICT ("key") DO UPDATE SET
  "count" = CASE WHEN b."resetAt" <= $3 THEN 1 ELSE LEAST(b."count" + 1, $4 + 1) END,
  "resetAt" = CASE WHEN b."resetAt" <= $3 THEN $2 ELSE b."resetAt" END
RETURNING "count", "resetAt"`;
  let nextPrune = 0;
  return {
    kind: 'postgres',
    async consume(key, {window, max}, now = Date.now()) {
      await (ready ??= createTable().catch((error) => {
        ready = undefined; // try again on the next request
        throw error;
      }));
      if (now >= nextPrune) {
        nextPrune = now + PRUNE_EVERY;
        await pool.query('DELETE FROM "rateLimitBucket" WHERE "resetAt" <= $1', [now]);
      }
      const {rows} = await pool.query(consumeSql, [key, now + window * 1000, now, max]);
      const count = Number(rows[0].count);
      if (count <= max) return {allowed: true, retryAfter: null};
      return {allowed: false, retryAfter: secondsUntil(Number(rows[0].resetAt), now)};
    },
  };
}

/** @returns {Counter} */
function memoryCounter() {
  /** @type {Map<string, {count: number, resetAt: number}>} */
  const buckets = new Map();
  let nextPrune = 0;
  return {
    kind: 'memory',
    async consume(key, {window, max}, now = Date.now()) {
      if (now >= nextPrune) {
        for (const [name, bucket] of buckets) if (bucket.resetAt <= now) buckets.delete(name);
        nextPrune = now + PRUNE_EVERY;
      }
      const bucket = buckets.get(key);
      if (!bucket || now >= bucket.resetAt) {
        buckets.set(key, {count: 1, resetAt: now + window * 1000});
        return {allowed: true, retryAfter: null};
      }
      if (bucket.count >= max) return {allowed: false, retryAfter: secondsUntil(bucket.resetAt, now)};
      bucket.count++;
      return {allowed: true, retryAfter: null};
    },
  };
}

/**
 * A better-auth plugin that limits attempts per identifier (see IDENTIFIER_ENDPOINTS). It runs
 * after better-auth's per-address limiter, so a request refused there is not counted here.
 * @param {{counter: Counter, window: number, max: number}} options
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
      const fields = /** @type {Record<string, unknown>} */ (body && typeof body === 'object' ? body : {});
      const email = typeof fields.email === 'string' ? fields.email : fields.phoneNumber;
      if (typeof email !== 'string' || !email.trim()) return;
      const {allowed, retryAfter} = await counter.consume(`id:${email.trim().toLowerCase()}:${group}`, {window, max});
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
