import {VisibilityElement} from '../../internal/visibility-element.js';

/**
 * @summary Shows its children only while a user is signed in (nothing while the session loads).
 *
 * @slot - Content for signed-in users.
 */
export class AuthSignedIn extends VisibilityElement {
  protected readonly showWhen = 'signed-in';
}
