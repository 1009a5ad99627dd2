import {AuthSignInButton} from '../elements/sign-in-button/sign-in-button.js';
import {defineElement} from '../internal/define-element.js';

defineElement('auth-sign-in-button', AuthSignInButton);

declare global {
  interface HTMLElementTagNameMap {
    'auth-sign-in-button': AuthSignInButton;
  }
}

export {AuthSignInButton};
