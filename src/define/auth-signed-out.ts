import {AuthSignedOut} from '../elements/signed-out/signed-out.js';
import {defineElement} from '../internal/define-element.js';

defineElement('auth-signed-out', AuthSignedOut);

declare global {
  interface HTMLElementTagNameMap {
    'auth-signed-out': AuthSignedOut;
  }
}

export {AuthSignedOut};
