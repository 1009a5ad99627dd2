import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {chromeLauncher} from '@web/test-runner-chrome';
import {CHROME_ARGS, CHROME_PATH} from './scripts/chromium.mjs';
import {createAuth} from './server/auth.js';
import {createRequestHandler} from './server/http.js';
import {createMailbox} from './server/mailbox.js';
import {mediaFeaturesPlugin} from './scripts/wtr-media-features.mjs';
import {webAuthnPlugin} from './scripts/wtr-webauthn.mjs';
import {builtInEnglishPlugin} from './scripts/wtr-built-in-english.mjs';

// localhost, not 127.0.0.1: WebAuthn takes a domain as RP ID (passkey tests, scripts/wtr-webauthn.mjs).
const host = 'localhost';
const port = Number(process.env.WTR_PORT ?? 8765);
const origin = `http://${host}:${port}`;

// The reference server, on a fresh database per run, mounted in the test server's origin.
const dataDir = mkdtempSync(join(tmpdir(), 'auth-elements-wtr-'));
process.once('exit', () => rmSync(dataDir, {recursive: true, force: true}));
const mailbox = createMailbox({log: false});
const auth = await createAuth({
  databasePath: join(dataDir, 'auth.db'),
  baseURL: origin,
  trustedOrigins: [origin, `http://127.0.0.1:${port}`],
  mailbox,
  logLevel: 'error',
  // An OAuth app the server can build GitHub's authorization URL for (nothing leaves the machine).
  socialProviders: {github: {clientId: 'auth-elements-test', clientSecret: 'not-a-secret'}},
});
const handleAuth = createRequestHandler({auth, mailbox, production: false});

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  hostname: host,
  port,
  nodeResolve: true,
  concurrency: 1,
  plugins: [
    esbuildPlugin({
      ts: true,
      json: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
    builtInEnglishPlugin(), // the English built into the script tag, as the build picks it
    mediaFeaturesPlugin(), // forced-colors and other media features emulateMedia can't set
    webAuthnPlugin(), // virtual authenticators for passkey tests
  ],
  middleware: [
    // Test support: makes the caller's session (cookie or bearer) `seconds` older, so a test can
    // meet SESSION_NOT_FRESH without waiting for session.freshAge.
    async (ctx, next) => {
      if (ctx.path !== '/__test/age-session' || ctx.method !== 'POST') return next();
      const headers = new Headers(Object.entries(ctx.req.headers).map(([key, value]) => [key, String(value)]));
      const found = await auth.api.getSession({headers, query: {disableCookieCache: true}});
      if (!found) return void (ctx.status = 401);
      const seconds = Number(ctx.query.seconds ?? 86400 * 2);
      await (await auth.$context).internalAdapter.updateSession(found.session.token, {createdAt: new Date(Date.now() - seconds * 1000)});
      ctx.status = 204;
    },
    // Test support: the caller's half-done two-factor sign-in (its two_factor cookie) expires now.
    async (ctx, next) => {
      if (ctx.path !== '/__test/expire-two-factor' || ctx.method !== 'POST') return next();
      // From the browser's cookies, or (bearer mode) the kit's relay header.
      const jar = `${ctx.req.headers.cookie ?? ''}; ${ctx.req.headers['x-auth-elements-cookies'] ?? ''}`;
      const cookie = /(?:^|;\s*)(?:__Secure-)?better-auth\.two_factor=([^;]+)/.exec(jar)?.[1];
      if (!cookie) return void (ctx.status = 404);
      const identifier = decodeURIComponent(cookie).replace(/\.[^.]*$/, '');
      const {adapter} = await auth.$context;
      await adapter.updateMany({model: 'verification', where: [{field: 'identifier', value: identifier}], update: {expiresAt: new Date(Date.now() - 1000)}});
      ctx.status = 204;
    },
    // Test support: a code or link (a verification row: `sign-in-otp-<email>`, a link's token) expires now.
    async (ctx, next) => {
      if (ctx.path !== '/__test/expire-verification' || ctx.method !== 'POST') return next();
      const {adapter} = await auth.$context;
      await adapter.updateMany({model: 'verification', where: [{field: 'identifier', value: String(ctx.query.identifier)}], update: {expiresAt: new Date(Date.now() - 1000)}});
      ctx.status = 204;
    },
    // Test support: an organization invitation's time runs out now.
    async (ctx, next) => {
      if (ctx.path !== '/__test/expire-invitation' || ctx.method !== 'POST') return next();
      const {adapter} = await auth.$context;
      await adapter.update({model: 'invitation', where: [{field: 'id', value: String(ctx.query.id)}], update: {expiresAt: new Date(Date.now() - 1000)}});
      ctx.status = 204;
    },
    async (ctx, next) => {
      if (ctx.path.startsWith('/api/auth/') || ctx.path === '/__mail' || ctx.path === '/__mail.json') {
        ctx.respond = false;
        ctx.status = 200; // the node handler sets the real status; keeps wtr's 404 report quiet
        await new Promise((resolve) => {
          ctx.res.once('finish', resolve);
          ctx.res.once('close', resolve);
          handleAuth(ctx.req, ctx.res, () => {
            ctx.res.statusCode = 404;
            ctx.res.end();
          });
        });
        return;
      }
      await next();
    },
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: CHROME_PATH,
        args: CHROME_ARGS,
      },
    }),
  ],
  testFramework: {config: {timeout: 10000}},
};
