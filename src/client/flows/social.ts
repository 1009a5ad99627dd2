import {providerReturnUrl} from '../landing-params.js';
import {rememberSignInMethod} from '../sign-in-memory.js';
import {rememberSocialPending} from '../social-pending.js';
import type {SessionInfo} from '../types.js';
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
  const result = await context.adapter.signInWithSocial(provider, callbackURL, errorURL);
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
