// `npm start`: serves the demo (index.html) with the reference identity API and the dev
// mailbox mounted on the same origin by the authServer() plugin (DATABASE_PATH, default
// .data/auth.db), and the example backend's /api/reports (demo/reports-backend.js). Library and script-tag builds live in scripts/build.mjs.
import { defineConfig } from 'vite';
import { wholeJson } from './scripts/whole-json-plugin.mjs';
import { authServer } from './server/vite-plugin.js';
import { reportsBackend } from './demo/reports-backend.js';

// localhost, not 127.0.0.1: browsers refuse an IP address as a passkey's relying party (the
// server's rpID follows the URL, server/vite-plugin.js). `npm start` opens the page (BROWSER=none: it doesn't).
const host = process.env.HOST || 'localhost';
const port = Number(process.env.PORT) || 5173;
const open = process.env.npm_lifecycle_event === 'start';

export default defineConfig({
  plugins: [wholeJson(), authServer(), reportsBackend()],
  server: { host, port, strictPort: Boolean(process.env.PORT), open },
  preview: { host, port },
});
