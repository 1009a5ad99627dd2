import {html, nothing} from 'lit';
import {property} from 'lit/decorators.js';
import {hasAccess} from '../../client/access.js';
import type {AccessCheck, AuthStatus, OrganizationRole, Permission} from '../../client/types.js';
import {VisibilityElement} from '../../internal/visibility-element.js';

const words = (value: string): string[] => value.split(/\s+/).filter(Boolean);

/**
 * @summary Shows its children when its condition holds, else its `fallback` slot: who is signed
 * in (`when`), and their role and permissions in the active organization (`role`, `permission`).
 * Every condition given must hold. While the session loads, or while the API can't be reached,
 * it shows neither. What it hides is only hidden: the API checks every request itself.
 *
 * `<auth-signed-in>` is `<auth-show when="signed-in">`; `<auth-signed-out>` is
 * `<auth-show when="signed-out">`. `client.has({role, permission})` is the same test for code.
 *
 * @slot - Shown when the condition holds.
 * @slot fallback - Shown when it does not (signed out, or without the role or permission).
 */
export class AuthShow extends VisibilityElement {
  /** `signed-in` (the default when a role or permission is given) or `signed-out`. */
  @property() when: 'signed-in' | 'signed-out' = 'signed-in';

  /**
   * A role in the active organization (`owner`, `admin`, `member`); several, separated by spaces:
   * any of them. Once read, the `role` attribute moves to `data-role`: an ARIA role of `admin`
   * would be invalid on the element (and axe would say so).
   */
  @property({attribute: 'role'}) override role: string = '';

  /** A permission key (`member:create`, `reports:read`); several, separated by spaces: every one. */
  @property() permission = '';

  #movingRole = false;

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    // Its own removal below leaves the condition as it was read.
    if (name === 'role' && value === null && this.#movingRole) return;
    super.attributeChangedCallback(name, old, value);
    if (name !== 'role' || value === null) return;
    this.#movingRole = true;
    this.removeAttribute('role');
    this.#movingRole = false;
    this.setAttribute('data-role', value);
  }

  protected override get showWhen(): AuthStatus {
    return this.when === 'signed-out' ? 'signed-out' : 'signed-in';
  }

  /** The test this element makes, as `client.has()` takes it. */
  get check(): AccessCheck {
    return {role: words(this.role) as OrganizationRole[], permission: words(this.permission) as Permission[]};
  }

  protected override get shown(): boolean {
    const {status} = this.authState;
    if (this.when === 'signed-out') return status === 'signed-out' && !this.role.trim() && !this.permission.trim();
    return hasAccess(this.authState, this.check);
  }

  override render() {
    const {status} = this.authState;
    if (status !== 'signed-in' && status !== 'signed-out') return nothing;
    return this.shown ? html`<slot></slot>` : html`<slot name="fallback"></slot>`;
  }
}
