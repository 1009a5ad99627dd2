/**
 * The English built into the script tag's entry: the namespaces the cards, buttons and status
 * elements read, and the error messages they can show (scripts/whole-json-plugin.mjs picks them
 * at build time). The rest of English (the profile's, the organizations', and what later
 * elements add) loads with the elements that need it (`Localizer.require`), so a sign-in page
 * does not carry an account page's words.
 */
import builtIn from '../../locales/en.json?built-in';
import type {LocaleBundle} from './locales.js';

export const BUILT_IN_ENGLISH: LocaleBundle = builtIn as LocaleBundle;

/**
 * Every namespace of English, loaded when an element needs one the built-in part lacks. (The
 * query makes it a module of its own: the same file imported whole here and in part above would
 * be bundled whole into the entry.)
 */
export const loadEnglish = (): Promise<{default: LocaleBundle}> => import('../../locales/en.json?all');
