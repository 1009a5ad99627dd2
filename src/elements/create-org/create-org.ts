import {html, nothing} from 'lit';
import {hostBase} from '../../appearance/tokens.js';
import {AuthElement} from '../../internal/auth-element.js';
import {cardStyles} from '../../internal/card.js';

/**
 * @summary Creates an organization: name, slug and logo, then an "Invite members" step.
 */
export class AuthCreateOrg extends AuthElement {
  static override styles = [hostBase, cardStyles];
  static override localeNamespaces = ['organization', 'createOrg'];

  override render() {
    if (!this.authState.user) return nothing;
    return html``;
  }
}
