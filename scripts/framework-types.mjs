// The analyzer plugin (custom-elements-manifest.config.mjs) that writes, from the finished
// manifest, everything a framework or an editor needs to know the elements:
//   dist/types/frameworks/react.d.ts    React 19 JSX (`import type {} from 'auth-elements/react'`)
//   dist/types/frameworks/preact.d.ts   Preact JSX
//   dist/types/frameworks/solid.d.ts    Solid JSX
//   dist/types/frameworks/vue.d.ts      Vue GlobalComponents (templates, checked by vue-tsc)
//   dist/types/frameworks/svelte.d.ts   Svelte 5 `svelte/elements` SvelteHTMLElements
//   vscode.html-custom-data.json, vscode.css-custom-data.json, web-types.json  (package root)
// The break-stuff generators (custom-element-*-integration) write the per-element prop types from
// the manifest; this file only corrects what they get wrong for this kit (see `fix*` below) and
// adds the module augmentation each framework reads. Nothing here names an element: a new element
// gets its types from its class header and its src/define/ entry.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateJsxTypes } from 'custom-element-jsx-integration';
import { generateSolidJsTypes } from 'custom-element-solidjs-integration';
import { generateSvelteTypes } from 'custom-element-svelte-integration';
import { generateVsCodeCustomElementData } from 'custom-element-vs-code-integration';
import { generateJetBrainsWebTypes } from 'custom-element-jet-brains-integration';
import { generateVuejsTypes } from 'custom-element-vuejs-integration';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Where the .d.ts files go; package.json exports `./react` etc. from here. */
export const FRAMEWORK_TYPES_DIR = 'dist/types/frameworks';
export const FRAMEWORKS = ['react', 'preact', 'solid', 'vue', 'svelte'];
export const EDITOR_DATA = ['vscode.html-custom-data.json', 'vscode.css-custom-data.json', 'web-types.json'];

/**
 * The public specifier that loads a shipped file, from package.json `exports`:
 * `dist/lib/define/auth-sign-in.js` → `auth-elements/define/auth-sign-in` (through `./define/*`).
 */
export function specifierFor(path, { name, exports } = pkg) {
  const file = `./${path}`;
  for (const [key, value] of Object.entries(exports ?? {})) {
    const target = typeof value === 'string' ? value : (value?.import ?? value?.default);
    if (typeof target !== 'string') continue;
    const [prefix, suffix = ''] = target.split('*');
    if (!target.includes('*')) {
      if (target === file) return key === '.' ? name : `${name}/${key.slice(2)}`;
    } else if (file.startsWith(prefix) && file.endsWith(suffix) && file.length >= prefix.length + suffix.length) {
      const star = file.slice(prefix.length, file.length - suffix.length);
      return `${name}/${key.slice(2).replace('*', star)}`;
    }
  }
  throw new Error(`${path} is not exported by package.json "exports"`);
}

/** Every element declaration with its module path. */
export function elementsOf(manifest) {
  return (manifest.modules ?? []).flatMap((module) =>
    (module.declarations ?? []).filter((d) => d.tagName).map((declaration) => ({ module, declaration })),
  );
}

const EVENT_MARK = (type) => `import("${pkg.name}").${type}`;

/**
 * What the type generators read: the manifest with
 * - readonly fields dropped (the generators offer every public field as a settable prop:
 *   `activeClient`, `localizer`), and non-public methods (listed as blank lines in the docs);
 * - each event typed through a marker, `import("auth-elements").AuthSignedInEvent`, so that the
 *   generators do not try to import the event class from the element's own entry (which exports
 *   only the element) and the post-processing can find every event type.
 * An event without a `{Type}` in its `@event` tag fails the build: the generators would type it
 * `CustomEvent<never>`.
 */
