#!/usr/bin/env node
// npm run build:
//   dist/lib/      ES modules for npm users: one entry per src/index.ts, src/define.ts,
//                  src/define/*.ts; shared code in chunks; lit, @lit/context, valibot and
//                  @zxcvbn-ts external (the strength meter's dictionaries stay one copy in the app)
//   dist/types/    declarations (tsconfig.build.json)
//   dist/cdn/      the script tag's auth-elements.js (src/autoload.ts: the provider, English, and a
//                  loader that fetches each element when its tag appears), the elements in
//                  elements/<tag>.js, shared code in chunks/, lazy locales in locales/; minified
//   custom-elements.json  (cem analyze --litelement), and from it (custom-elements-manifest.config.mjs,
//                  scripts/framework-types.mjs): dist/types/frameworks/{react,preact,solid,vue,svelte}.d.ts,
//                  vscode.html-custom-data.json, vscode.css-custom-data.json, web-types.json
// The config factories are exported for scripts/bench.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { minifyCssLiterals } from './minify-css-literals.mjs';
import { wholeJson } from './whole-json-plugin.mjs';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

/** Bare imports an npm user's bundler resolves (dependencies in package.json). */
export const external = [/^lit($|\/)/, /^@lit\/context($|\/)/, /^valibot($|\/)/, /^@zxcvbn-ts\//];

/** `src/define/auth-*.ts` (one per tag; helpers beside them are not entries) → { 'define/<tag>': path }. */
export function defineEntries() {
  const dir = join(root, 'src', 'define');
  if (!existsSync(dir)) return {};
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => /^auth-[a-z0-9-]+\.ts$/.test(f))
      .sort()
      .map((f) => [`define/${f.slice(0, -3)}`, join(dir, f)]),
  );
}

const isLocale = (chunk) =>
  !!chunk.facadeModuleId && /[\\/]locales[\\/][^\\/]+\.json(\.whole\.js)?$/.test(chunk.facadeModuleId);

const isElement = (chunk) => !!chunk.facadeModuleId && /[\\/]src[\\/]define[\\/]auth-[a-z0-9-]+\.ts$/.test(chunk.facadeModuleId);

/**
 * Lazy locale chunks go to locales/<lang>.js, other shared code to chunks/. Locales keep plain
 * names: 22 hashes in the entry's loader table would not compress.
 */
const chunkFileNames = (chunk) => (isLocale(chunk) ? 'locales/[name].js' : 'chunks/[name]-[hash].js');

/**
 * The script tag's chunks: each element's own code at elements/<tag>.js — a stable name that a
 * page's `<link rel="modulepreload">` can name — locales at locales/<lang>.js, shared code at
 * chunks/<name>.js. No content hashes: the folder is served as one versioned whole (README: the
 * version goes in the path), and every chunk's name is written many times over in the entry's
 * element-chunk map and in the chunks' imports, which a sign-in page downloads.
 */
const cdnChunkFileNames = (chunk) => (isElement(chunk) ? 'elements/[name].js' : isLocale(chunk) ? 'locales/[name].js' : 'chunks/[name].js');

/** en.json is bundled statically and also matches the lazy `locales/${lang}.json` import: expected. */
function onwarn(warning, warn) {
  if (warning.code === 'INEFFECTIVE_DYNAMIC_IMPORT' && /locales[\\/][^\\/]+\.json/.test(warning.message)) return;
  warn(warning);
}

/** What src/autoload.ts holds in place of the map until the build writes it (minified form). */
const CHUNK_MAP_PLACEHOLDER = '{__auth_element_chunks__:[]}';

/**
 * Writes into the script tag's entry, for each element chunk (`elements/<tag>.js`), the shared
 * chunks it imports at any depth, so the autoloader fetches them all at once.
 */
function elementChunkMap() {
  return {
    name: 'auth-elements:element-chunk-map',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      const entry = chunks.find((chunk) => chunk.isEntry);
      if (!entry?.code.includes(CHUNK_MAP_PLACEHOLDER)) return;
      const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const map = {};
      for (const chunk of chunks.filter(isElement)) {
        const shared = new Set();
        const visit = (fileName) => {
          const dependency = byName.get(fileName);
          if (!dependency || dependency.isEntry || shared.has(fileName)) return;
          shared.add(fileName);
          dependency.imports.forEach(visit);
        };
        chunk.imports.forEach(visit);
        map[chunk.fileName.replace(/^elements\/|\.js$/g, '')] = [...shared].map((fileName) => `./${fileName}`);
      }
      entry.code = entry.code.replace(CHUNK_MAP_PLACEHOLDER, JSON.stringify(map));
    },
  };
}

/**
 * Settings common to every build; `configFile: false` so vite.config.ts (the dev server) stays out.
 * Both builds use build.lib: app mode would wrap each lazy locale import in Vite's preload helper
 * (code that touches `document` and fires `vite:preloadError` on the host page's window).
 */
function base({ outDir, minify, write = true, logLevel = 'warn' }) {
  return {
    root,
    base: './',
    configFile: false,
    envDir: false,
    publicDir: false,
    logLevel,
    clearScreen: false,
    plugins: [minifyCssLiterals(), wholeJson()],
    build: {
      outDir,
      emptyOutDir: true,
      write,
      target: 'es2022',
      minify,
      reportCompressedSize: false,
      copyPublicDir: false,
    },
  };
}

