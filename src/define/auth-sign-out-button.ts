import {AuthSignOutButton} from '../elements/sign-out-button/sign-out-button.js';
import {defineElement} from '../internal/define-element.js';

defineElement('auth-sign-out-button', AuthSignOutButton);

declare global {
  interface HTMLElementTagNameMap {
    'auth-sign-out-button': AuthSignOutButton;
  }
}

export {AuthSignOutButton};
