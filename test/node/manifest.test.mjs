// custom-elements.json describes what the package ships, and every element's events are typed by
// the kit's event classes (the framework types are generated from it). Reads the manifest and
// dist/ of a build (run `npm run build` first).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {EDITOR_DATA, FRAMEWORKS, FRAMEWORK_TYPES_DIR, specifierFor} from '../../scripts/framework-types.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const read = (path) => readFileSync(join(root, path), 'utf8');
const pkg = JSON.parse(read('package.json'));
const built = existsSync(join(root, 'custom-elements.json')) && existsSync(join(root, 'dist/lib/index.js'));
const manifest = built ? JSON.parse(read('custom-elements.json')) : {modules: []};
const skip = built ? false : 'run `npm run build` first';

/** Tags registered in src/define/auth-*.ts, from the `defineElement('auth-…', …)` call. */
const tags = readdirSync(join(root, 'src/define'))
  .filter((f) => /^auth-[a-z0-9-]+\.ts$/.test(f))
  .map((f) => {
    const source = readFileSync(join(root, 'src/define', f), 'utf8');
    const tag = source.match(/defineElement\(\s*'([^']+)'/)?.[1];
    assert.equal(tag, f.slice(0, -3), `src/define/${f} registers the tag it is named after`);
    return tag;
  });

/** Names src/index.ts exports as values (`export {A, type B} from …` gives A). */
const indexValues = new Set(
  [...read('src/index.ts').matchAll(/^export\s*\{([^}]*)\}\s*from/gm)].flatMap(([, names]) =>
    names
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n && !n.startsWith('type '))
      .map((n) => n.split(/\s+as\s+/).pop()),
  ),
);

const declarations = manifest.modules.flatMap((module) => (module.declarations ?? []).map((declaration) => ({module, declaration})));
const element = (tag) => declarations.find(({declaration}) => declaration.tagName === tag);

test('src/define has the elements', () => {
  assert.ok(tags.length >= 8, `found ${tags.join(', ')}`);
});

for (const tag of tags) {
  test(`<${tag}> is declared in custom-elements.json, its events typed by the kit's event classes`, {skip}, async () => {
    const found = element(tag);
    assert.ok(found, `no declaration with tagName ${tag}`);
    const {module, declaration} = found;
    assert.ok(indexValues.has(declaration.name), `${declaration.name} is exported by src/index.ts`);
    // Its module is the entry that registers it, which exports the class.
    assert.equal(module.path, `dist/lib/define/${tag}.js`);
    assert.deepEqual(
      module.exports.map((e) => [e.kind, e.name, e.declaration.name, e.declaration.module]),
      [
        ['js', declaration.name, declaration.name, module.path],
        ['custom-element-definition', tag, declaration.name, module.path],
      ],
    );
    const index = await import(pathToFileURL(join(root, 'dist/lib/index.js')).href);
    for (const event of declaration.events ?? []) {
      const type = event.type?.text;
      assert.ok(type, `${tag}: event ${event.name} has a type ({AuthSomethingEvent} in its @event tag)`);
      assert.ok(indexValues.has(type), `${tag}: ${event.name} is typed ${type}, which src/index.ts does not export`);
      assert.ok(index[type]?.prototype instanceof Event, `${type} is an Event subclass`);
      assert.equal(index[type].type, event.name, `${type}.type is the event's name`);
      assert.ok(event.description, `${tag}: ${event.name} is described`);
    }
    // Inherited members are on the element itself (the framework types read only the element).
    // (Configuring children — pages, links and menu items — show nothing of their own: their
    // base is AuthChildItem, directly or through AuthPageItem / AuthLinkItem, and their `label`
    // is the integrator's text.)
    const attributes = (declaration.attributes ?? []).map((a) => a.name);
    const child = ['AuthChildItem', 'AuthPageItem', 'AuthLinkItem'].includes(declaration.superclass?.name);
    const inherited = child ? ['label', 'AuthChildItem'] : ['locale', 'AuthElement'];
    assert.ok(attributes.includes(inherited[0]), `${tag} has the ${inherited[0]} attribute inherited from ${inherited[1]}`);
  });
}

