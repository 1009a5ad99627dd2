import {createContext} from '@lit/context';

/** The card a modal shows. */
export type ModalCard = 'sign-in' | 'sign-up';

/** What the provider's one modal may show: a card, or the user's profile. */
export type ModalContent = ModalCard | 'user-profile';

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
 * The modals of the nearest `<auth-provider>` and its page URLs, for the elements that open them
 * (the sign-in and sign-up buttons, the user button). Context, like the client: the button opens the modal of the
 * same provider whose client it shows, from inside any shadow root, found the way the client is.
 */
export interface ModalHost {
  readonly signInUrl?: string;
  readonly signUpUrl?: string;
  openSignIn(options?: ModalCardOptions): Promise<void>;
  openSignUp(options?: ModalCardOptions): Promise<void>;
  openUserProfile(): Promise<void>;
}

export const modalContext = createContext<ModalHost | undefined>(Symbol('auth-modal'));
