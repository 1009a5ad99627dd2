import {html, nothing} from 'lit';
import {property} from 'lit/decorators.js';
import {hostBase} from '../../appearance/tokens.js';
import {AuthElement} from '../../internal/auth-element.js';
import type {Routing} from '../../internal/page-navigation.js';

/**
 * @summary The active organization, in pages: **General** (name, slug, logo; leave; delete)
 * and **Members** (members, invitations, invite), as the person's permissions allow.
 */
export class AuthOrgProfile extends AuthElement {
  static override styles = [hostBase];
  static override localeNamespaces = ['organization', 'orgProfile'];

  /** `virtual` (default): the page shown lives in the element; `hash`: in the URL (`#/members`). */
  @property() routing: Routing = 'virtual';

  override render() {
    if (!this.authState.user) return nothing;
    return html``;
  }
}
