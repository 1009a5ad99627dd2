/**
 * The reference server's database: SQLite in a file (better-sqlite3, the embedded default) or
 * PostgreSQL when a `postgres://` URL is given (a `pg` Pool). Either is handed to better-auth as
 * its `database`, and to rate-limit.js for its counters. Both drivers are optional peer
 * dependencies: each is loaded only when chosen, with a clear message when it is missing.
 */
import {mkdirSync} from 'node:fs';
import {dirname} from 'node:path';
import {ConfigurationError} from './config.js';

/**
 * @typedef {{
 *   database: import('./rate-limit.js').SqliteDatabase | import('./rate-limit.js').PostgresPool,
 *   dialect: 'sqlite' | 'postgres',
 *   description: string,
 *   close(): Promise<void>,
 * }} OpenDatabase
 *   `description`: where the data lives, for logs (a URL's password is masked).
 */

/** @param {string} url */
export const isPostgresUrl = (url) => /^postgres(?:ql)?:\/\//i.test(url);

/** The URL with its password (if any) masked, for messages. @param {string} url */
export function redactUrl(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/\/\/[^@/]*@/, '//***@');
  }
}

/**
 * @param {string} name  package name
 * @param {string} purpose
 */
async function load(name, purpose) {
  try {
    return await import(name);
  } catch (error) {
    const code = /** @type {{code?: string}} */ (error).code;
    if (code === 'ERR_MODULE_NOT_FOUND' && String(/** @type {Error} */ (error).message).includes(`'${name}'`)) {
      throw new ConfigurationError(`${purpose} needs the \`${name}\` package, which is not installed. Install it next to auth-elements: npm install ${name}`);
    }
    throw error;
  }
}

/**
 * @param {{databasePath?: string, databaseUrl?: string}} options
 *   `databaseUrl` (a `postgres://` or `postgresql://` URL) wins over `databasePath` (a SQLite
 *   file, created with its folder if missing, or `:memory:`).
 * @returns {Promise<OpenDatabase>}
 */
export async function openDatabase({databasePath = '.data/auth.db', databaseUrl} = {}) {
  if (databaseUrl) {
    if (!isPostgresUrl(databaseUrl)) {
      throw new ConfigurationError(
        `DATABASE_URL must be a PostgreSQL URL (postgres://user:password@host:5432/database), got "${redactUrl(databaseUrl)}". For SQLite, set DATABASE_PATH to a file instead.`,
      );
    }
    const pg = await load('pg', 'DATABASE_URL (PostgreSQL)');
    const Pool = pg.Pool ?? pg.default?.Pool;
    const pool = new Pool({connectionString: databaseUrl});
    // An idle connection that breaks (the database restarted) must not crash the server.
    pool.on('error', (/** @type {Error} */ error) => console.error(`[auth-server] database: ${error.message}`));
    const description = `PostgreSQL ${redactUrl(databaseUrl)}`;
    try {
      await pool.query('SELECT 1');
    } catch (error) {
      await pool.end().catch(() => {});
      throw new ConfigurationError(`Cannot connect to the database in DATABASE_URL (${redactUrl(databaseUrl)}): ${/** @type {Error} */ (error).message}`);
    }
    return {database: pool, dialect: 'postgres', description, close: () => pool.end()};
  }
  const {default: Database} = await load('better-sqlite3', 'The SQLite database (DATABASE_PATH)');
  if (databasePath !== ':memory:') mkdirSync(dirname(databasePath), {recursive: true});
  const database = new Database(databasePath);
  database.pragma('journal_mode = WAL');
  return {
    database,
    dialect: 'sqlite',
    description: `SQLite ${databasePath}`,
    close: async () => {
      database.close();
    },
  };
}
