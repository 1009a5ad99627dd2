import {AuthShow} from '../elements/show/show.js';
import {defineElement} from '../internal/define-element.js';

defineElement('auth-show', AuthShow);

declare global {
  interface HTMLElementTagNameMap {
    'auth-show': AuthShow;
  }
}

export {AuthShow};
