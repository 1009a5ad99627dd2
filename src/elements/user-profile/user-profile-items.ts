import {AuthLinkItem, AuthPageItem} from '../../internal/child-item.js';

/**
 * @summary A page of your own in `<auth-user-profile>`: its content (any markup) is shown when
 * its navigation entry is chosen. An empty page whose `path` is a built-in page's (`account`,
 * `security`) places that page here instead, so the built-in pages can be reordered.
 *
 * @slot - The page's content.
 * @slot icon - An icon for the navigation entry (copied there; decorative).
 */
export class AuthUserProfilePage extends AuthPageItem {}

/**
 * @summary A link in `<auth-user-profile>`'s navigation to a page elsewhere (your app's settings,
 * help). Only http(s) and relative links are followed.
 *
 * @slot icon - An icon for the navigation entry (copied there; decorative).
 */
export class AuthUserProfileLink extends AuthLinkItem {}
