import {AuthUserProfileLink} from '../elements/user-profile/user-profile-items.js';
import {defineElement} from '../internal/define-element.js';

defineElement('auth-user-profile-link', AuthUserProfileLink);

declare global {
  interface HTMLElementTagNameMap {
    'auth-user-profile-link': AuthUserProfileLink;
  }
}

export {AuthUserProfileLink};
