import type {ReactiveControllerHost} from 'lit';
import type {AuthClient} from '../../client/auth-client.js';
import type {AuthError} from '../../client/errors.js';
import type {Membership, Organization} from '../../client/types.js';
import {AuthErrorEvent} from '../../events.js';
import {RowAction} from '../../internal/async-action.js';
import {Loader} from '../../internal/loader.js';

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
export class OrganizationChoices {
  readonly #list: Loader<Organization[]>;
  readonly #switch: RowAction<Choice>;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    this.#list = new Loader(host);
    this.#switch = new RowAction(host);
  }

  /** The organizations, once listed (null before the first list answered). */
  get organizations(): Organization[] | null {
    return this.#list.value ?? null;
  }

  get loading(): boolean {
    return this.#list.status === 'pending';
  }

  get listError(): AuthError | null {
    return this.#list.status === 'error' ? this.#list.error : null;
  }

  /** The choice being switched to (undefined: none). */
  get switching(): Choice | undefined {
    return this.#switch.row;
  }

  get switchError(): AuthError | null {
    return this.#switch.error;
  }

  /** Lists the organizations again. */
  async list(client: AuthClient): Promise<void> {
    if (!(await this.#list.run((signal) => client.organizations.listOrganizations({signal})))) this.#report(this.listError);
  }

  /** Forgets the list and any failure (someone else is signed in, or nobody). */
  reset(): void {
    this.#list.reset();
    this.#switch.reset();
  }

  /** The failures shown are forgotten (the menu closed). */
  clearErrors(): void {
    this.#switch.reset();
  }

  /** Makes `choice` the active one; resolves with the new membership (null: personal), or false when it failed or a switch is under way. */
  async switchTo(client: AuthClient, choice: Choice): Promise<Membership | null | false> {
    let membership: Membership | null = null;
    const switched = await this.#switch.run(choice, async () => (membership = await client.organizations.setActiveOrganization(choice)));
    if (!switched) this.#report(this.#switch.error);
    return switched ? membership : false;
  }

  #report(error: AuthError | null): void {
    if (error) this.host.dispatchEvent(new AuthErrorEvent(error));
  }
}
