/**
 * An organization's logo picker, for the light-DOM form of whatever element creates or edits an
 * organization (`<auth-create-org>`, the organization profile's General page): choose an image
 * file (checked by its bytes, image-file.ts), which becomes a square PNG or WebP data URL of at
 * most 256 pixels (cut from the middle of the picture), previewed, changed or removed. Only
 * `data:image/(png|jpeg|webp)` URLs are taken as a value, so nothing else reaches the API or an
 * `<img>`. Its texts are the `organizationLogo` locale namespace: a host lists it in its
 * `localeNamespaces`, and adds `organizationLogoStyles` to its light form's styles.
 */
import {css, html, nothing, svg, type ReactiveControllerHost, type TemplateResult} from 'lit';
import {part, type PartAppearance} from '../appearance/part.js';
import type {AuthError} from '../client/errors.js';
import {toAuthError} from '../client/errors.js';
import type {TranslateOptions} from '../i18n/translate.js';
import {readImageFile} from './image-file.js';

/** The logo's largest side, in pixels. */
export const LOGO_SIZE = 256;

/** What a picked file may be: any raster image the browser decodes (it is redrawn as PNG or WebP). */
export const LOGO_FILE_RULES = {maxBytes: 10 * 1024 * 1024, types: ['image/png', 'image/jpeg', 'image/webp', 'image/gif']};

const LOGO_DATA_URL = /^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+=*$/;

/** Whether `value` is a logo the picker holds: a base64 PNG, JPEG or WebP data URL. */
export function isLogoDataUrl(value: unknown): value is string {
  return typeof value === 'string' && LOGO_DATA_URL.test(value);
}

/**
 * The picture cut square from its middle and drawn at most `LOGO_SIZE` pixels across, as a
 * WebP data URL (a PNG one where the browser cannot encode WebP).
 */
export function squareLogo(image: ImageBitmap, size = LOGO_SIZE): string {
  const side = Math.min(image.width, image.height);
  const target = Math.max(1, Math.min(size, side));
  const canvas = document.createElement('canvas');
  canvas.width = target;
  canvas.height = target;
  const context = canvas.getContext('2d')!;
  context.imageSmoothingQuality = 'high';
  context.drawImage(image, (image.width - side) / 2, (image.height - side) / 2, side, side, 0, 0, target, target);
  const webp = canvas.toDataURL('image/webp', 0.9);
  return webp.startsWith('data:image/webp') ? webp : canvas.toDataURL('image/png');
}

export interface OrganizationLogoView {
  /** Document-unique ids start with it. */
  id: string;
  t(key: string, options?: TranslateOptions): string;
  errorMessage(error: AuthError | null | undefined): string | null;
  appearance: PartAppearance;
  /** Nothing can be changed while the form is busy (a submit under way). */
  disabled?: boolean;
}

const imageIcon = svg`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><rect x="3" y="3" width="18" height="18" rx="2"/><circle cx="9" cy="9" r="2"/><path d="m21 15-3.1-3.1a2 2 0 0 0-2.8 0L6 21"/></svg>`;

