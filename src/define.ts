/** `auth-elements/define`: registers every element at once (the script tag loads each on first use instead: src/autoload.ts). */
import './define/auth-provider.js';
import './define/auth-sign-in.js';
import './define/auth-sign-up.js';
import './define/auth-signed-in.js';
import './define/auth-signed-out.js';
import './define/auth-show.js';
import './define/auth-user-button.js';
import './define/auth-loading.js';
import './define/auth-unavailable.js';
import './define/auth-sign-in-button.js';
import './define/auth-sign-up-button.js';
import './define/auth-sign-out-button.js';
import './define/auth-user-profile.js';
import './define/auth-org-invitation.js';
import './define/auth-org-switcher.js';
import './define/auth-create-org.js';
import './define/auth-org-profile.js';
import './define/auth-org-list.js';

// What a script-tag page may need to build a client by hand (the memory adapter stays out:
// it loads on demand for <auth-provider adapter="memory">).
export {AuthProvider} from './elements/provider/provider.js';
export {AuthSignIn} from './elements/sign-in/sign-in.js';
export {AuthSignUp} from './elements/sign-up/sign-up.js';
export {AuthSignedIn} from './elements/signed-in/signed-in.js';
export {AuthSignedOut} from './elements/signed-out/signed-out.js';
export {AuthShow} from './elements/show/show.js';
export {AuthUserButton} from './elements/user-button/user-button.js';
export {AuthUserButtonAction, AuthUserButtonLink} from './elements/user-button/user-button-items.js';
export {AuthLoading} from './elements/loading/loading.js';
export {AuthUnavailable} from './elements/unavailable/unavailable.js';
export {AuthSignInButton} from './elements/sign-in-button/sign-in-button.js';
export {AuthSignUpButton} from './elements/sign-up-button/sign-up-button.js';
export {AuthSignOutButton} from './elements/sign-out-button/sign-out-button.js';
export {AuthUserProfile} from './elements/user-profile/user-profile.js';
export {AuthUserProfileLink, AuthUserProfilePage} from './elements/user-profile/user-profile-items.js';
export {AuthOrgInvitation} from './elements/org-invitation/org-invitation.js';
export {AuthOrgSwitcher} from './elements/org-switcher/org-switcher.js';
export {AuthCreateOrg} from './elements/create-org/create-org.js';
export {AuthOrgProfile} from './elements/org-profile/org-profile.js';
export {AuthOrgProfileLink, AuthOrgProfilePage} from './elements/org-profile/org-profile-items.js';
export {AuthOrgList} from './elements/org-list/org-list.js';
export {AuthClient} from './client/auth-client.js';
export {BetterAuthAdapter} from './client/adapters/better-auth.js';
export {AuthError} from './client/errors.js';
