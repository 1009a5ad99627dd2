import {AuthOrgProfileLink} from '../elements/org-profile/org-profile-items.js';
import {defineElement} from '../internal/define-element.js';

defineElement('auth-org-profile-link', AuthOrgProfileLink);

declare global {
  interface HTMLElementTagNameMap {
    'auth-org-profile-link': AuthOrgProfileLink;
  }
}

export {AuthOrgProfileLink};
