#!/usr/bin/env node
/**
 * `npx auth-elements-server`: the reference identity API from the installed package, configured
 * by environment variables (PORT, HOST, DATABASE_PATH, DATABASE_URL, TRUSTED_ORIGINS,
 * TRUSTED_PROXY_HEADER, PASSKEY_RP_ID, PASSKEY_ORIGINS, BETTER_AUTH_SECRET, NODE_ENV; see
 * standalone.js or `--help`). Needs the optional peer dependencies: better-auth, and
 * better-sqlite3 (SQLite) or pg (PostgreSQL); passkeys with @better-auth/passkey.
 */
const HELP = `Usage: auth-elements-server

The auth-elements reference identity API (better-auth) under /api/auth. Settings come from
the environment:

  PORT                  port to listen on (3000; 0 picks a free one)
  HOST                  address to listen on (127.0.0.1)
  DATABASE_PATH         SQLite file (.data/auth.db), needs better-sqlite3
  DATABASE_URL          postgres://user:password@host:5432/db instead of SQLite, needs pg
  TRUSTED_ORIGINS       comma-separated origins of pages on other origins (CORS with credentials)
  TRUSTED_PROXY_HEADER  header your reverse proxy sets to the client address (x-forwarded-for)
  PASSKEY_RP_ID         the domain passkeys belong to (the API's host; localhost for an IP address)
  PASSKEY_ORIGINS       comma-separated pages that may use passkeys (the API's origin and TRUSTED_ORIGINS)
  BETTER_AUTH_SECRET    random secret, at least 32 characters; required in production
  NODE_ENV=production   strict rate limits, secret required, no dev mailbox at /__mail

Install: npm install auth-elements better-auth better-sqlite3   (or pg for PostgreSQL)
Passkeys: npm install @better-auth/passkey   (the same version as better-auth)
`;

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write(HELP);
  process.exit(0);
}

/** @type {typeof import('./standalone.js')} */
let standalone;
try {
  standalone = await import('./standalone.js');
} catch (error) {
  const missing = /Cannot find package '([^']+)'/.exec(String(/** @type {Error} */ (error)?.message))?.[1];
  if (/** @type {{code?: string}} */ (error)?.code !== 'ERR_MODULE_NOT_FOUND' || !missing) throw error;
  console.error(
    `auth-elements-server: the package \`${missing}\` is not installed. The server needs better-auth and a database driver:\n` +
      `  npm install auth-elements better-auth better-sqlite3   (or pg for PostgreSQL)`,
  );
  process.exit(1);
}
await standalone.main();
