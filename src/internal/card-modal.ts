/**
 * The provider's modal sign-in and sign-up: one `<auth-dialog>` at a time, appended as a light-DOM
 * child of the provider, holding an `<auth-sign-in>` or `<auth-sign-up>`. So the provider's context
 * reaches the card, and the card's credential `<form>` stays in the document, where password
 * managers look (the dialog's body is a slot, never a shadow root of ours around the form).
 *
 * The provider imports this module, and each card's code, only when a modal is first asked for:
 * a page that never opens one never loads them.
 */
import type {ModalCard, ModalCardOptions} from '../context/modal-context.js';
import type {AuthSwitchRequestEvent} from '../events.js';
import {defineDialog, type AuthDialog} from './dialog.js';
import {focusIsLost, focusIsWithin} from './focus.js';

/** Each card's tag and the module that registers it. */
const CARDS: Record<ModalCard, {tag: string; load: () => Promise<unknown>}> = {
  'sign-in': {tag: 'auth-sign-in', load: () => import('../define/auth-sign-in.js')},
  'sign-up': {tag: 'auth-sign-up', load: () => import('../define/auth-sign-up.js')},
};

/** What the modal needs of a card (`AuthFormElement`, without importing its code). */
type Card = HTMLElement & {switchInPlace: boolean; updateComplete: Promise<boolean>; focusFirstField(): void};

/** The provider's page URLs: the footer links' targets (for a middle click; a plain one switches in place). */
export interface CardModalUrls {
  signInUrl?: string;
  signUpUrl?: string;
}

export class CardModal {
  #dialog: AuthDialog | null = null;
  #card: Card | null = null;
  /** The card asked for (loading or shown); null once closed. */
  #wanted: ModalCard | null = null;
  /** Counts requests: an open that a later open or a close overtook while loading gives up. */
  #request = 0;
  #options: ModalCardOptions = {};
  #title: MutationObserver | null = null;

  constructor(
    private readonly host: HTMLElement,
    private readonly urls: () => CardModalUrls,
  ) {}

  /** The card the modal shows or is loading, or null. */
  get current(): ModalCard | null {
    return this.#wanted;
  }

  /**
   * Shows `kind` in the modal (opening it, or switching the open one's card); resolves once it is
   * shown, with focus in the card's first field. The card's code loads first: nothing half-made
   * is shown meanwhile.
   */
  async open(kind: ModalCard, options: ModalCardOptions = {}): Promise<void> {
    const request = ++this.#request;
    this.#wanted = kind;
    this.#options = options;
    await CARDS[kind].load();
    if (request !== this.#request) return;
    defineDialog();
    const dialog = (this.#dialog ??= this.#createDialog());
    const card = this.#showCard(kind);
    await Promise.all([dialog.updateComplete, card.updateComplete]);
    if (request !== this.#request) return;
    dialog.show();
    card.focusFirstField();
  }

  /** Closes the modal (only if it shows or loads `kind`, when given). False when a listener kept it open. */
  close(kind?: ModalCard): boolean {
    if (!this.#wanted || (kind && kind !== this.#wanted)) return true;
    ++this.#request;
    const dialog = this.#dialog;
    if (!dialog) {
      this.#wanted = null;
      return true;
    }
    // Made but not shown yet (its card was still loading): nothing to ask, it just goes.
    if (!dialog.open) {
      this.#remove(dialog);
      return true;
    }
    return dialog.close();
  }

  #createDialog(): AuthDialog {
    const dialog = document.createElement('auth-dialog');
    dialog.hideHeading = true;
    dialog.addEventListener('auth-signed-in', () => void dialog.close('signed-in'));
    dialog.addEventListener('auth-switch-request', (event: AuthSwitchRequestEvent) => {
      event.preventDefault();
      void this.open(event.to, this.#options);
    });
    dialog.addEventListener('auth-dialog-closed', (event) => {
      if (event.target === dialog) this.#remove(dialog);
    });
    this.host.append(dialog);
    return dialog;
  }

  /** Puts a fresh `kind` card in the dialog (unless it already shows one), labelling the dialog with its title. */
  #showCard(kind: ModalCard): Card {
    const dialog = this.#dialog!;
    const shown = this.#card;
    if (shown?.localName === CARDS[kind].tag) return shown;
    const card = document.createElement(CARDS[kind].tag) as Card;
    card.switchInPlace = true;
    const {signInUrl, signUpUrl} = this.urls();
    const {afterSignInUrl, afterSignUpUrl} = this.#options;
    const attributes: Record<string, string | undefined> =
      kind === 'sign-in' ? {'sign-up-url': signUpUrl, 'after-sign-in-url': afterSignInUrl} : {'sign-in-url': signInUrl, 'after-sign-in-url': afterSignInUrl, 'after-sign-up-url': afterSignUpUrl};
    for (const [name, value] of Object.entries(attributes)) if (value) card.setAttribute(name, value);
    // Focus was on the card being replaced (its footer link): the new card's first field takes it.
    const hadFocus = !!shown && focusIsWithin(shown);
    shown?.remove();
    dialog.append(card);
    this.#card = card;
    this.#labelWith(card);
    if (hadFocus || (shown && focusIsLost())) void card.updateComplete.then(() => card.focusFirstField());
    return card;
  }

  /** The dialog's name is the card's title (`<h1>` in its shadow root), kept equal as steps change it. */
  #labelWith(card: Card): void {
    const dialog = this.#dialog!;
    const root = card.shadowRoot!;
    const sync = () => {
      dialog.label = root.querySelector('h1')?.textContent?.trim() ?? '';
    };
    this.#title?.disconnect();
    this.#title = new MutationObserver(sync);
    this.#title.observe(root, {subtree: true, childList: true, characterData: true});
    void card.updateComplete.then(sync);
  }

  /** After a close, however it happened: the dialog leaves the page. */
  #remove(dialog: AuthDialog): void {
    if (dialog !== this.#dialog) return;
    this.#title?.disconnect();
    this.#title = null;
    this.#dialog = null;
    this.#card = null;
    this.#wanted = null;
    dialog.remove();
  }
}
