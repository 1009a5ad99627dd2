import {createContext} from '@lit/context';

/** The card a modal shows. */
export type ModalCard = 'sign-in' | 'sign-up';

/** What the modal's card is given (where to go once signed in, or once the new account is ready). */
export interface ModalCardOptions {
  afterSignInUrl?: string;
  afterSignUpUrl?: string;
}

/**
 * The modals of the nearest `<auth-provider>` and its page URLs, for the elements that open them
 * (the sign-in and sign-up buttons). Context, like the client: the button opens the modal of the
 * same provider whose client it shows, from inside any shadow root, found the way the client is.
 */
export interface ModalHost {
  readonly signInUrl?: string;
  readonly signUpUrl?: string;
  openSignIn(options?: ModalCardOptions): Promise<void>;
  openSignUp(options?: ModalCardOptions): Promise<void>;
}

export const modalContext = createContext<ModalHost | undefined>(Symbol('auth-modal'));
