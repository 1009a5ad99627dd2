import './auth-create-org.js';
import {AuthOrgList} from '../elements/org-list/org-list.js';
import {defineElement} from '../internal/define-element.js';

defineElement('auth-org-list', AuthOrgList);

declare global {
  interface HTMLElementTagNameMap {
    'auth-org-list': AuthOrgList;
  }
}

export {AuthOrgList};
