import './auth-org-profile-page.js';
import './auth-org-profile-link.js';
import {AuthOrgProfile} from '../elements/org-profile/org-profile.js';
import {defineElement} from '../internal/define-element.js';
import {defineDialog} from '../internal/dialog.js';

defineDialog();
defineElement('auth-org-profile', AuthOrgProfile);

declare global {
  interface HTMLElementTagNameMap {
    'auth-org-profile': AuthOrgProfile;
  }
}

export {AuthOrgProfile};
