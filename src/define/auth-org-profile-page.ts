import {AuthOrgProfilePage} from '../elements/org-profile/org-profile-items.js';
import {defineElement} from '../internal/define-element.js';

defineElement('auth-org-profile-page', AuthOrgProfilePage);

declare global {
  interface HTMLElementTagNameMap {
    'auth-org-profile-page': AuthOrgProfilePage;
  }
}

export {AuthOrgProfilePage};
