import {AuthOrgInvitation} from '../elements/org-invitation/org-invitation.js';
import {defineElement} from '../internal/define-element.js';

defineElement('auth-org-invitation', AuthOrgInvitation);

declare global {
  interface HTMLElementTagNameMap {
    'auth-org-invitation': AuthOrgInvitation;
  }
}

export {AuthOrgInvitation};
