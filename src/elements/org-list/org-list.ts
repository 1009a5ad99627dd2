import {html, nothing} from 'lit';
import {hostBase} from '../../appearance/tokens.js';
import {AuthElement} from '../../internal/auth-element.js';

/**
 * @summary The person's organizations and pending invitations, with create.
 */
export class AuthOrgList extends AuthElement {
  static override styles = [hostBase];
  static override localeNamespaces = ['organization', 'orgList'];

  override render() {
    if (!this.authState.user) return nothing;
    return html``;
  }
}