function generatorView(manifest) {
  const view = structuredClone(manifest);
  for (const { declaration } of elementsOf(view)) {
    // Protected methods (render, lifecycle) would list as empty lines under "Methods".
    declaration.members = declaration.members?.filter((m) => !(m.kind === 'field' && m.readonly) && !(m.kind === 'method' && m.privacy && m.privacy !== 'public'));
    for (const event of declaration.events ?? []) {
      const type = event.type?.text;
      if (!type || !/^[A-Z][A-Za-z0-9]*$/.test(type)) {
        throw new Error(`<${declaration.tagName}> event ${event.name}: write its class in the header, \`@event {AuthSomethingEvent} ${event.name} - …\` (found ${JSON.stringify(type)})`);
      }
      event.type = { text: EVENT_MARK(type) };
    }
  }
  return view;
}

/** `text.replace`, but a pattern the generator no longer produces fails the build loudly. */
function replace(text, pattern, replacement, what) {
  if (!pattern.test(text)) throw new Error(`framework types: the generator's output changed (no ${what}); update scripts/framework-types.mjs`);
  pattern.lastIndex = 0;
  return text.replace(pattern, replacement);
}

/** Removes `type <name> = {…};` (balanced braces) from generated text. */
function removeTypeBlock(text, name) {
  const start = text.search(new RegExp(`^type ${name} = \\{`, 'm'));
  if (start < 0) throw new Error(`framework types: the generator's output changed (no type ${name})`);
  let depth = 0;
  for (let i = text.indexOf('{', start); i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) {
      const end = text.indexOf(';', i);
      // Some generators append `& JSX.…` after the closing brace: drop up to the semicolon.
      return text.slice(0, start) + text.slice(end + 1).replace(/^\n+/, '\n');
    }
  }
  throw new Error(`framework types: unbalanced type ${name}`);
}

/**
 * Events: the generators write `(e: CustomEvent<T>) => void`, but every event here is its own
 * `Event` subclass with typed fields (`event.user`), not a CustomEvent with a `detail`. Types the
 * handler with the class itself and imports the classes from the package root.
 */
