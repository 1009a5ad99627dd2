// `import('…/en.json?all')`: the whole JSON file as a module of its own, for builds and the dev
// server. The script tag's entry imports a few namespaces of locales/en.json by name (the cards'
// words, src/i18n/built-in.ts) and the rest of English loads on demand: the same file imported
// both ways would otherwise be one module, bundled whole into the entry.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const PREFIX = '\0whole-json:';
/** The module's id ends in .js: the JSON plugin would otherwise take the module it loads for JSON. */
const SUFFIX = '.whole.js';

export function wholeJson() {
  return {
    name: 'auth-elements:whole-json',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!source.endsWith('.json?all') || !importer) return null;
      return PREFIX + resolve(dirname(importer.replace(PREFIX, '')), source.slice(0, -'?all'.length)) + SUFFIX;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      return `export default ${readFileSync(id.slice(PREFIX.length, -SUFFIX.length), 'utf8')};`;
    },
  };
}
