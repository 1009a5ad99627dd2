/**
 * Sensitive actions (change the email, delete the account, sign devices out…) that the API
 * refuses on an old session (`session_not_fresh`, better-auth's `freshAge`): ask for the
 * password in a dialog, make the session fresh, then run the same action again — the person
 * continues where they were, with what they typed. Closing the dialog ends the action quietly.
 */
import {html, nothing, type ReactiveControllerHost, type TemplateResult} from 'lit';
import type {Appearance, MergedAppearance} from '../appearance/appearance.js';
import type {AuthClient} from '../client/auth-client.js';
import {AuthError, toAuthError} from '../client/errors.js';
import type {TranslateOptions} from '../i18n/translate.js';
import {ActionCancelled} from './async-action.js';
import {alert, currentPasswordField, primaryButton} from './fields.js';
import {lightEditorStyles} from './light-editor-styles.js';
import {LightForm} from './light-form.js';

/** What the controller needs from its element. */
export interface FreshSessionHost extends ReactiveControllerHost, HTMLElement {
  readonly formOwner: string;
  freshSessionContext(): {
    client: AuthClient | undefined;
    appearance: MergedAppearance;
    /** The element's own `appearance` (over the provider's), handed on to the dialog. */
    ownAppearance: Appearance | undefined;
    t(key: string, options?: TranslateOptions): string;
    errorMessage(error: AuthError | null): string | null;
  };
}

interface Waiting {
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class FreshSession {
  /** The password dialog's form: its own light-DOM form, so the form the action came from keeps what was typed. */
  readonly #form: LightForm;
  #waiting: Waiting | null = null;
  #pending = false;
  #error: AuthError | null = null;
  #visible = false;

  constructor(private readonly host: FreshSessionHost) {
    this.#form = new LightForm(host, {
      owner: host.formOwner,
      slot: 'reauth-form',
      styles: [lightEditorStyles],
      content: () => this.#content(),
      onSubmit: (data) => void this.#submit(String(data.get('password') ?? '')),
      busy: () => this.#pending,
    });
  }

  /** Whether the password dialog is open. */
  get asking(): boolean {
    return this.#waiting !== null;
  }

  /**
   * Runs `action`; when the API wants a fresh session first, asks for the password and runs it
   * once more. Rejects with `ActionCancelled` when the person closes the dialog.
   */
  async run<T>(action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      if (toAuthError(error).code !== 'session_not_fresh') throw error;
      await this.#ask();
      return action();
    }
  }

  #ask(): Promise<void> {
    this.#error = null;
    this.#visible = false;
    const asked = new Promise<void>((resolve, reject) => {
      this.#waiting = {resolve, reject};
      this.host.requestUpdate();
    });
    // The dialog opens on the next update; the password field, not the close button, takes focus.
    void this.host.updateComplete.then(() =>
      requestAnimationFrame(() => this.#form.form.querySelector<HTMLInputElement>('input[autocomplete="current-password"]')?.focus()),
    );
    return asked;
  }

  async #submit(password: string): Promise<void> {
    const {client} = this.host.freshSessionContext();
    if (!client || !this.#waiting) return;
    if (!password) {
      this.#error = new AuthError('wrong_password');
      this.host.requestUpdate();
      return;
    }
    this.#pending = true;
    this.#error = null;
    this.host.requestUpdate();
    try {
      await client.account.reauthenticate(password);
      const waiting = this.#waiting;
      this.#waiting = null;
      this.#form.form.reset();
      waiting?.resolve();
    } catch (error) {
      this.#error = toAuthError(error);
    } finally {
      this.#pending = false;
      this.host.requestUpdate();
    }
  }

  /** Closing the dialog (Escape, its close button) ends the action without an error. */
  #cancel = (): void => {
    const waiting = this.#waiting;
    if (!waiting) return;
    this.#waiting = null;
    this.#error = null;
    this.#form.form.reset();
    this.host.requestUpdate();
    waiting.reject(new ActionCancelled());
  };

  /** The dialog, for the host's shadow root (it holds the slot the password form goes into). */
  render(): TemplateResult {
    const {t, ownAppearance} = this.host.freshSessionContext();
    return html`<auth-dialog
      class="reauth-dialog"
      .open=${this.asking}
      .appearance=${ownAppearance}
      label=${t('reauth.title')}
      @auth-dialog-closed=${this.#cancel}
    >
      <slot name="reauth-form"></slot>
    </auth-dialog>`;
  }

  #content(): TemplateResult | typeof nothing {
    if (!this.asking) return nothing;
    const {client, appearance, t, errorMessage} = this.host.freshSessionContext();
    const email = client?.user?.email ?? '';
    const id = this.#form.nodeId('password');
    return html`<p class="ae-hint" id=${`${id}-hint`}>${t('reauth.subtitle')}</p>
      ${alert(this.#error && this.#error.code !== 'wrong_password' ? errorMessage(this.#error) : null, appearance)}
      ${currentPasswordField({
        email,
        id,
        label: t('common.passwordLabel'),
        describedBy: `${id}-hint`,
        error: this.#error?.code === 'wrong_password' ? (errorMessage(this.#error) ?? undefined) : undefined,
        visible: this.#visible,
        toggleLabel: t('common.showPassword'),
        onToggle: () => {
          this.#visible = !this.#visible;
          this.host.requestUpdate();
        },
        appearance,
      })}
      ${primaryButton(t('common.continue'), this.#pending, t('busy.reauthenticate'), appearance)}`;
  }
}
