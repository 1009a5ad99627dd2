/**
 * The better-auth adapter's sign-in without a password: a code emailed for sign-in (the
 * emailOTP plugin, `type: 'sign-in'`) and a sign-in link (the magicLink plugin, with the kit's
 * plugin opening the link on the page that asked for it: server/sign-in-links.js). Loaded on
 * first use, like the second step (better-auth-factors.ts).
 *
 * better-auth's answers and the kit's codes:
 *   INVALID_OTP          invalid_code
 *   OTP_EXPIRED          code_expired
 *   TOO_MANY_ATTEMPTS    too_many_attempts
 *   LINK_EXPIRED         link_expired (the kit's plugin)
 *   LINK_USED            link_used (the kit's plugin)
 *   INVALID_TOKEN        invalid_link
 *   INVALID_PHONE_NUMBER invalid_phone
 *   OTP_NOT_FOUND        invalid_code (no code was texted to that number)
 *
 * A texted code (the phoneNumber plugin): `POST /phone-number/send-otp` with the kit's `intent`
 * (the kit's plugin texts a sign-in code only to a number with an account), then
 * `POST /phone-number/verify`, which signs in, or with `signUpOnVerification` makes the account;
 * the kit's plugin gives it the `name` sent along (server/phone-sign-in.js).
 *
 * And provider sign-ins: an enterprise one by the email's domain (`POST /sign-in/sso`,
 * @better-auth/sso; 404: the domain has none), and the return of a social sign-in to a bearer-mode page: its one-time token exchanged at
 * `POST /one-time-token/verify` (an unknown, used or expired one: provider_failed).
 */
import {AuthError, type AuthErrorCode} from '../errors.js';
import {betterAuthCodeTexted, betterAuthEnterpriseStart, betterAuthLinkSent, betterAuthPasswordlessSignedIn, betterAuthPhoneVerified, betterAuthReturnTokenSignedIn} from '../schemas-passwordless.js';
import type {PhoneCodePurpose, SessionInfo, SocialSignInResult} from '../types.js';
import type {FactorTransport} from './better-auth-factors.js';

const LINK: Record<string, AuthErrorCode> = {LINK_EXPIRED: 'link_expired', LINK_USED: 'link_used', INVALID_TOKEN: 'invalid_link'};

export class BetterAuthPasswordless {
  constructor(private readonly api: FactorTransport) {}

  async sendSignInCode(email: string): Promise<void> {
    if (!this.api.capabilities.emailCode) throw new AuthError('unsupported', 'The API sends no sign-in codes');
    await this.api.request('/email-otp/send-verification-otp', (schemas) => schemas.betterAuthOkResponse, {method: 'POST', body: {email, type: 'sign-in'}});
  }

  async signInWithCode(email: string, code: string): Promise<SessionInfo> {
    if (!this.api.capabilities.emailCode) throw new AuthError('unsupported', 'The API sends no sign-in codes');
    await this.api.request('/sign-in/email-otp', betterAuthPasswordlessSignedIn, {method: 'POST', body: {email, otp: code.trim()}});
    return this.api.openedSession();
  }

  async sendSignInLink(email: string, pageURL: string): Promise<void> {
    if (!this.api.capabilities.magicLink) throw new AuthError('unsupported', 'The API sends no sign-in links');
    await this.api.request('/sign-in/magic-link', betterAuthLinkSent, {method: 'POST', body: {email, callbackURL: pageURL}});
  }

  async signInWithLink(token: string): Promise<SessionInfo> {
    if (!this.api.capabilities.magicLink) throw new AuthError('unsupported', 'The API has no sign-in links');
    await this.api.request(`/magic-link/verify?token=${encodeURIComponent(token)}`, betterAuthPasswordlessSignedIn, {codes: LINK});
    return this.api.openedSession();
  }

  async sendPhoneCode(phoneNumber: string, purpose: PhoneCodePurpose): Promise<void> {
    if (!this.api.capabilities.phoneNumber) throw new AuthError('unsupported', 'The API texts no codes');
    await this.api.request('/phone-number/send-otp', betterAuthCodeTexted, {method: 'POST', body: {phoneNumber, intent: purpose}});
  }

  async signInWithPhoneCode(phoneNumber: string, code: string, name?: string): Promise<SessionInfo> {
    if (!this.api.capabilities.phoneNumber) throw new AuthError('unsupported', 'The API texts no codes');
    await this.api.request('/phone-number/verify', betterAuthPhoneVerified, {method: 'POST', body: {phoneNumber, code: code.trim(), ...(name ? {name} : {})}});
    return this.api.openedSession();
  }

  async signInWithReturnToken(token: string): Promise<SessionInfo> {
    await this.api.request('/one-time-token/verify', betterAuthReturnTokenSignedIn, {
      method: 'POST',
      body: {token},
      codes: {INVALID_TOKEN: 'provider_failed', SESSION_NOT_FOUND: 'provider_failed', SESSION_EXPIRED: 'provider_failed', 'message:Invalid token': 'provider_failed', 'message:Session not found': 'provider_failed', 'message:Session expired': 'provider_failed'},
    });
    return this.api.openedSession();
  }

  /** `POST /sign-in/sso` (@better-auth/sso): the provider's page, or null for a domain without one (`{url: null}`, or 404 without the kit's plugin). */
  async startEnterpriseSignIn(email: string, callbackURL: string, errorURL = callbackURL): Promise<SocialSignInResult | null> {
    if (!this.api.capabilities.enterpriseSSO) return null;
    try {
      const {url} = await this.api.request('/sign-in/sso', betterAuthEnterpriseStart, {method: 'POST', body: {email, callbackURL, errorCallbackURL: errorURL}});
      return url ? {redirectUrl: url} : null;
    } catch (error) {
      if (error instanceof AuthError && error.status === 404) return null;
      throw error;
    }
  }
}
