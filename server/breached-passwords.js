// Refusing passwords known from data breaches (Have I Been Pwned's Pwned Passwords), on the
// endpoints where the kit's forms set a password. Off unless the integrator turns it on: it
// sends the first five hex digits of each new password's SHA-1 to api.pwnedpasswords.com
// (k-anonymity: never the password, never its whole hash) and a sign-up or password change
// fails while that API cannot be reached.
import {haveIBeenPwned} from 'better-auth/plugins';
import {SET_PASSWORD_PATH} from './account-endpoints.js';

/**
 * The endpoints that take a new password: the same as the kit's password policy checks
 * (PASSWORD_FIELDS in better-auth-plugin.js): sign-up, both resets, change and the kit's
 * set-password for accounts that had none.
 */
export const BREACH_CHECKED_PATHS = Object.freeze(['/sign-up/email', '/email-otp/reset-password', '/reset-password', '/change-password', SET_PASSWORD_PATH]);

/**
 * better-auth's `haveIBeenPwned` plugin, configured for the kit: a breached password is refused
 * with `PASSWORD_COMPROMISED` (400), which the kit's adapter shows as `password_compromised`
 * ("This password has appeared in a data breach. Choose another one.") on the password field.
 * The range API is better-auth's fixed one (the plugin takes no other URL).
 *
 * @param {{enabled?: boolean}} [options] `enabled: false` keeps the plugin installed but checks nothing.
 */
export function breachedPasswords({enabled = true} = {}) {
  return haveIBeenPwned({paths: [...BREACH_CHECKED_PATHS], enabled});
}
