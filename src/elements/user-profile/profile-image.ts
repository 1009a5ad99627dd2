import {html, nothing, type ReactiveControllerHost, type TemplateResult} from 'lit';
import {part} from '../../appearance/part.js';
import {task, type Task} from '../../internal/async-action.js';
import type {AuthImageCropper} from '../../internal/image-cropper.js';
import {readImageFile} from '../../internal/image-file.js';
import {announce} from '../../internal/announcer.js';
import {sectionAlert, sectionButton, type ProfileContext} from './profile-page.js';

/** The picture's side in pixels once cropped (the API may make it smaller). */
const UPLOAD_SIZE = 512;

/** Bytes as the person reads a size limit ("2 MB"), in their language. */
function formatBytes(bytes: number, language: string): string {
  const megabytes = bytes / (1024 * 1024);
  return megabytes >= 1
    ? new Intl.NumberFormat(language, {style: 'unit', unit: 'megabyte', maximumFractionDigits: 1}).format(megabytes)
    : new Intl.NumberFormat(language, {style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0}).format(bytes / 1024);
}

/**
 * The profile image's controls under the profile row: upload (pick a file, checked by its
 * bytes and size before anything is sent, then cropped square in a dialog) and remove. The
 * API stores and serves the image; the user's `imageUrl` points at it.
 */
export class ProfileImage {
  /** The picked picture, being cropped. */
  #picked: ImageBitmap | null = null;
  #pickError: string | null = null;
  readonly #action: Task;

  constructor(host: ReactiveControllerHost) {
    this.#action = task(host);
  }

  reset(): void {
    this.#picked?.close();
    this.#picked = null;
    this.#pickError = null;
    this.#action.reset();
  }

  render(context: ProfileContext): TemplateResult | typeof nothing {
    const rules = context.client.capabilities.profileImage;
    if (!rules) return nothing;
    const {t, user} = context;
    const action = this.#action;
    const types = rules.types.map((type) => type.replace('image/', '').toUpperCase()).join(', ');
    const hintId = 'profile-image-hint';
    const pick = () => context.host.shadowRoot?.querySelector<HTMLInputElement>('input[type="file"]')?.click();
    const error = this.#pickError ?? (!this.#picked ? context.errorMessage(action.error) : null);
    return html`<div class="actions">
        <input type="file" hidden accept=${rules.types.join(',')} @change=${(event: Event) => void this.#onPick(context, event)} />
        ${sectionButton(t('profile.account.uploadImage'), pick, {context, busy: action.pending && !this.#picked, name: 'profile-image-upload', describedBy: hintId})}
        ${user.imageUrl
          ? sectionButton(t('profile.account.removeImage'), () => void this.#remove(context), {context, variant: 'text', busy: action.pending, name: 'profile-image-remove'})
          : nothing}
      </div>
      <p class="row-detail" id=${hintId}>${t('profile.account.imageHint', {types, size: formatBytes(rules.maxBytes, context.language)})}</p>
      ${sectionAlert(error, context)} ${this.#cropDialog(context, action)}`;
  }

  async #onPick(context: ProfileContext, event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    const rules = context.client.capabilities.profileImage;
    if (!file || !rules) return;
    this.#pickError = null;
    this.#action.reset();
    try {
      this.#picked = await readImageFile(file, rules);
    } catch (error) {
      this.#pickError = context.errorMessage(error as never);
    }
    context.host.requestUpdate();
  }

  #cropDialog(context: ProfileContext, action: Task): TemplateResult {
    const {t, appearance, ownAppearance} = context;
    const close = () => {
      this.#picked?.close();
      this.#picked = null;
      action.reset();
      context.host.requestUpdate();
    };
    const save = async () => {
      const cropper = context.host.shadowRoot?.querySelector<AuthImageCropper>('auth-image-cropper');
      if (!cropper) return;
      const uploaded = await action.run(async () => context.client.account.uploadProfileImage(await cropper.toBlob(UPLOAD_SIZE)));
      if (!uploaded) return;
      close();
      announce(t('profile.account.imageSaved'), context.language);
    };
    return html`<auth-dialog
      class="crop-dialog"
      .open=${!!this.#picked}
      .appearance=${ownAppearance}
      label=${t('profile.account.cropTitle')}
      @auth-dialog-request-close=${(event: Event) => action.pending && event.preventDefault()}
      @auth-dialog-closed=${close}
    >
      ${this.#picked
        ? html`<div class="crop">
            <auth-image-cropper
              .image=${this.#picked}
              .appearance=${ownAppearance}
              label=${t('profile.account.cropFrame')}
              zoom-label=${t('profile.account.cropZoom')}
            ></auth-image-cropper>
            ${sectionAlert(context.errorMessage(action.error), context)}
            <div class="actions crop-actions">
              ${sectionButton(t('common.cancel'), close, {context, variant: 'text', name: 'profile-image-cancel'})}
              <button type="button" class="button primary" ${part('profile-image-save', appearance)} aria-disabled=${action.pending ? 'true' : 'false'} @click=${() => !action.pending && void save()}>
                ${action.pending ? html`<span class="spinner" aria-hidden="true"></span>${t('busy.saving')}` : t('common.save')}
              </button>
            </div>
          </div>`
        : nothing}
    </auth-dialog>`;
  }

  async #remove(context: ProfileContext): Promise<void> {
    const action = this.#action;
    if (await action.run(() => context.client.account.removeProfileImage())) announce(context.t('profile.account.imageRemoved'), context.language);
  }
}
