import type {PasswordPolicy} from './types.js';

/**
 * The email shape zod's `z.email()` accepts (and so better-auth's server): checked here
 * without pulling zod's string formats into the bundle. The server has the last word.
 */
export const EMAIL_PATTERN = /^(?!\.)(?!.*\.\.)([\w'+\-.]*)[\w+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

export function isValidEmail(value: string): boolean {
  return EMAIL_PATTERN.test(value.trim());
}

/**
 * Whether what was typed in a field that takes an email or a phone number is meant as a number:
 * no `@`, at least four digits, and only what numbers are written with (`+`, spaces, dots,
 * dashes, brackets). Whether it is a real number is phone-number.ts's to say.
 */
export function looksLikePhoneNumber(typed: string): boolean {
  const value = typed.trim();
  return /^\+?[\d\s().\u2010-\u2015-]+$/.test(value) && (value.match(/\d/g)?.length ?? 0) >= 4;
}

export function isValidCode(value: string, length: number): boolean {
  return new RegExp(`^\\d{${length}}$`).test(value);
}

export type PasswordRule = 'min-length' | 'letter-and-digit';

export interface PasswordRuleResult {
  rule: PasswordRule;
  met: boolean;
}

/** Each rule of the policy and whether the password meets it (shown as the user types). */
export function checkPassword(password: string, policy: PasswordPolicy): PasswordRuleResult[] {
  const results: PasswordRuleResult[] = [
    {rule: 'min-length', met: password.length >= policy.minLength && password.length <= policy.maxLength},
  ];
  if (policy.requireLetterAndDigit) {
    results.push({rule: 'letter-and-digit', met: /\p{L}/u.test(password) && /\p{N}/u.test(password)});
  }
  return results;
}

export function meetsPolicy(password: string, policy: PasswordPolicy): boolean {
  return checkPassword(password, policy).every((result) => result.met);
}
