import {AuthSignUpButton} from '../elements/sign-up-button/sign-up-button.js';
import {defineElement} from '../internal/define-element.js';

defineElement('auth-sign-up-button', AuthSignUpButton);

declare global {
  interface HTMLElementTagNameMap {
    'auth-sign-up-button': AuthSignUpButton;
  }
}

export {AuthSignUpButton};
