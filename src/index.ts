/** Classes and types only: importing this registers nothing (see `auth-elements/define`). */
export {AuthProvider} from './elements/provider/provider.js';
export {AuthSignIn} from './elements/sign-in/sign-in.js';
export {AuthSignUp} from './elements/sign-up/sign-up.js';
export {AuthSignedIn} from './elements/signed-in/signed-in.js';
export {AuthSignedOut} from './elements/signed-out/signed-out.js';
export {AuthUserButton} from './elements/user-button/user-button.js';
export {AuthLoading} from './elements/loading/loading.js';
export {AuthUnavailable} from './elements/unavailable/unavailable.js';

export {AuthClient, type AuthClientOptions, type AccountSwitch} from './client/auth-client.js';
export type {AccountClient} from './client/account.js';
export {parseUserAgent, type ParsedUserAgent} from './client/user-agent.js';
export type {RetryOptions} from './client/retry-schedule.js';
export type {AccountAdapter, CoreAdapter, IdentityAdapter} from './client/adapters/adapter.js';
export {BetterAuthAdapter, type BetterAuthAdapterOptions} from './client/adapters/better-auth.js';
export {AuthError, AUTH_ERROR_CODES, type AuthErrorCode} from './client/errors.js';
export type {SignInFlow} from './client/flows/sign-in-flow.js';
export type {SignUpFlow} from './client/flows/sign-up-flow.js';
export type {FlowActivity, FlowState} from './client/flows/flow.js';
export {safeRedirectUrl, type RedirectPolicy} from './client/redirect.js';
export type * from './client/types.js';
export {AuthErrorEvent, AuthSessionChangeEvent, AuthSignedInEvent, AuthSignedOutEvent} from './events.js';
export type {Appearance, AppearanceVariable, StyleObject} from './appearance/appearance.js';
export {Localizer} from './i18n/localizer.js';
export {SUPPORTED_LOCALES} from './i18n/locales.js';
export {MemoryAdapter, type MemoryAdapterOptions, type MemoryUserSeed} from './client/adapters/memory.js';
