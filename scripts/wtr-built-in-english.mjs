// web-test-runner: `locales/en.json?built-in` as the build makes it (scripts/whole-json-plugin.mjs),
// so the tests see the English the script tag carries, not the whole file. Runs after esbuild's
// JSON transform and replaces its answer for that query.
import {fileURLToPath} from 'node:url';
import {builtInEnglish} from './whole-json-plugin.mjs';

const root = new URL('../', import.meta.url);

export function builtInEnglishPlugin() {
  return {
    name: 'auth-elements:built-in-english',
    transform(context) {
      if (!context.path.endsWith('.json') || !context.URL.searchParams.has('built-in')) return undefined;
      const file = fileURLToPath(new URL(`.${context.path}`, root));
      return {body: `export default ${JSON.stringify(builtInEnglish(file))};`, transformCache: false};
    },
  };
}
