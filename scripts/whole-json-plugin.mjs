// Two views of locales/en.json as modules of their own, for builds and the dev servers:
// - `…/en.json?all`: the whole file (the rest of English, loaded on demand);
// - `…/en.json?built-in`: the English built into the script tag's entry (src/i18n/built-in.ts):
//   the namespaces the cards, buttons and status elements read, and of `errors` the messages they
//   can show — the organization and account pages' own errors come with the rest of English,
//   which those elements load before they show anything (Localizer.require).
// The same file imported both ways would otherwise be one module, bundled whole into the entry.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const PREFIX = '\0whole-json:';
const BUILT_IN_PREFIX = '\0built-in-json:';

/** The namespaces of the built-in English. */
export const BUILT_IN_NAMESPACES = ['common', 'busy', 'announce', 'signIn', 'signUp', 'password', 'userButton', 'buttons', 'errors', 'social', 'links'];
/**
 * Error messages only the organization elements and the profile show, and phone sign-in's
 * (the cards ask for the `phone` namespace, with the rest of English, when a number is sent).
 */
export const ERRORS_LOADED_LATER = [
  'slug_taken', 'invalid_slug', 'forbidden', 'last_owner', 'already_member', 'organization_not_found', 'member_not_found',
  'invitation_not_found', 'invitation_expired', 'invitation_revoked', 'invitation_used', 'wrong_account',
  'invalid_image', 'image_too_large', 'no_password', 'password_already_set', 'last_sign_in_method', 'invalid_phone',
];

/** @param {string} file */
export function builtInEnglish(file) {
  const english = JSON.parse(readFileSync(file, 'utf8'));
  const picked = Object.fromEntries(BUILT_IN_NAMESPACES.map((namespace) => [namespace, english[namespace]]));
  picked.errors = Object.fromEntries(Object.entries(english.errors).filter(([code]) => !ERRORS_LOADED_LATER.some((later) => code === later || code.startsWith(`${later}_`))));
  return picked;
}
/** The module's id ends in .js: the JSON plugin would otherwise take the module it loads for JSON. */
const SUFFIX = '.whole.js';

export function wholeJson() {
  return {
    name: 'auth-elements:whole-json',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer) return null;
      const from = dirname(importer.replace(PREFIX, '').replace(BUILT_IN_PREFIX, ''));
      if (source.endsWith('.json?all')) return PREFIX + resolve(from, source.slice(0, -'?all'.length)) + SUFFIX;
      if (source.endsWith('.json?built-in')) return BUILT_IN_PREFIX + resolve(from, source.slice(0, -'?built-in'.length)) + SUFFIX;
      return null;
    },
    load(id) {
      if (id.startsWith(PREFIX)) return `export default ${readFileSync(id.slice(PREFIX.length, -SUFFIX.length), 'utf8')};`;
      if (id.startsWith(BUILT_IN_PREFIX)) return `export default ${JSON.stringify(builtInEnglish(id.slice(BUILT_IN_PREFIX.length, -SUFFIX.length)))};`;
      return null;
    },
  };
}