test('the elements that fire no event declare none (auth-loading, auth-unavailable, auth-signed-in/out)', {skip}, () => {
  for (const tag of ['auth-loading', 'auth-unavailable', 'auth-signed-in', 'auth-signed-out']) {
    assert.deepEqual(element(tag)?.declaration.events ?? [], [], tag);
  }
});

test('every module path in the manifest is a file in dist/', {skip}, () => {
  assert.ok(manifest.modules.length > 0);
  for (const module of manifest.modules) {
    assert.match(module.path, /^dist\//, module.path);
    assert.ok(existsSync(join(root, module.path)), `${module.path} exists`);
  }
});

test('every reference in the manifest resolves to a declaration in it (or a package)', {skip}, () => {
  const declared = new Set(declarations.map(({module, declaration}) => `${module.path}#${declaration.name}`));
  const check = (ref, where) => {
    if (!ref || ref.package) return;
    assert.ok(ref.module, `${where}: ${ref.name} has a module`);
    assert.ok(declared.has(`${ref.module}#${ref.name}`), `${where}: ${ref.name} in ${ref.module} is declared in the manifest`);
  };
  let inherited = 0;
  for (const {module, declaration} of declarations) {
    const where = `${module.path} ${declaration.name}`;
    check(declaration.superclass, where);
    for (const kind of ['members', 'attributes', 'events', 'slots', 'cssParts', 'cssProperties', 'cssStates']) {
      for (const item of declaration[kind] ?? []) {
        if (item.inheritedFrom) inherited++;
        check(item.inheritedFrom, `${where} ${kind} ${item.name}`);
      }
    }
    for (const exported of module.exports ?? []) check(exported.declaration, `${module.path} export ${exported.name}`);
  }
  assert.ok(inherited > 0, 'inherited members are marked');
});

test('importing an element module gives its class, registered under its tag', {skip}, async () => {
  for (const tag of tags) {
    const {module, declaration} = element(tag);
    const exported = (await import(pathToFileURL(join(root, module.path)).href))[declaration.name];
    assert.equal(typeof exported, 'function', `${module.path} exports ${declaration.name}`);
    assert.equal(customElements.get(tag), exported, `${module.path} registers <${tag}>`);
    assert.equal(specifierFor(module.path), `${pkg.name}/define/${tag}`, 'package.json exports it');
  }
});

test('the framework types and editor data are generated, exported and shipped', {skip}, () => {
  const files = pkg.files;
  for (const framework of FRAMEWORKS) {
    const path = `${FRAMEWORK_TYPES_DIR}/${framework}.d.ts`;
    assert.deepEqual(pkg.exports[`./${framework}`], {types: `./${path}`}, `package.json exports ./${framework}`);
    const text = read(path);
    for (const tag of tags) assert.ok(text.includes(`"${tag}": `), `${path} types <${tag}>`);
    assert.doesNotMatch(text, /CustomEvent</, `${path}: events are typed by their classes`);
    // Imports come from the package's public entries (or the framework), never from source.
    for (const [, specifier] of text.matchAll(/^import type .* from "([^"]+)";$/gm)) {
      if (specifier === pkg.name || specifier.startsWith(`${pkg.name}/`)) {
        const subpath = specifier === pkg.name ? '.' : `./${specifier.slice(pkg.name.length + 1)}`;
        assert.ok(pkg.exports[subpath] || pkg.exports['./define/*'] && /^\.\/define\/auth-[a-z0-9-]+$/.test(subpath), `${path}: ${specifier} is a package export`);
      } else assert.match(specifier, /^(react|preact|solid-js|vue|svelte\/elements)$/, `${path} imports ${specifier}`);
    }
  }
  for (const name of EDITOR_DATA) {
    assert.ok(files.includes(name), `package.json files has ${name}`);
    const text = read(name);
    JSON.parse(text);
    // The CSS data lists custom properties and parts, not tags.
    if (!name.includes('css')) for (const tag of tags) assert.ok(text.includes(`"${tag}"`), `${name} has <${tag}>`);
  }
  assert.equal(pkg['web-types'], './web-types.json');
});
