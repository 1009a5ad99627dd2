/**
 * Renaming something in place, inside its row (a passkey): a labelled text input with Save and
 * Cancel; Enter saves, Escape puts the name back. In the shadow DOM: a name is no credential.
 */
import {html, nothing, type TemplateResult} from 'lit';
import {part} from '../../appearance/part.js';
import type {ProfileContext} from './profile-page.js';

export interface RenameView {
  /** Unique in the shadow root: the input is `<id>-input`. */
  id: string;
  label: string;
  initial: string;
  busy: boolean;
  /** What is wrong (nothing typed, or the API's error), said on the input. */
  problem: string | null;
  onSave: (typed: string) => void;
  onCancel: () => void;
}

export function renameForm(context: ProfileContext, view: RenameView): TemplateResult {
  const {t, appearance} = context;
  const inputId = `${view.id}-input`;
  const errorId = `${view.id}-error`;
  const typed = (form: HTMLFormElement) => form.querySelector<HTMLInputElement>('input')!.value;
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    if (!view.busy) view.onSave(typed(event.target as HTMLFormElement));
  };
  const onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    // Only the rename ends: a dialog around the profile stays open.
    event.preventDefault();
    event.stopPropagation();
    view.onCancel();
  };
  return html`<form class="rename" novalidate @submit=${onSubmit} ${part('rename-form', appearance)}>
    <label class="rename-label" for=${inputId}>${view.label}</label>
    <input
      class="rename-input"
      id=${inputId}
      type="text"
      autocomplete="off"
      maxlength="64"
      .value=${view.initial}
      aria-invalid=${view.problem ? 'true' : 'false'}
      aria-describedby=${view.problem ? errorId : nothing}
      @keydown=${onKeydown}
      ${part('rename-input', appearance)}
    />
    ${view.problem ? html`<p class="rename-error" id=${errorId} role="alert">${view.problem}</p>` : nothing}
    <div class="actions">
      <button type="submit" class="button primary" aria-disabled=${view.busy ? 'true' : 'false'} ${part('profile-section-button', appearance)}>
        ${view.busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${t('common.save')}
      </button>
      <button type="button" class="button" ${part('profile-section-button', appearance)} @click=${view.onCancel}>${t('common.cancel')}</button>
    </div>
  </form>`;
}
