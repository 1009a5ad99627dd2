/**
 * The development provider's people: whoever signs in with an email *is* that person. The
 * account id is derived from the email, so the same email is the same account (and the same
 * user in the app) every time, even after the provider restarts; names live in memory.
 */
import {createHash} from 'node:crypto';

/** @typedef {{email: string, name: string}} DevPerson */

/** Lower-cased, trimmed: how the provider compares emails. @param {string} email */
export const normalizeEmail = (email) => email.trim().toLowerCase();

/** A plausible email address (the provider sends no mail; it only has to look like one). */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The stable account id (the OpenID Connect `sub`) for an email.
 * @param {string} email
 */
export function accountIdFor(email) {
  return `dev-${createHash('sha256').update(normalizeEmail(email)).digest('base64url').slice(0, 24)}`;
}

/** The in-memory directory of the people who signed in since the provider started. */
export function createAccounts() {
  /** @type {Map<string, DevPerson>} */
  const people = new Map();
  /** @type {Map<string, string>} grant ids by account and client */
  const grants = new Map();
  return {
    /**
     * Records who signed in (a blank name becomes the part of the email before the @) and
     * answers their account id.
     * @param {{email: string, name?: string}} person
     */
    signIn({email, name = ''}) {
      const normalized = normalizeEmail(email);
      const accountId = accountIdFor(normalized);
      people.set(accountId, {email: normalized, name: name.trim() || normalized.split('@')[0]});
      return accountId;
    },
    /** @param {string | undefined} accountId @returns {DevPerson | undefined} */
    find: (accountId) => (accountId ? people.get(accountId) : undefined),
    /**
     * Remembers what a person allowed an app (its grant), so the consent screen asks once per
     * person and app, not once per browser.
     * @param {string} accountId @param {string} clientId @param {string} grantId
     */
    rememberGrant: (accountId, clientId, grantId) => void grants.set(`${accountId} ${clientId}`, grantId),
    /** @param {string | undefined} accountId @param {string} clientId */
    grantOf: (accountId, clientId) => (accountId ? grants.get(`${accountId} ${clientId}`) : undefined),
  };
}

/** @typedef {ReturnType<typeof createAccounts>} DevAccounts */
