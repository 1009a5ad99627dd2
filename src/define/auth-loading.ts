import {AuthLoading} from '../elements/loading/loading.js';
import {defineElement} from '../internal/define-element.js';

defineElement('auth-loading', AuthLoading);

declare global {
  interface HTMLElementTagNameMap {
    'auth-loading': AuthLoading;
  }
}

export {AuthLoading};
