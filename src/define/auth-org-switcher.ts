import {AuthOrgSwitcher} from '../elements/org-switcher/org-switcher.js';
import {defineElement} from '../internal/define-element.js';

defineElement('auth-org-switcher', AuthOrgSwitcher);

declare global {
  interface HTMLElementTagNameMap {
    'auth-org-switcher': AuthOrgSwitcher;
  }
}

export {AuthOrgSwitcher};
