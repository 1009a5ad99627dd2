import {AuthUserProfilePage} from '../elements/user-profile/user-profile-items.js';
import {defineElement} from '../internal/define-element.js';

defineElement('auth-user-profile-page', AuthUserProfilePage);

declare global {
  interface HTMLElementTagNameMap {
    'auth-user-profile-page': AuthUserProfilePage;
  }
}

export {AuthUserProfilePage};
