import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {AuthClient} from '../../client/auth-client.js';
import {toAuthError, type AuthError} from '../../client/errors.js';
import type {Membership, Organization} from '../../client/types.js';
import {AuthErrorEvent} from '../../events.js';

/** What a choice of the switcher names: an organization's id, or the personal account. */
export const PERSONAL = null;
export type Choice = string | typeof PERSONAL;

/**
 * The person's organizations for the switcher's menu and the switch to one of them: listed each
 * time the menu opens (the last list stays shown meanwhile; a newer listing aborts an older
 * one, and the element going aborts it too), one switch at a time. Failures are kept to be shown
 * and fired as `auth-error`; a failed switch changes nothing (the client keeps the old
 * organization).
 */
export class OrganizationChoices implements ReactiveController {
  /** The organizations, once listed (null before the first list answered). */
  organizations: Organization[] | null = null;
  loading = false;
  listError: AuthError | null = null;
  /** The choice being switched to (undefined: none). */
  switching: Choice | undefined = undefined;
  switchError: AuthError | null = null;
  #abort: AbortController | null = null;

  constructor(private readonly host: ReactiveControllerHost & EventTarget) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#abort = null;
    this.loading = false;
  }

  /** Lists the organizations again. */
  async list(client: AuthClient): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.loading = true;
    this.listError = null;
    this.host.requestUpdate();
    try {
      const organizations = await client.organizations.listOrganizations({signal: abort.signal});
      if (abort.signal.aborted) return;
      this.organizations = organizations;
    } catch (error) {
      if (abort.signal.aborted) return;
      this.listError = this.#fail(error);
    }
    this.loading = false;
    this.host.requestUpdate();
  }

  /** Forgets the list and any failure (someone else is signed in, or nobody). */
  reset(): void {
    this.#abort?.abort();
    this.organizations = null;
    this.loading = false;
    this.listError = null;
    this.switchError = null;
  }

  /** The failures shown are forgotten (the menu closed). */
  clearErrors(): void {
    this.switchError = null;
  }

  /** Makes `choice` the active one; resolves with the new membership (null: personal), or false when it failed or a switch is under way. */
  async switchTo(client: AuthClient, choice: Choice): Promise<Membership | null | false> {
    if (this.switching !== undefined) return false;
    this.switching = choice;
    this.switchError = null;
    this.host.requestUpdate();
    try {
      return await client.organizations.setActiveOrganization(choice);
    } catch (error) {
      this.switchError = this.#fail(error);
      return false;
    } finally {
      this.switching = undefined;
      this.host.requestUpdate();
    }
  }

  #fail(error: unknown): AuthError {
    const authError = toAuthError(error);
    this.host.dispatchEvent(new AuthErrorEvent(authError));
    return authError;
  }
}
