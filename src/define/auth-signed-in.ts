import {AuthSignedIn} from '../elements/signed-in/signed-in.js';
import {defineElement} from '../internal/define-element.js';

defineElement('auth-signed-in', AuthSignedIn);

declare global {
  interface HTMLElementTagNameMap {
    'auth-signed-in': AuthSignedIn;
  }
}

export {AuthSignedIn};
