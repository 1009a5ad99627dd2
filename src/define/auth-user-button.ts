import './auth-user-button-link.js';
import './auth-user-button-action.js';
import {AuthUserButton} from '../elements/user-button/user-button.js';
import {defineElement} from '../internal/define-element.js';

defineElement('auth-user-button', AuthUserButton);

declare global {
  interface HTMLElementTagNameMap {
    'auth-user-button': AuthUserButton;
  }
}

export {AuthUserButton};
