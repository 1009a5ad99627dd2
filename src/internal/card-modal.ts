/**
 * The provider's one modal: one `<auth-dialog>` at a time, appended as a light-DOM child of the
 * provider, holding an `<auth-sign-in>` or `<auth-sign-up>` card, `<auth-create-org>` (a card
 * too), or a panel: the `<auth-user-profile>` or the `<auth-org-profile>`. So the provider's
 * context reaches what it shows, and a card's credential `<form>` stays in the document, where
 * password managers look (the dialog's body is a slot, never a shadow root of ours around the
 * form). Opening another content while one is shown swaps it in the same dialog.
 *
 * The provider imports this module, and each content's code, only when a modal is first asked
 * for: a page that never opens one never loads them.
 */
import type {ModalCardOptions, ModalContent, ModalOrganizationOptions} from '../context/modal-context.js';
import type {AuthSwitchRequestEvent} from '../events.js';
import {defineDialog, type AuthDialog} from './dialog.js';
import {focusIsLost, focusIsWithin} from './focus.js';

/** The names of the panels' dialogs (a card's dialog is named by the card's own title). */
export interface CardModalLabels {
  /** The profile dialog's name, in the provider's language ("Manage account"). */
  userProfile: () => string;
  /** The organization profile dialog's name ("Manage organization"). */
  organizationProfile: () => string;
}

interface Content {
  tag: string;
  load: () => Promise<unknown>;
  /** A card shows its own `<h1>`, which names the dialog; a panel gets the dialog's heading and a wider dialog. */
  card: boolean;
  /** A panel's dialog heading. */
  label?: keyof CardModalLabels;
  /** A panel's width: its element's hook, with a default. */
  width?: string;
}

/**
 * Each content's tag and the module that registers it. A card shows its own title (the dialog
 * hides its heading and is named by the card's `<h1>`); a panel gets the dialog's heading
 * ("Manage account", "Manage organization") above its own navigation and page titles, and a
 * wider dialog.
 */
const CONTENT: Record<ModalContent, Content> = {
  'sign-in': {tag: 'auth-sign-in', load: () => import('../define/auth-sign-in.js'), card: true},
  'sign-up': {tag: 'auth-sign-up', load: () => import('../define/auth-sign-up.js'), card: true},
  'create-organization': {tag: 'auth-create-org', load: () => import('../define/auth-create-org.js'), card: true},
  'user-profile': {
    tag: 'auth-user-profile',
    load: () => import('../define/auth-user-profile.js'),
    card: false,
    label: 'userProfile',
    width: 'var(--auth-user-profile-dialog-width, 60rem)',
  },
  'organization-profile': {
    tag: 'auth-org-profile',
    load: () => import('../define/auth-org-profile.js'),
    card: false,
    label: 'organizationProfile',
    width: 'var(--auth-org-profile-dialog-width, 60rem)',
  },
};

/** What the modal needs of a card (`AuthFormElement`, without importing its code); `<auth-create-org>` has only some of it. */
type Card = HTMLElement & {switchInPlace?: boolean; addAccount?: boolean; updateComplete: Promise<boolean>; focusFirstField?(): void};
type Shown = HTMLElement & {updateComplete: Promise<boolean>};

/** What a content's element is given: a card's page URLs and where it goes next. */
export type CardModalOptions = ModalCardOptions & ModalOrganizationOptions;

/** The provider's page URLs (the footer links' targets, for a middle click; a plain one switches in place). */
export interface CardModalUrls {
  signInUrl?: string;
  signUpUrl?: string;
}

