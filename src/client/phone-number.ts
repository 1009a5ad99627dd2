/**
 * Phone numbers as people type them, read by libphonenumber-js (its "min" metadata: every
 * country's lengths and prefixes, no carrier data), which loads the first time a number is
 * sent anywhere: a page that never sees one never downloads it.
 */
import type {CountryCode} from 'libphonenumber-js/min';
import {AuthError} from './errors.js';
import {loadOnce} from './load-once.js';

/** Set once the library has loaded, so what shows numbers can format them without waiting. */
let loaded: typeof import('libphonenumber-js/min') | undefined;

const loadPhoneLibrary = loadOnce(() => import('libphonenumber-js/min').then((module) => (loaded = module)), 'The phone number reader');

/** The region a number without a country code is read in: the browser language's (`en-GB` → GB, `de` → DE), if it says. */
export function defaultPhoneRegion(): string | undefined {
  try {
    const region = new Intl.Locale(globalThis.navigator?.language ?? '').maximize().region;
    return region && /^[A-Z]{2}$/.test(region) ? region : undefined;
  } catch {
    return undefined; // no language, or not a language tag
  }
}

/**
 * `typed` as E.164 (`+14155552671`), read in `region` (by default the browser language's) when it has no country code. Rejects with
 * `invalid_phone` for a number its country cannot have, `network` when the reader can't load.
 */
export async function toE164(typed: string, region = defaultPhoneRegion()): Promise<string> {
  const {parsePhoneNumberFromString} = await loadPhoneLibrary();
  const number = parsePhoneNumberFromString(typed.trim(), region?.toUpperCase() as CountryCode | undefined);
  if (!number?.isValid()) throw new AuthError('invalid_phone');
  return number.number;
}

/** A number (E.164) as people read it (`+1 415 555 2671`); as given until the reader has loaded, or when it can't read it. */
export function formatPhoneNumber(e164: string): string {
  return loaded?.parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

/** Formats `typed` as its country writes numbers (on leaving the field), or leaves it when it is not a whole number yet. */
export async function tidyPhoneNumber(typed: string, region = defaultPhoneRegion()): Promise<string> {
  const {parsePhoneNumberFromString} = await loadPhoneLibrary();
  const number = parsePhoneNumberFromString(typed.trim(), region?.toUpperCase() as CountryCode | undefined);
  if (!number?.isValid()) return typed;
  return typed.trim().startsWith('+') || number.country !== region?.toUpperCase() ? number.formatInternational() : number.formatNational();
}
