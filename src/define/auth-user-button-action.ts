import {AuthUserButtonAction} from '../elements/user-button/user-button-items.js';
import {defineElement} from '../internal/define-element.js';

defineElement('auth-user-button-action', AuthUserButtonAction);

declare global {
  interface HTMLElementTagNameMap {
    'auth-user-button-action': AuthUserButtonAction;
  }
}

export {AuthUserButtonAction};