export class CardModal {
  #dialog: AuthDialog | null = null;
  #shown: Shown | null = null;
  /** The content asked for (loading or shown); null once closed. */
  #wanted: ModalContent | null = null;
  /** Counts requests: an open that a later open or a close overtook while loading gives up. */
  #request = 0;
  #options: CardModalOptions = {};
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
   * is shown, with focus in a card's first field (in a panel, on the dialog's close button,
   * its first control). The content's code loads first: nothing half-made is shown meanwhile.
   */
  async open(kind: ModalContent, options: CardModalOptions = {}): Promise<void> {
    const request = ++this.#request;
    this.#signedInUnshown = false;
    this.#wanted = kind;
    this.#options = options;
    await CONTENT[kind].load();
    if (request !== this.#request) return;
    defineDialog();
    const dialog = (this.#dialog ??= this.#createDialog());
    const shown = this.#showContent(kind);
    await Promise.all([dialog.updateComplete, shown.updateComplete]);
    if (request !== this.#request) return;
    // The card signed in before it was shown (a sign-in link it opened with): nothing left to show.
    if (this.#signedInUnshown) {
      this.#signedInUnshown = false;
      this.close(kind);
      return;
    }
    dialog.show();
    if (CONTENT[kind].card) (shown as Card).focusFirstField?.();
  }

  /** Names a panel's dialog again (the provider's language changed). */
  relabel(): void {
    const label = this.#wanted && CONTENT[this.#wanted].label;
    if (this.#dialog && this.#shown && label) this.#dialog.label = this.labels[label]();
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

  /** The card signed someone in while its dialog was still being made. */
  #signedInUnshown = false;

  #createDialog(): AuthDialog {
    const dialog = document.createElement('auth-dialog');
    dialog.hideHeading = true;
    dialog.addEventListener('auth-signed-in', () => {
      if (dialog.open) void dialog.close('signed-in');
      else this.#signedInUnshown = true;
    });
    // <auth-create-org>'s invite step is over (the organization exists): the dialog's work is done.
    // The element then follows its after-create-org-url, if it has one.
    dialog.addEventListener('auth-org-setup-complete', () => void dialog.close('organization-created'));
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
    const {tag, card: isCard, label, width} = CONTENT[kind];
    if (shown?.localName === tag) return shown;
    const next = document.createElement(tag) as Shown;
    this.#setAttributes(next, kind);
    if (isCard) this.#setUpCard(next as Card);
    else {
      // The dialog's panel frames a panel content: it drops its own border and shadow, as a card does in the modal.
      next.style.setProperty('--_card-border', '0');
      next.style.setProperty('--_card-shadow', 'none');
    }
    // Focus was on what is being replaced (a card's footer link): the new card's first field takes it.
    const hadFocus = !!shown && focusIsWithin(shown);
    shown?.remove();
    dialog.hideHeading = isCard;
    if (width) dialog.style.setProperty('--auth-dialog-width', width);
    else dialog.style.removeProperty('--auth-dialog-width');
    dialog.append(next);
    this.#shown = next;
    if (isCard) this.#labelWith(next as Card);
    else {
      this.#title?.disconnect();
      dialog.label = label ? this.labels[label]() : '';
    }
    if (isCard && (hadFocus || (shown && focusIsLost()))) void next.updateComplete.then(() => (next as Card).focusFirstField?.());
    return next;
  }

  /** A sign-in or sign-up card switches to the other one inside the dialog. */
  #setUpCard(card: Card): void {
    if (!(card.localName === 'auth-sign-in' || card.localName === 'auth-sign-up')) return;
    card.switchInPlace = true;
    card.addAccount = !!this.#options.addAccount;
  }

  /** The content's attributes from the provider's URLs and the options it was opened with. */
  #setAttributes(element: HTMLElement, kind: ModalContent): void {
    const {signInUrl, signUpUrl} = this.urls();
    const {afterSignInUrl, afterSignUpUrl, afterCreateOrgUrl, afterLeaveOrgUrl} = this.#options;
    const attributes: Record<string, string | undefined> = {
      'sign-in': {'sign-up-url': signUpUrl, 'after-sign-in-url': afterSignInUrl},
      'sign-up': {'sign-in-url': signInUrl, 'after-sign-in-url': afterSignInUrl, 'after-sign-up-url': afterSignUpUrl},
      'user-profile': {},
      'create-organization': {'after-create-org-url': afterCreateOrgUrl},
      'organization-profile': {'after-leave-org-url': afterLeaveOrgUrl},
    }[kind];
    for (const [name, value] of Object.entries(attributes)) if (value) element.setAttribute(name, value);
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
