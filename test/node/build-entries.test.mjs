// The npm build ships one entry per element: importing one element must not pull another's
// code. Reads the static import graph of dist/lib (run `npm run build` first).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const lib = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist/lib');

/** Every file reachable from `file` through static imports, with its source. */
function staticGraph(file, seen = new Map()) {
  if (seen.has(file)) return seen;
  const source = readFileSync(file, 'utf8');
  seen.set(file, source);
  for (const [, specifier] of source.matchAll(/(?:^|[;\s])(?:import|export)\s*(?:[^'"()]*?\sfrom\s*)?["'](\.{1,2}\/[^"']+)["']/gm)) {
    staticGraph(join(dirname(file), specifier), seen);
  }
  return seen;
}

const ELEMENT_CLASSES = {
  'auth-provider': 'AuthProvider',
  'auth-sign-in': 'AuthSignIn',
  'auth-sign-up': 'AuthSignUp',
  'auth-user-button': 'AuthUserButton',
};

test('dist/lib exists', () => {
  assert.ok(existsSync(join(lib, 'define', 'auth-sign-in.js')), 'run `npm run build` first');
});

for (const [tag, ownClass] of Object.entries(ELEMENT_CLASSES)) {
  test(`importing auth-elements/define/${tag} pulls no other element`, () => {
    const graph = staticGraph(join(lib, 'define', `${tag}.js`));
    const code = [...graph.values()].join('\n');
    // A class is defined as `class X` or `var X = class` depending on how it was decorated.
    const defines = (name) => new RegExp(`(class ${name}\\b|\\b${name} = class\\b)`);
    assert.match(code, defines(ownClass), `${ownClass} itself is in its entry`);
    for (const [otherTag, otherClass] of Object.entries(ELEMENT_CLASSES)) {
      if (otherTag !== tag) assert.doesNotMatch(code, defines(otherClass), `${tag} pulls ${otherClass}`);
    }
  });
}
