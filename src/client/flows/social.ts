import {providerReturnUrl} from '../landing-params.js';
import {rememberSignInMethod} from '../sign-in-memory.js';
import {rememberSocialPending} from '../social-pending.js';
import type {SessionInfo, SocialSignInResult} from '../types.js';
import type {FlowContext} from './flow-context.js';

/**
 * A social sign-in, shared by the sign-in and sign-up flows (run inside their `run()`, so a
 * double click sends one request and a failure shows). A session opens at once through
 * `complete`; a redirect leaves the page and never resolves, so the flow stays pending while
 * the browser navigates — unless the page comes back from the back/forward cache, when the
 * flow is usable again. A refusal by the provider comes back to this page (`auth-provider` and
 * the API's `error`, landing.ts), where the card says why.
 */
export async function socialSignIn(
  context: FlowContext,
  provider: string,
  callbackURL: string,
  complete: (info: SessionInfo) => void,
): Promise<void> {
  const errorURL = typeof location === 'undefined' ? callbackURL : providerReturnUrl(location.href, provider);
  await providerSignIn(context, provider, await context.adapter.signInWithSocial(provider, callbackURL, errorURL), complete);
}

/**
 * An enterprise sign-in for the email's domain (`startEnterpriseSignIn`), like a social one.
 * Resolves false, having done nothing, when the domain has no enterprise provider.
 */
export async function enterpriseSignIn(context: FlowContext, email: string, callbackURL: string, complete: (info: SessionInfo) => void): Promise<boolean> {
  const {adapter} = context;
  if (!adapter.capabilities.enterpriseSSO || !adapter.startEnterpriseSignIn) return false;
  const errorURL = typeof location === 'undefined' ? callbackURL : providerReturnUrl(location.href, 'sso');
  const result = await adapter.startEnterpriseSignIn(email, callbackURL, errorURL);
  if (!result) return false;
  await providerSignIn(context, 'sso', result, complete);
  return true;
}

/** Where a provider's sign-in goes on: a session at once, or the provider's page (see socialSignIn). */
async function providerSignIn(context: FlowContext, provider: string, result: SocialSignInResult, complete: (info: SessionInfo) => void): Promise<void> {
  if ('session' in result) {
    rememberSignInMethod(`social:${provider}`);
    return complete(result.session);
  }
  rememberSocialPending(provider);
  const shownAgain = new Promise<void>((resolve) => {
    const onShow = (event: PageTransitionEvent) => {
      if (!event.persisted) return;
      globalThis.removeEventListener?.('pageshow', onShow);
      resolve();
    };
    globalThis.addEventListener?.('pageshow', onShow);
  });
  context.navigate(result.redirectUrl);
  await shownAgain;
}
