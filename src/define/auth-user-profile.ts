import './auth-user-profile-page.js';
import './auth-user-profile-link.js';
import {AuthUserProfile} from '../elements/user-profile/user-profile.js';
import {defineElement} from '../internal/define-element.js';
import {defineDialog} from '../internal/dialog.js';
import {defineImageCropper} from '../internal/image-cropper.js';

defineDialog();
defineImageCropper();
defineElement('auth-user-profile', AuthUserProfile);

declare global {
  interface HTMLElementTagNameMap {
    'auth-user-profile': AuthUserProfile;
  }
}

export {AuthUserProfile};
