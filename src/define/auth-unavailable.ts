import {AuthUnavailable} from '../elements/unavailable/unavailable.js';
import {defineElement} from '../internal/define-element.js';

defineElement('auth-unavailable', AuthUnavailable);

declare global {
  interface HTMLElementTagNameMap {
    'auth-unavailable': AuthUnavailable;
  }
}

export {AuthUnavailable};
