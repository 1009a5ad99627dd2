// Every locale bundle has exactly the keys English has: nothing left untranslated, nothing stale.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const dir = resolve(dirname(fileURLToPath(import.meta.url)), '../../locales');
const read = (file) => JSON.parse(readFileSync(join(dir, file), 'utf8'));

/** Leaf keys as dotted paths; i18next plural forms (`_one`, `_other`, …) count as one key. */
function keys(bundle, prefix = '') {
  return Object.entries(bundle).flatMap(([key, value]) =>
    value && typeof value === 'object' ? keys(value, `${prefix}${key}.`) : [`${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, '')}`],
  );
}

/** Interpolation placeholders in a string, such as {{email}}. */
const placeholders = (text) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((match) => match[1]).sort();

function leaves(bundle, prefix = '') {
  return Object.entries(bundle).flatMap(([key, value]) =>
    value && typeof value === 'object' ? leaves(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value]],
  );
}

const english = read('en.json');
const englishKeys = [...new Set(keys(english))].sort();
const others = readdirSync(dir).filter((file) => file.endsWith('.json') && file !== 'en.json');

test('there are locales besides English', () => {
  assert.ok(others.length >= 1);
});

for (const file of others) {
  test(`${file} has exactly the keys of en.json`, () => {
    const bundle = read(file);
    const own = [...new Set(keys(bundle))].sort();
    assert.deepEqual(englishKeys.filter((key) => !own.includes(key)), [], 'missing keys');
    assert.deepEqual(own.filter((key) => !englishKeys.includes(key)), [], 'keys English does not have');
    for (const [key, value] of leaves(bundle)) {
      assert.equal(typeof value, 'string', `${key} is text`);
      assert.notEqual(value.trim(), '', `${key} is empty`);
    }
  });

  test(`${file} keeps every placeholder of en.json`, () => {
    const englishLeaves = new Map(leaves(english).map(([key, value]) => [key.replace(/_(zero|one|two|few|many|other)$/, ''), value]));
    for (const [key, value] of leaves(read(file))) {
      const source = englishLeaves.get(key.replace(/_(zero|one|two|few|many|other)$/, ''));
      assert.deepEqual(placeholders(value), placeholders(source), `${key}: placeholders differ`);
    }
  });
}
