// `npm start`: serves the demo (index.html) with the reference identity API and the dev
// mailbox mounted on the same origin by the authServer() plugin (DATABASE_PATH, default
// .data/auth.db). Library and script-tag builds live in scripts/build.mjs.
import { defineConfig } from 'vite';
import { wholeJson } from './scripts/whole-json-plugin.mjs';
import { authServer } from './server/vite-plugin.js';

const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT) || 5173;

export default defineConfig({
  plugins: [wholeJson(), authServer()],
  server: { host, port, strictPort: Boolean(process.env.PORT) },
  preview: { host, port },
});
