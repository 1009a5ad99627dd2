import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {AuthClient} from '../client/auth-client.js';
import {toAuthError, type AuthError} from '../client/errors.js';
import {followRedirect} from '../client/redirect.js';
import {AuthErrorEvent, AuthSignedOutEvent} from '../events.js';
import {announce} from './announcer.js';

/** What a sign-out needs from its element at the moment it runs. */
export interface SignOutContext {
  client: AuthClient | undefined;
  /** "Signed out.", in the element's language. */
  announcement: string;
  language: string;
}

/**
 * Signing out, for every element that offers it (the user button's menu item, the sign-out
 * button): one at a time, busy meanwhile, the failure kept for the element to show (a 429 with
 * its wait, through `errorMessage()`) and fired as `auth-error`; on success "Signed out." is
 * announced, `auth-signed-out` fired and `afterSignOutUrl` followed if the redirect policy allows it.
 */
export class SignOutAction implements ReactiveController {
  busy = false;
  error: AuthError | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly context: () => SignOutContext,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /**
   * Signs out; `onSignedOut` runs before the event and the redirect. Resolves with whether it
   * worked. `signOut` is how (default `client.signOut()`; multi-session: one account, or all):
   * when another account is still signed in afterwards, there is no redirect.
   */
  async run(afterSignOutUrl: string | undefined, onSignedOut?: () => void, signOut: (client: AuthClient) => Promise<void> = (client) => client.signOut()): Promise<boolean> {
    const {client} = this.context();
    if (!client || this.busy) return false;
    this.busy = true;
    this.error = null;
    this.host.requestUpdate();
    try {
      await signOut(client);
      const {announcement, language} = this.context();
      announce(announcement, language);
      onSignedOut?.();
      this.host.dispatchEvent(new AuthSignedOutEvent());
      if (client.state.status === 'signed-out') followRedirect(afterSignOutUrl, client.redirectPolicy);
      return true;
    } catch (error) {
      this.error = toAuthError(error);
      this.host.dispatchEvent(new AuthErrorEvent(this.error));
      return false;
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }
}
