import {AuthCreateOrg} from '../elements/create-org/create-org.js';
import {defineElement} from '../internal/define-element.js';

defineElement('auth-create-org', AuthCreateOrg);

declare global {
  interface HTMLElementTagNameMap {
    'auth-create-org': AuthCreateOrg;
  }
}

export {AuthCreateOrg};
