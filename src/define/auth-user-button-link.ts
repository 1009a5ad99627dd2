import {AuthUserButtonLink} from '../elements/user-button/user-button-items.js';
import {defineElement} from '../internal/define-element.js';

defineElement('auth-user-button-link', AuthUserButtonLink);

declare global {
  interface HTMLElementTagNameMap {
    'auth-user-button-link': AuthUserButtonLink;
  }
}

export {AuthUserButtonLink};
