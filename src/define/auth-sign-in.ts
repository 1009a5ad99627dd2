import {AuthSignIn} from '../elements/sign-in/sign-in.js';
import {defineElement} from '../internal/define-element.js';

defineElement('auth-sign-in', AuthSignIn);

declare global {
  interface HTMLElementTagNameMap {
    'auth-sign-in': AuthSignIn;
  }
}

export {AuthSignIn};
