import {createContext} from '@lit/context';

/** The card a modal shows. */
export type ModalCard = 'sign-in' | 'sign-up';

/** What the provider's one modal may show: a card, the user's profile, creating an organization or the active organization's profile. */
export type ModalContent = ModalCard | 'user-profile' | 'create-organization' | 'organization-profile';

/** What the modal's card is given (where to go once signed in, or once the new account is ready). */
export interface ModalCardOptions {
  afterSignInUrl?: string;
  afterSignUpUrl?: string;
  /**
   * Multi-session: sign in to another account while someone is signed in (the card shows its
   * form instead of "You're signed in"); the new account is added and becomes the active one.
   */
  addAccount?: boolean;
}

/**
 * What the organization modals' elements are given, as their attributes: `<auth-create-org>`'s
 * `after-create-org-url` (where to go once the organization exists and its invite step is done)
 * and `<auth-org-profile>`'s `after-leave-org-url` (where to go after leaving or deleting it).
 * Both may hold `:slug` and `:id`, which those elements replace.
 */
export interface ModalOrganizationOptions {
  afterCreateOrgUrl?: string;
  afterLeaveOrgUrl?: string;
}

/**
 * The modals of the nearest `<auth-provider>` and its page URLs, for the elements that open them
 * (the sign-in and sign-up buttons, the user button, the organization switcher). Context, like the client: the button opens the modal of the
 * same provider whose client it shows, from inside any shadow root, found the way the client is.
 */
export interface ModalHost {
  readonly signInUrl?: string;
  readonly signUpUrl?: string;
  openSignIn(options?: ModalCardOptions): Promise<void>;
  openSignUp(options?: ModalCardOptions): Promise<void>;
  openUserProfile(): Promise<void>;
  openCreateOrganization(options?: ModalOrganizationOptions): Promise<void>;
  openOrganizationProfile(options?: ModalOrganizationOptions): Promise<void>;
}

export const modalContext = createContext<ModalHost | undefined>(Symbol('auth-modal'));
