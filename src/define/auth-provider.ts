import {AuthProvider} from '../elements/provider/provider.js';
import {defineElement} from '../internal/define-element.js';

defineElement('auth-provider', AuthProvider);

declare global {
  interface HTMLElementTagNameMap {
    'auth-provider': AuthProvider;
  }
}

export {AuthProvider};
