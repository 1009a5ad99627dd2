import {AuthLoading} from '../elements/loading/loading.js';
import {defineElement} from './define-element.js';

defineElement('auth-loading', AuthLoading);

declare global {
  interface HTMLElementTagNameMap {
    'auth-loading': AuthLoading;
  }
}

export {AuthLoading};
