// The provider's modal as a test sees it: the one <auth-dialog> appended to the provider, the
// card inside it, and the native <dialog> that names it.
import {waitUntil} from '@open-wc/testing';
import type {AuthDialog} from '../src/internal/dialog.js';
import {deepActiveElement} from '../src/internal/focus.js';

type Card = HTMLElement & {updateComplete: Promise<unknown>};

/** Every modal dialog on the page (there must never be more than one). */
export const dialogs = () => [...document.querySelectorAll<AuthDialog>('auth-dialog')];

/** The native <dialog> inside an <auth-dialog>. */
export const nativeDialog = (dialog: AuthDialog) => dialog.shadowRoot!.querySelector('dialog')!;

/** Waits for the modal to be shown with `tag` in it (and focus inside); returns the dialog and the card. */
export async function shownModal(tag: 'auth-sign-in' | 'auth-sign-up'): Promise<{dialog: AuthDialog; card: Card}> {
  await waitUntil(() => dialogs().length === 1 && nativeDialog(dialogs()[0]).open && dialogs()[0].querySelector(tag), `no open modal with <${tag}>`);
  const dialog = dialogs()[0];
  const card = dialog.querySelector<Card>(tag)!;
  await card.updateComplete;
  await dialog.updateComplete;
  await waitUntil(() => dialog.contains(deepActiveElement()), 'focus is not in the modal');
  return {dialog, card};
}

/** The dialog's accessible name: its aria-label (the card's title), as a screen reader reads it. */
export const dialogName = (dialog: AuthDialog) => nativeDialog(dialog).getAttribute('aria-label') ?? '';

/** Waits until no modal is left in the page. */
export async function modalGone(): Promise<void> {
  await waitUntil(() => dialogs().length === 0, 'the modal is still in the page');
}

/** The modal's close button. */
export const closeButton = (dialog: AuthDialog) => dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part~="dialog-close-button"]')!;
