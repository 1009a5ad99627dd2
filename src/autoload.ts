/// <reference types="vite/client" />
/**
 * The script-tag entry (`dist/cdn/auth-elements.js`): defines `<auth-provider>` at once, so the
 * session check starts as the page runs, and every other `auth-*` tag the first time it appears
 * in the document — each element's code is its own chunk (`elements/<tag>.js`), code they share
 * sits in `chunks/`. Elements import what they render in their own shadow roots.
 *
 * npm users import `auth-elements/define` or one `auth-elements/define/<tag>` instead; this module
 * is only the script tag's.
 */
import './define/auth-provider.js';

/** `src/define/auth-<tag>.ts` for every tag but the provider, as literal lazy imports (one chunk each). */
const modules = import.meta.glob(['./define/auth-*.ts', '!./define/auth-provider.ts']);

/** Tag → what loads it, for the tags not loaded yet. */
const pending = new Map(Object.entries(modules).map(([path, load]) => [path.slice('./define/'.length, -'.ts'.length), load]));
const loading = new Map<string, Promise<void>>();

/**
 * Tag → every shared chunk its element chunk imports, at any depth (paths beside this file).
 * The build writes it (scripts/build.mjs, `elementChunkMap`): fetching them together with the
 * element's own chunk turns a waterfall of imports into one round trip.
 */
const SHARED_CHUNKS: Record<string, string[]> = {__auth_element_chunks__: []};

/** The kit's tags this build can load (`auth-provider` included). */
export const AUTOLOADED_TAGS: readonly string[] = ['auth-provider', ...pending.keys()].sort();

/**
 * Loads and defines these tags now (a page that knows it will show `<auth-sign-in>` later, in a
 * dialog of its own, can ask ahead). Resolves when all are defined; unknown tags reject.
 */
export function preload(...tags: string[]): Promise<void> {
  return Promise.all(tags.map(load)).then(() => undefined);
}

function load(tag: string): Promise<void> {
  const started = loading.get(tag);
  if (started) return started;
  if (tag === 'auth-provider') return Promise.resolve();
  const loader = pending.get(tag);
  if (!loader) return Promise.reject(new Error(`auth-elements: no element <${tag}>`));
  pending.delete(tag);
  for (const file of SHARED_CHUNKS[tag] ?? []) {
    // Errors surface through the element's own import below, which imports the same modules.
    import(/* @vite-ignore */ new URL(file, import.meta.url).href).catch(() => undefined);
  }
  const promise = loader().then(
    () => undefined,
    (error: unknown) => {
      // A failed fetch (offline, a deploy that removed the chunk) can be retried by the next sweep.
      loading.delete(tag);
      pending.set(tag, loader);
      observe();
      console.error(`auth-elements: could not load <${tag}>`, error);
      throw error;
    },
  );
  loading.set(tag, promise);
  return promise;
}

/**
 * Loads every kit element used under `root` that is not defined yet. The document is watched by
 * itself; call this for a shadow root of your own that holds kit elements (a MutationObserver on
 * the document cannot see into shadow roots).
 */
export function discover(root: ParentNode = document): Promise<void> {
  if (!pending.size) return Promise.resolve();
  const found = new Set<string>();
  if (root instanceof Element && pending.has(root.localName)) found.add(root.localName);
  for (const element of root.querySelectorAll([...pending.keys()].join(','))) found.add(element.localName);
  return Promise.allSettled([...found].map(load)).then(() => undefined);
}

/**
 * Content that only some visitors may see stays hidden until its element has loaded and decided
 * (the page's own `<style>` from the README covers the moment before this script runs).
 */
const CONDITIONAL_TAGS = ['auth-signed-in', 'auth-signed-out', 'auth-loading', 'auth-unavailable'];

function hideConditionalContent(): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`${CONDITIONAL_TAGS.map((tag) => `${tag}:not(:defined)`).join(',')}{display:none!important}`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

const observer = typeof MutationObserver === 'undefined' ? null : new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) if (node instanceof Element) void discover(node);
  }
  if (!pending.size) observer!.disconnect();
});

/** Watches the document for new tags (again after a failed load put its tag back in `pending`). */
function observe(): void {
  observer?.observe(document.documentElement, {childList: true, subtree: true});
}

if (typeof document !== 'undefined') {
  hideConditionalContent();
  observe();
  void discover(document);
  // A chunk that failed to load is tried again when a tag is added or the network comes back.
  addEventListener('online', () => void discover(document));
}


export {AuthProvider} from './elements/provider/provider.js';
export {AuthClient} from './client/auth-client.js';
export {BetterAuthAdapter} from './client/adapters/better-auth.js';
export {AuthError} from './client/errors.js';
