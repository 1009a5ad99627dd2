import type {AuthError} from './client/errors.js';
import type {AuthState, Invitation, Membership, User} from './client/types.js';

const init = {bubbles: true, composed: true} as const;

/** Fired by the element that completed a sign-in or sign-up. */
export class AuthSignedInEvent extends Event {
  static readonly type = 'auth-signed-in';
  constructor(readonly user: User) {
    super(AuthSignedInEvent.type, init);
  }
}

/** Fired by the element that signed the user out. */
export class AuthSignedOutEvent extends Event {
  static readonly type = 'auth-signed-out';
  constructor() {
    super(AuthSignedOutEvent.type, init);
  }
}

/** Fired when an element shows an error; `error.code` is the kit's code. */
export class AuthErrorEvent extends Event {
  static readonly type = 'auth-error';
  constructor(readonly error: AuthError) {
    super(AuthErrorEvent.type, init);
  }
}

/** Fired by `<auth-provider>` whenever who is signed in changes (here or in another tab). */
export class AuthSessionChangeEvent extends Event {
  static readonly type = 'auth-session-change';
  constructor(readonly state: AuthState) {
    super(AuthSessionChangeEvent.type, init);
  }
}

/**
 * Fired by `<auth-sign-in>` and `<auth-sign-up>` when their footer link ("Sign up", "Sign in")
 * is followed, before the browser follows it. Cancelable: `preventDefault()` keeps the page where
 * it is, for code that shows the other card itself (a router, or the provider's modal, which
 * switches the card inside its dialog). `url` is the link's target, null when it has none.
 */
export class AuthSwitchRequestEvent extends Event {
  static readonly type = 'auth-switch-request';
  constructor(
    readonly to: 'sign-in' | 'sign-up',
    readonly url: string | null,
  ) {
    super(AuthSwitchRequestEvent.type, {...init, cancelable: true});
  }
}

/**
 * Fired by an `<auth-user-button-action>` when it is chosen in the user button's menu (at the
 * action element, bubbling). `name` is its `name` attribute, else its label. Cancelable:
 * `preventDefault()` keeps the menu open (otherwise it closes and focus goes back to the button).
 */
export class AuthMenuActionEvent extends Event {
  static readonly type = 'auth-menu-action';
  constructor(
    readonly name: string,
    readonly label: string,
  ) {
    super(AuthMenuActionEvent.type, {...init, cancelable: true});
  }
}

/**
 * Fired by `<auth-provider>` when the active organization changes: a switch (here or in another
 * tab), creating or joining one, leaving or deleting the active one, signing out. `membership`
 * is the new one (null: the personal account or signed out), `previous` the one before.
 */
export class AuthOrgChangeEvent extends Event {
  static readonly type = 'auth-org-change';
  constructor(
    readonly membership: Membership | null,
    readonly previous: Membership | null,
  ) {
    super(AuthOrgChangeEvent.type, init);
  }
}

/** Fired by `<auth-create-org>` once the organization exists (it is the active one then). */
export class AuthOrgCreatedEvent extends Event {
  static readonly type = 'auth-org-created';
  constructor(readonly membership: Membership) {
    super(AuthOrgCreatedEvent.type, init);
  }
}

/**
 * Fired by `<auth-create-org>` when its last step is over (the invitations sent or skipped), just
 * before it follows `after-create-org-url` or shows its "done" state. Cancelable:
 * `preventDefault()` does neither, for a host that shows something else next (`<auth-org-list>`
 * goes back to its list, a modal closes). `invited` holds the invitations it sent.
 */
export class AuthOrgSetupCompleteEvent extends Event {
  static readonly type = 'auth-org-setup-complete';
  constructor(
    readonly membership: Membership,
    readonly invited: readonly Invitation[],
  ) {
    super(AuthOrgSetupCompleteEvent.type, {...init, cancelable: true});
  }
}

/** Fired by the element where the signed-in person accepted an invitation (they are a member, and it is the active organization). */
export class AuthInvitationAcceptedEvent extends Event {
  static readonly type = 'auth-invitation-accepted';
  constructor(readonly membership: Membership) {
    super(AuthInvitationAcceptedEvent.type, init);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'auth-menu-action': AuthMenuActionEvent;
    'auth-signed-in': AuthSignedInEvent;
    'auth-signed-out': AuthSignedOutEvent;
    'auth-error': AuthErrorEvent;
    'auth-session-change': AuthSessionChangeEvent;
    'auth-switch-request': AuthSwitchRequestEvent;
    'auth-org-change': AuthOrgChangeEvent;
    'auth-org-created': AuthOrgCreatedEvent;
    'auth-invitation-accepted': AuthInvitationAcceptedEvent;
    'auth-org-setup-complete': AuthOrgSetupCompleteEvent;
  }
}
