// `cem analyze --litelement` (run by scripts/build.mjs and `npm run analyze`). Element classes and
// their JSDoc headers live in src/elements/; src/internal/ is read for inherited members;
// src/define/auth-*.ts for the tag each class is registered under. The manifest then describes what
// the package ships (see shippedModulePaths), and the framework types and editor data are generated
// from it (scripts/framework-types.mjs).
import { posix } from 'node:path';
import { frameworkTypes } from './scripts/framework-types.mjs';

/**
 * Tags are registered through a helper, `defineElement('auth-sign-in', AuthSignIn)`, which the
 * analyzer does not know: record those calls as custom-element-definition exports, as it does
 * for `customElements.define()`, so each class gets its tagName.
 */
function defineElementCalls() {
  return {
    name: 'auth-elements:define-element-calls',
    analyzePhase({ ts, node, moduleDoc, context }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression)) return;
      if (node.expression.text !== 'defineElement') return;
      const [tag, klass] = node.arguments;
      if (!tag || !klass || !ts.isStringLiteralLike(tag) || !ts.isIdentifier(klass)) return;
      const name = klass.text;
      const imported = context.imports?.find((i) => i.name === name);
      let declaration;
      if (imported?.isBareModuleSpecifier) declaration = { name, package: imported.importPath };
      else if (imported) {
        const module = posix.join(posix.dirname(moduleDoc.path), imported.importPath).replace(/\.js$/, '.ts');
        declaration = { name, module };
      } else declaration = { name, module: moduleDoc.path };
      moduleDoc.exports = [...(moduleDoc.exports ?? []), { kind: 'custom-element-definition', name: tag.text, declaration }];
    },
  };
}

/**
 * The analyzer also guesses events from `dispatchEvent(new SomeEvent(arg))`, naming them after
 * constructor arguments (`user`, `state`, …). The `@event` tags in each class header are the
 * API: keep only the events they document.
 */
function documentedEventsOnly() {
  return {
    name: 'auth-elements:documented-events-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.events) declaration.events = declaration.events.filter((event) => event.name && event.description);
        }
      }
    },
  };
}

/** `src/define.ts` → `dist/lib/define.js`: the library build names each entry after its source path. */
const libPath = (src) => src.replace(/^src\//, 'dist/lib/').replace(/\.ts$/, '.js');
/** `src/internal/x.ts` → `dist/types/internal/x.d.ts` (tsconfig.build.json mirrors src/). */
const typesPath = (src) => src.replace(/^src\//, 'dist/types/').replace(/\.ts$/, '.d.ts');
/** The analyzer writes references as `src/a.ts`, `/src/a.js` or `./src/a.js`: one key for all. */
const sourceKey = (path) => posix.normalize(path.replace(/^\.?\/+/, '')).replace(/\.js$/, '.ts');

/**
 * Module paths name what the package ships, not src/:
 * - an element's module is the entry that registers its tag and exports its class,
 *   `dist/lib/define/<tag>.js` (package export `auth-elements/define/<tag>`), with the class, its
 *   `js` export and its `custom-element-definition`; the src/define/ modules fold into it.
 * - a base class in src/internal/ that an element extends (its members are already copied onto
 *   each element, with `inheritedFrom`) keeps a module at its declaration file
 *   `dist/types/internal/<name>.d.ts`: its code sits in a hashed chunk and no entry exports it, so
 *   the module has no exports, but every `superclass` / `inheritedFrom` reference still resolves.
 * - everything else in src/internal/ (helpers, controllers) is not API and leaves the manifest.
 * Runs after the analyzer's own linking (inheritance is applied by then). A tag without a define
 * entry, or a define entry whose class is not declared, fails the analysis.
 */
function shippedModulePaths() {
  return {
    name: 'auth-elements:shipped-module-paths',
    packageLinkPhase({ customElementsManifest }) {
      const modules = customElementsManifest.modules ?? [];
      const isDefineEntry = (module) => /^src\/define\/auth-[a-z0-9-]+\.ts$/.test(module.path);
      const key = (ref) => ref && !ref.package && ref.module && `${sourceKey(ref.module)}#${ref.name}`;
      const declared = new Map();
      for (const module of modules) {
        for (const declaration of module.declarations ?? []) declared.set(`${module.path}#${declaration.name}`, { module, declaration });
      }

      // tag → element, from each define entry's custom-element-definition
      const newPath = new Map(); // `${source path}#${name}` → shipped module path
      const elementModules = new Map(); // shipped path → { declaration, tag }
      for (const module of modules.filter(isDefineEntry)) {
        for (const definition of (module.exports ?? []).filter((e) => e.kind === 'custom-element-definition')) {
          const found = declared.get(key(definition.declaration));
          if (!found) throw new Error(`${module.path}: ${definition.name} is registered with ${definition.declaration.name}, which the analyzer did not find`);
          const path = libPath(module.path);
          if (elementModules.has(path)) throw new Error(`${module.path} registers more than one tag`);
          elementModules.set(path, { declaration: found.declaration, tag: definition.name });
          newPath.set(key(definition.declaration), path);
        }
      }
      for (const { module, declaration } of declared.values()) {
        if (declaration.tagName && !newPath.has(`${module.path}#${declaration.name}`)) {
          throw new Error(`${module.path}: <${declaration.tagName}> has no src/define/${declaration.tagName}.ts entry`);
        }
      }

      // base classes the elements extend, transitively
      const bases = new Map(); // key → { module, declaration }
      const queue = [...elementModules.values()].map((e) => e.declaration);
      while (queue.length) {
        const k = key(queue.shift().superclass);
        const found = k && declared.get(k);
        if (!found || bases.has(k) || newPath.has(k)) continue;
        bases.set(k, found);
        newPath.set(k, typesPath(found.module.path));
        queue.push(found.declaration);
      }

      const relink = (ref) => {
        const path = newPath.get(key(ref));
        if (path) ref.module = path;
      };
      const relinkDeclaration = (declaration) => {
        if (declaration.superclass) relink(declaration.superclass);
        for (const field of ['members', 'attributes', 'events', 'slots', 'cssParts', 'cssProperties', 'cssStates']) {
          for (const item of declaration[field] ?? []) if (item.inheritedFrom) relink(item.inheritedFrom);
        }
      };

      const shipped = [];
      for (const [path, { declaration, tag }] of elementModules) {
        relinkDeclaration(declaration);
        const reference = { name: declaration.name, module: path };
        shipped.push({
          kind: 'javascript-module',
          path,
          declarations: [declaration],
          exports: [
            { kind: 'js', name: declaration.name, declaration: reference },
            { kind: 'custom-element-definition', name: tag, declaration: { ...reference } },
          ],
        });
      }
      const baseModules = new Map();
      for (const [k, { declaration }] of bases) {
        relinkDeclaration(declaration);
        const path = newPath.get(k);
        if (!baseModules.has(path)) baseModules.set(path, { kind: 'javascript-module', path, declarations: [], exports: [] });
        baseModules.get(path).declarations.push(declaration);
      }
      shipped.push(...baseModules.values());
      customElementsManifest.modules = shipped.sort((a, b) => a.path.localeCompare(b.path));
    },
  };
}

export default {
  globs: ['src/elements/**/*.ts', 'src/internal/**/*.ts', 'src/define/auth-*.ts'],
  exclude: ['**/*.test.ts', '**/*.stories.ts', '**/*.d.ts'],
  outdir: '.',
  litelement: true,
  plugins: [defineElementCalls(), documentedEventsOnly(), shippedModulePaths(), frameworkTypes()],
};
