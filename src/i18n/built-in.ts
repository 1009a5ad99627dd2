/**
 * The English built into the script tag's entry: the namespaces the cards, buttons and status
 * elements read. The rest of English (the profile's, and what later elements add) loads with the
 * elements that need it (`Localizer.require`), so a sign-in page does not carry an account page's
 * words. Named imports of a JSON file keep only these namespaces in the bundle.
 */
import {announce, busy, buttons, common, errors, links, password, signIn, signUp, social, userButton} from '../../locales/en.json';
import type {LocaleBundle} from './locales.js';

export const BUILT_IN_ENGLISH: LocaleBundle = {common, busy, announce, signIn, signUp, password, userButton, buttons, errors, social, links};

/**
 * Every namespace of English, loaded when an element needs one the built-in part lacks. (The
 * query makes it a module of its own: the same file imported whole here and in part above would
 * be bundled whole into the entry.)
 */
export const loadEnglish = (): Promise<{default: LocaleBundle}> => import('../../locales/en.json?all');
