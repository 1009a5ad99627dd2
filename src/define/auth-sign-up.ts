import {AuthSignUp} from '../elements/sign-up/sign-up.js';
import {defineElement} from '../internal/define-element.js';

defineElement('auth-sign-up', AuthSignUp);

declare global {
  interface HTMLElementTagNameMap {
    'auth-sign-up': AuthSignUp;
  }
}

export {AuthSignUp};