/** (a) dist/lib: one entry per public module, shared code split into chunks. */
export function libConfig() {
  const cfg = base({ outDir: join(root, 'dist', 'lib'), minify: false });
  cfg.build.sourcemap = true;
  cfg.build.lib = {
    entry: {
      index: join(root, 'src', 'index.ts'),
      define: join(root, 'src', 'define.ts'),
      ...defineEntries(),
    },
    formats: ['es'],
  };
  cfg.build.rolldownOptions = {
    external,
    preserveEntrySignatures: 'strict',
    onwarn,
    output: { format: 'es', entryFileNames: '[name].js', chunkFileNames },
  };
  return cfg;
}

/**
 * Chunks of the script tag, each the static import graph of its roots (what an earlier group
 * holds stays there):
 *   the entry       — everything `entry` imports, so the script tag is one file that runs at once
 *                     (rolldown would otherwise move code it shares with a lazy chunk — the
 *                     provider's modal, an element — into a chunk the entry must import first);
 *   `elements`      — the element base, appearance, focus and announcements every element uses;
 *   `forms`         — the light-DOM form base and the sign-in machine (the sign-up machine comes
 *                     with the sign-up card: a sign-in page does not carry it).
 * Few, larger shared chunks: a page fetches fewer files, and each compresses better.
 */
const SHARED_CHUNKS = [
  ['elements', ['src/internal/auth-element.ts', 'src/appearance/tokens.ts', 'src/client/schemas.ts', 'src/internal/visibility-element.ts', 'src/internal/focus.ts', 'src/internal/announcer.ts', 'src/client/redirect.ts']],
  ['forms', ['src/internal/form-element.ts', 'src/client/flows/sign-in-flow.ts']],
];

function scriptTagChunks(entry, name) {
  let groups;
  return (id, { getModuleInfo }) => {
    if (!groups) {
      groups = new Map();
      const collect = (moduleId, group) => {
        if (groups.has(moduleId)) return;
        groups.set(moduleId, group);
        getModuleInfo(moduleId)?.importedIds.forEach((imported) => collect(imported, group));
      };
      collect(entry, name);
      for (const [group, roots] of SHARED_CHUNKS) roots.forEach((path) => collect(join(root, path), group));
    }
    return groups.get(id);
  };
}

/**
 * (c) A self-contained, minified, self-registering ES module from `entry`.
 * Dynamic imports (locales, the memory adapter) stay lazy chunks beside it. 'allow-extension'
 * lets code shared by the entry and a lazy chunk stay in the entry (the lazy chunk imports it
 * from there); with 'exports-only' rolldown moves it into a third chunk the entry imports.
 */
export function bundleConfig({ entry, name, outDir, write = true, logLevel }) {
  const cfg = base({ outDir, minify: true, write, logLevel });
  // Nothing reads process.env in a browser; replace it in case a dependency asks.
  cfg.define = { 'process.env.NODE_ENV': JSON.stringify('production') };
  cfg.build.lib = { entry: { [name]: entry }, formats: ['es'] };
  cfg.plugins.push(elementChunkMap());
  cfg.build.rolldownOptions = {
    preserveEntrySignatures: 'allow-extension',
    onwarn,
    output: {
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: cdnChunkFileNames,
      manualChunks: scriptTagChunks(entry, name),
      // build.lib alone keeps whitespace in ES output; ask rolldown for a full minify.
      minify: true,
      comments: false,
    },
  };
  return cfg;
}

export function cdnConfig(opts = {}) {
  return bundleConfig({
    entry: join(root, 'src', 'autoload.ts'),
    name: 'auth-elements',
    outDir: join(root, 'dist', 'cdn'),
    ...opts,
  });
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${relative(root, cmd)} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

function step(label) {
  console.log(`build: ${label}`);
}

async function main() {
  const { build } = await import('vite');
  const t0 = performance.now();
  for (const f of ['src/index.ts', 'src/define.ts']) {
    if (!existsSync(join(root, f))) throw new Error(`missing ${f}`);
  }

  step('library → dist/lib');
  await build(libConfig());

  step('script-tag bundle → dist/cdn');
  const out = await build(cdnConfig());
  // One file for the <script> tag: the entry must not statically import any other chunk.
  const chunks = (Array.isArray(out) ? out : [out]).flatMap((o) => o.output).filter((o) => o.type === 'chunk');
  const entry = chunks.find((c) => c.isEntry);
  if (!entry || entry.imports.length) {
    throw new Error(`dist/cdn/auth-elements.js is not self-contained; it imports ${entry?.imports.join(', ')}`);
  }
  if (/__auth_element_chunks__/.test(entry.code)) throw new Error('dist/cdn/auth-elements.js: the element chunk map was not written');
  const lazy = chunks.filter((c) => !c.isEntry).map((c) => c.fileName);
  console.log(`build: dist/cdn/auth-elements.js + lazy ${lazy.join(', ') || '(none)'}`);

  step('declarations → dist/types');
  rmSync(join(root, 'dist', 'types'), { recursive: true, force: true });
  run(bin('tsc'), ['-p', join(root, 'tsconfig.build.json')]);

  step('custom-elements.json, framework types, editor data');
  run(bin('cem'), ['analyze', '--litelement', '--quiet']);

  console.log(`build: done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((err) => {
    console.error(`build failed: ${err?.message ?? err}`);
    process.exit(1);
  });
}
