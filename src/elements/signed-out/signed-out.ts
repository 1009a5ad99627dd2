import {VisibilityElement} from '../../internal/visibility-element.js';

/**
 * @summary Shows its children only while nobody is signed in (nothing while the session loads).
 *
 * @slot - Content for signed-out visitors.
 */
export class AuthSignedOut extends VisibilityElement {
  protected readonly showWhen = 'signed-out';
}