function fixEvents(text) {
  const used = new Set();
  const mark = /\(e: CustomEvent<import\("[^"]+"\)\.([A-Za-z0-9]+)>\)/g;
  text = text.replace(mark, (_, type) => (used.add(type), `(event: ${type})`));
  if (text.includes('CustomEvent<')) throw new Error('framework types: an event is still typed as CustomEvent (the generator changed?)');
  if (!used.size) return text;
  const imports = `import type { ${[...used].sort().join(', ')} } from "${pkg.name}";\n`;
  // After the generator's own imports (the element classes, from their define entries).
  const lastImport = [...text.matchAll(/^import type .*;$/gm)].at(-1);
  const at = lastImport ? lastImport.index + lastImport[0].length + 1 : 0;
  return text.slice(0, at) + imports + text.slice(at);
}

const banner = (framework, usage) => `/**
 * ${framework} types for the auth-elements custom elements: attributes, properties and events,
 * generated from custom-elements.json (scripts/framework-types.mjs). Use:
 *
${usage.map((line) => ` *   ${line}`).join('\n')}
 */
`;

/** The generators' sample specifiers, made real. */
const fixDocs = (text, specifier) => text.replaceAll('path/to/library/jsx-integration', specifier).replaceAll('my-app/solid', specifier);

/**
 * React 19 and Preact: the generator's own base props are a loose list (`ref: unknown`, `style`
 * as a record, no event handlers); each element gets the framework's HTML attributes for its
 * class instead (typed `ref`, `className`, `style`, `onClick`, `aria-*`…), minus any name the
 * element declares itself. React 19 hands a custom element's events to `on<event-name>` props as
 * written (`onauth-signed-in`), which is what the generator emits.
 */
function jsxFramework(text, { module, htmlAttributes, specifier, usage, framework }) {
  text = fixEvents(fixDocs(text, specifier)).replace('declare module "my-library"', `declare module "${module}"`);
  text = removeTypeBlock(text, 'BaseProps');
  text = replace(text, /^type BaseEvents = \{\};\n/m, '', 'BaseEvents');
  text = replace(
    text,
    /Partial<([A-Za-z0-9]+)Props & BaseProps & BaseEvents>/g,
    (_, name) => `ElementProps<${name}, ${name}Props>`,
    'CustomElements entries',
  );
  return `${banner(framework, usage)}${htmlAttributes.import}\n${text}
/** An element's own props, then the framework's HTML attributes for its class. */
type ElementProps<E extends HTMLElement, P> = P & Omit<${htmlAttributes.type}, keyof P>;

declare module "${module}" {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}
`;
}

function fixReact(text) {
  return jsxFramework(text, {
    framework: 'React 19',
    module: 'react',
    specifier: `${pkg.name}/react`,
    htmlAttributes: {
      import: 'import type { DetailedHTMLProps, HTMLAttributes } from "react";',
      type: 'DetailedHTMLProps<HTMLAttributes<E>, E>',
    },
    usage: [`import type {} from '${pkg.name}/react';   // once, in any file the project compiles`, `or tsconfig.json: "compilerOptions": {"types": ["${pkg.name}/react"]}`],
  });
}

function fixPreact(text) {
  return jsxFramework(text, {
    framework: 'Preact',
    module: 'preact',
    specifier: `${pkg.name}/preact`,
    htmlAttributes: { import: 'import type { HTMLAttributes } from "preact";', type: 'HTMLAttributes<E>' },
    usage: [`import type {} from '${pkg.name}/preact';`],
  });
}

/** Solid: the generator's `prop:` / `on:` names are Solid's own; only events and the augmentation. */
function fixSolid(text) {
  text = fixEvents(fixDocs(text, `${pkg.name}/solid`));
  return `${banner('Solid', [`import type {} from '${pkg.name}/solid';`, 'then <auth-sign-in sign-up-url="/sign-up" prop:appearance={…} on:auth-signed-in={(event) => …} />'])}${text}
declare module "solid-js" {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}
`;
}

/**
 * Vue: GlobalComponents types what vue-tsc checks in templates. The generator also extends a
 * global `JSX.IntrinsicElements` with Vue component types, which would leak into React or Preact
 * code in the same program: dropped (Vue's own JSX takes any tag).
 */
function fixVue(text) {
  text = fixEvents(text);
  // vue-tsc reads a template's `sign-up-url="…"` as the prop `signUpUrl` and
  // `@auth-signed-in` as `onAuthSignedIn`; the generator writes the names as in HTML, which
  // vue-tsc rejects ("'signUpUrl' does not exist … Did you mean 'sign-up-url'?").
  const camel = (kebab) => kebab.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
  text = text.replace(/"on([a-z0-9-]+)"\?: \(event:/g, (_, name) => `${camel(`on-${name}`)}?: (event:`);
  text = text.replace(/^(\s*)"([a-z0-9]+(?:-[a-z0-9]+)+)"\?:/gm, (_, indent, name) => `${indent}${camel(name)}?:`);
  text = replace(text, /\n\s*declare global \{\s*namespace JSX \{[^}]*\{\}\s*\}\s*\}\n/, '\n', 'global JSX block');
  return `${banner('Vue 3', [`import type {} from '${pkg.name}/vue';   // e.g. in env.d.ts`, 'vite.config: vue({template: {compilerOptions: {isCustomElement: (tag) => tag.startsWith(\'auth-\')}}})', 'then <auth-sign-in sign-up-url="/sign-up" :appearance="…" @auth-signed-in="(event) => …" />'])}${text}`;
}

/**
 * Svelte 5: the generator writes Svelte 4 syntax (`bind:prop`, `on:event`), refers to a `JSX`
 * namespace Svelte does not have, and declares `svelteHTML` inside a module, where nothing reads
 * it. Svelte 5 sets a custom element's known properties from plain attributes
 * (`appearance={…}`) and listens to `onauth-signed-in`; its element types live in
 * `svelte/elements`.
 */
function fixSvelte(text) {
  text = fixEvents(text);
  text = removeTypeBlock(text, 'BaseProps');
  text = replace(text, /^type BaseEvents = \{\};\n/m, '', 'BaseEvents');
  text = replace(text, /"bind:([A-Za-z0-9]+)"\?:/g, '$1?:', 'bind: props');
  text = replace(text, /"on:([a-z0-9-]+)"\?:/g, '"on$1"?:', 'on: events');
  text = replace(text, /Partial<([A-Za-z0-9]+)Props & BaseProps & BaseEvents>/g, (_, name) => `ElementProps<${name}, ${name}Props>`, 'CustomElements entries');
  text = replace(text, /\n\s*declare namespace svelteHTML \{[^}]*\{\}\s*\}\n/, '\n', 'svelteHTML block');
  return `${banner('Svelte 5', [`import type {} from '${pkg.name}/svelte';   // e.g. in src/app.d.ts, or tsconfig "types"`, 'then <auth-sign-in sign-up-url="/sign-up" appearance={…} onauth-signed-in={(event) => …} />'])}import type { HTMLAttributes } from "svelte/elements";
${text}
/** An element's own props, then Svelte's HTML attributes for its class. */
type ElementProps<E extends HTMLElement, P> = P & Omit<HTMLAttributes<E>, keyof P>;

declare module "svelte/elements" {
  interface SvelteHTMLElements extends CustomElements {}
}
`;
}

/** The generators log each file they write; keep the build's output to one line. */
function quietly(fn) {
  const log = console.log;
  console.log = () => {};
  try {
    return fn();
  } finally {
    console.log = log;
  }
}

/** A CSS property without a default is documented "_(default: undefined)_": drop that. */
const fixDefaults = (text) => text.replaceAll(' _(default: undefined)_', '');

function rewriteFile(path, fix = (text) => text) {
  const text = fixDefaults(readFileSync(path, 'utf8'));
  writeFileSync(path, fix(text).replace(/\n{3,}/g, '\n\n'));
}

export function frameworkTypes({ outdir = FRAMEWORK_TYPES_DIR } = {}) {
  return {
    name: 'auth-elements:framework-types',
    packageLinkPhase({ customElementsManifest }) {
      const view = generatorView(customElementsManifest);
      const moduleOfTag = new Map(elementsOf(view).map(({ module, declaration }) => [declaration.tagName, module.path]));
      const common = {
        outdir: join(root, outdir),
        hideLogs: true,
        // Each element class from the entry that registers its tag.
        componentTypePath: (_name, tag) => specifierFor(moduleOfTag.get(tag)),
      };
      const file = (name) => join(root, outdir, `${name}.d.ts`);
      quietly(() => {
        generateJsxTypes(view, { ...common, fileName: 'react.d.ts' });
        generateJsxTypes(view, { ...common, fileName: 'preact.d.ts' });
        generateSolidJsTypes(view, { ...common, fileName: 'solid.d.ts' });
        generateVuejsTypes(view, { ...common, fileName: 'vue.d.ts' });
        generateSvelteTypes(view, { ...common, fileName: 'svelte.d.ts' });
        // Editor data reads the manifest itself (event types as written: `AuthSignedInEvent`).
        generateVsCodeCustomElementData(customElementsManifest, { outdir: root, hideLogs: true });
        generateJetBrainsWebTypes(customElementsManifest, {
          outdir: root,
          hideLogs: true,
          packageJson: false,
          // `source` names the module that exports the class: the element's define entry.
          modulePathTemplate: (_name, modulePath) => specifierFor(modulePath),
        });
      });
      rewriteFile(file('react'), fixReact);
      rewriteFile(file('preact'), fixPreact);
      rewriteFile(file('solid'), fixSolid);
      rewriteFile(file('vue'), fixVue);
      rewriteFile(file('svelte'), fixSvelte);
      for (const name of EDITOR_DATA) rewriteFile(join(root, name));
      console.log(`framework types: ${FRAMEWORKS.map((f) => `${outdir}/${f}.d.ts`).join(', ')}; ${EDITOR_DATA.join(', ')}`);
    },
  };
}
