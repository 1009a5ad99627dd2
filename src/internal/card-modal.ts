/**
 * The provider's one modal: one `<auth-dialog>` at a time, appended as a light-DOM child of the
 * provider, holding an `<auth-sign-in>` or `<auth-sign-up>` card or the `<auth-user-profile>`.
 * So the provider's context reaches what it shows, and a card's credential `<form>` stays in the
 * document, where password managers look (the dialog's body is a slot, never a shadow root of
 * ours around the form). Opening another content while one is shown swaps it in the same dialog.
 *
 * The provider imports this module, and each content's code, only when a modal is first asked
 * for: a page that never opens one never loads them.
 */
import type {ModalCardOptions, ModalContent} from '../context/modal-context.js';
import type {AuthSwitchRequestEvent} from '../events.js';
import {defineDialog, type AuthDialog} from './dialog.js';
import {focusIsLost, focusIsWithin} from './focus.js';

/**
 * Each content's tag and the module that registers it. A card shows its own title (the dialog
 * hides its heading and is named by the card's `<h1>`); the profile gets the dialog's heading
 * ("Manage account") above its own navigation and page titles, and a wider panel.
 */
const CONTENT: Record<ModalContent, {tag: string; load: () => Promise<unknown>; card: boolean}> = {
  'sign-in': {tag: 'auth-sign-in', load: () => import('../define/auth-sign-in.js'), card: true},
  'sign-up': {tag: 'auth-sign-up', load: () => import('../define/auth-sign-up.js'), card: true},
  'user-profile': {tag: 'auth-user-profile', load: () => import('../define/auth-user-profile.js'), card: false},
};

/** What the modal needs of a card (`AuthFormElement`, without importing its code). */
type Card = HTMLElement & {switchInPlace: boolean; addAccount: boolean; updateComplete: Promise<boolean>; focusFirstField(): void};
type Shown = HTMLElement & {updateComplete: Promise<boolean>};

/** The provider's page URLs (the footer links' targets, for a middle click; a plain one switches in place) and the profile dialog's name. */
export interface CardModalUrls {
  signInUrl?: string;
  signUpUrl?: string;
}

export interface CardModalLabels {
  /** The profile dialog's name, in the provider's language ("Manage account"). */
  userProfile: () => string;
}

export class CardModal {
  #dialog: AuthDialog | null = null;
  #shown: Shown | null = null;
  /** The content asked for (loading or shown); null once closed. */
  #wanted: ModalContent | null = null;
  /** Counts requests: an open that a later open or a close overtook while loading gives up. */
  #request = 0;
  #options: ModalCardOptions = {};
  #title: MutationObserver | null = null;

  constructor(
    private readonly host: HTMLElement,
    private readonly urls: () => CardModalUrls,
    private readonly labels: CardModalLabels,
  ) {}

  /** What the modal shows or is loading, or null. */
  get current(): ModalContent | null {
    return this.#wanted;
  }

  /**
   * Shows `kind` in the modal (opening it, or switching the open one's content); resolves once it
   * is shown, with focus in a card's first field (in the profile, on the dialog's close button,
   * its first control). The content's code loads first: nothing half-made is shown meanwhile.
   */
  async open(kind: ModalContent, options: ModalCardOptions = {}): Promise<void> {
    const request = ++this.#request;
    this.#wanted = kind;
    this.#options = options;
    await CONTENT[kind].load();
    if (request !== this.#request) return;
    defineDialog();
    const dialog = (this.#dialog ??= this.#createDialog());
    const shown = this.#showContent(kind);
    await Promise.all([dialog.updateComplete, shown.updateComplete]);
    if (request !== this.#request) return;
    dialog.show();
    if (CONTENT[kind].card) (shown as Card).focusFirstField();
  }

  /** Names the profile's dialog again (the provider's language changed). */
  relabel(): void {
    if (this.#dialog && this.#shown && !CONTENT[this.#wanted ?? 'sign-in'].card) this.#dialog.label = this.labels.userProfile();
  }

  /** Closes the modal (only if it shows or loads `kind`, when given). False when a listener kept it open. */
  close(kind?: ModalContent): boolean {
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

  /** Puts a fresh `kind` in the dialog (unless it already shows one), naming the dialog after it. */
  #showContent(kind: ModalContent): Shown {
    const dialog = this.#dialog!;
    const shown = this.#shown;
    const {tag, card: isCard} = CONTENT[kind];
    if (shown?.localName === tag) return shown;
    const next = document.createElement(tag) as Shown;
    if (isCard) this.#setUpCard(next as Card, kind);
    else {
      // The dialog's panel frames the profile: it drops its own border and shadow, as a card does in the modal.
      next.style.setProperty('--_card-border', '0');
      next.style.setProperty('--_card-shadow', 'none');
    }
    // Focus was on what is being replaced (a card's footer link): the new card's first field takes it.
    const hadFocus = !!shown && focusIsWithin(shown);
    shown?.remove();
    dialog.hideHeading = isCard;
    if (isCard) dialog.style.removeProperty('--auth-dialog-width');
    else dialog.style.setProperty('--auth-dialog-width', 'var(--auth-user-profile-dialog-width, 60rem)');
    dialog.append(next);
    this.#shown = next;
    if (isCard) this.#labelWith(next as Card);
    else {
      this.#title?.disconnect();
      dialog.label = this.labels.userProfile();
    }
    if (isCard && (hadFocus || (shown && focusIsLost()))) void next.updateComplete.then(() => (next as Card).focusFirstField());
    return next;
  }

  #setUpCard(card: Card, kind: ModalContent): void {
    card.switchInPlace = true;
    const {signInUrl, signUpUrl} = this.urls();
    const {afterSignInUrl, afterSignUpUrl, addAccount} = this.#options;
    card.addAccount = !!addAccount;
    const attributes: Record<string, string | undefined> =
      kind === 'sign-in' ? {'sign-up-url': signUpUrl, 'after-sign-in-url': afterSignInUrl} : {'sign-in-url': signInUrl, 'after-sign-in-url': afterSignInUrl, 'after-sign-up-url': afterSignUpUrl};
    for (const [name, value] of Object.entries(attributes)) if (value) card.setAttribute(name, value);
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
    this.#shown = null;
    this.#wanted = null;
    dialog.remove();
  }
}