/** The picker: holds the value, renders the field, tells `onChange` when the person changes it. */
export class OrganizationLogo {
  #value: string | null = null;
  #error: AuthError | null = null;
  #reading = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onChange: (value: string | null) => void = () => {},
  ) {}

  /** The logo's data URL, or null. Anything but a PNG, JPEG or WebP data URL is taken as none. */
  get value(): string | null {
    return this.#value;
  }

  set value(value: string | null | undefined) {
    this.#value = isLogoDataUrl(value) ? value : null;
    this.#error = null;
    this.host.requestUpdate();
  }

  /** A file is being read. */
  get busy(): boolean {
    return this.#reading;
  }

  /** Takes `file` as the new logo (or shows why it can't be one); resolves once done. */
  async pick(file: Blob): Promise<void> {
    this.#reading = true;
    this.#error = null;
    this.host.requestUpdate();
    try {
      const image = await readImageFile(file, LOGO_FILE_RULES);
      try {
        this.#value = squareLogo(image);
      } finally {
        image.close();
      }
      this.onChange(this.#value);
    } catch (error) {
      this.#error = toAuthError(error);
    } finally {
      this.#reading = false;
      this.host.requestUpdate();
    }
  }

  remove(): void {
    this.#value = null;
    this.#error = null;
    this.onChange(null);
    this.host.requestUpdate();
  }

  render(view: OrganizationLogoView): TemplateResult {
    const {id, t, appearance} = view;
    const value = this.#value;
    const busy = this.#reading;
    const locked = busy || !!view.disabled;
    const error = view.errorMessage(this.#error);
    const ids = {label: `${id}-label`, hint: `${id}-hint`, error: `${id}-error`, file: `${id}-file`};
    const describedBy = [ids.hint, error ? ids.error : ''].filter(Boolean).join(' ');
    const onFile = (event: Event) => {
      const input = event.target as HTMLInputElement;
      const file = input.files?.[0];
      input.value = '';
      if (file) void this.pick(file);
    };
    const choose = (event: Event) => {
      if (locked) return;
      const field = (event.currentTarget as HTMLElement).closest('.ae-logo');
      field?.querySelector<HTMLInputElement>('input[type="file"]')?.click();
    };
    return html`<div class="ae-field ae-logo" role="group" aria-labelledby=${ids.label} ${part('organization-logo', appearance)}>
      <div class="ae-field-row">
        <span class="ae-label" id=${ids.label} ${part('form-field-label', appearance)}>${t('organizationLogo.label')}</span>
        <span class="ae-optional" ${part('form-field-optional', appearance)}>${t('common.optional')}</span>
      </div>
      <div class="ae-logo-row">
        <span class="ae-logo-preview" ${part('organization-logo-preview', appearance)}>
          ${value ? html`<img src=${value} alt=${t('organizationLogo.preview')} />` : imageIcon}
        </span>
        <div class="ae-logo-actions">
          <input type="file" id=${ids.file} hidden tabindex="-1" accept=${LOGO_FILE_RULES.types.join(',')} @change=${onFile} />
          <button
            type="button"
            class="ae-secondary"
            aria-describedby=${describedBy}
            aria-disabled=${locked ? 'true' : 'false'}
            ${part('organization-logo-button', appearance)}
            @click=${choose}
          >
            ${busy ? html`<span class="ae-spinner" aria-hidden="true"></span>${t('organizationLogo.reading')}` : t(value ? 'organizationLogo.change' : 'organizationLogo.upload')}
          </button>
          ${value && !busy
            ? html`<button type="button" class="ae-link" aria-disabled=${locked ? 'true' : 'false'} ${part('organization-logo-remove', appearance)} @click=${() => !locked && this.remove()}>
                ${t('organizationLogo.remove')}
              </button>`
            : nothing}
        </div>
      </div>
      <p class="ae-hint" id=${ids.hint}>${t('organizationLogo.hint', {size: LOGO_SIZE})}</p>
      ${error ? html`<p class="ae-field-error" id=${ids.error} role="alert" ${part('form-field-error', appearance)}>${error}</p>` : nothing}
    </div>`;
  }
}

/** What the picker adds to the light-DOM form styles (light-styles.ts, same self-defence). */
export const organizationLogoStyles = css`
  @layer auth-base {
  form[data-auth-form] .ae-logo-row {
    display: flex !important;
    flex-wrap: wrap !important;
    align-items: center !important;
    gap: calc(var(--_space) * 0.75) !important;
  }
  form[data-auth-form] .ae-logo-preview {
    display: inline-grid !important;
    place-items: center !important;
    flex: none !important;
    width: 3.5rem !important;
    height: 3.5rem !important;
    overflow: hidden !important;
    border: 1px dashed var(--_border) !important;
    border-radius: var(--_radius) !important;
    background: var(--_muted) !important;
    color: var(--_muted-fg) !important;
  }
  form[data-auth-form] .ae-logo-preview img {
    display: block !important;
    width: 100% !important;
    height: 100% !important;
    object-fit: cover !important;
  }
  form[data-auth-form] .ae-logo-actions {
    display: flex !important;
    flex-wrap: wrap !important;
    align-items: center !important;
    gap: calc(var(--_space) * 0.75) !important;
  }
  form[data-auth-form] .ae-logo-actions .ae-secondary {
    min-height: 2.25rem !important;
    padding: 0.375em 0.875em !important;
    font-size: 0.875em !important;
  }
  }
`;
