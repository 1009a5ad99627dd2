import {html, nothing, svg, type ReactiveControllerHost, type TemplateResult} from 'lit';
import {toAuthError} from '../../client/errors.js';
import type {Passkey} from '../../client/types.js';
import {webAuthnAvailable} from '../../client/webauthn-support.js';
import {announce} from '../../internal/announcer.js';
import {ActionCancelled, RowAction, task, type Task} from '../../internal/async-action.js';
import {restoreFocusIfLost} from '../../internal/focus.js';
import {Loader} from '../../internal/loader.js';
import {absoluteTime, relativeTime} from '../../internal/relative-time.js';
import {rowList, type RowView} from '../../internal/row-list.js';
import {DelayedFlag} from '../../internal/status-views.js';
import {notLoaded, section, sectionAlert, sectionButton, type ProfileContext} from './profile-page.js';
import type {SecuritySection} from './security-section.js';
import {renameForm} from './rename-form.js';

const keyIcon = svg`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><circle cx="8" cy="15" r="4"/><path d="m10.85 12.15 8.65-8.65M18 5l2 2M15 8l2 2"/></svg>`;
const LIST_ID = 'passkeys-list';
const k = (key: string) => `profile.security.passkeys.${key}`;

/** The name shown: the one given, else "Passkey". */
export function passkeyName(context: ProfileContext, passkey: Passkey): string {
  return passkey.name?.trim() || context.t(k('defaultName'));
}

/**
 * Passkeys: the account's passkeys (name, when made, when last used, whether synced), "Add a
 * passkey" (the browser's own prompt; closing it is no error), rename in place (Enter saves,
 * Escape puts it back), remove after a confirmation in the row. Shown where the API has passkeys
 * and the browser WebAuthn.
 */
export class PasskeysSection implements SecuritySection {
  readonly id = 'passkeys';
  readonly #list: Loader<Passkey[]>;
  readonly #busy: DelayedFlag;
  readonly #add: Task;
  /** Renaming or removing one passkey (its id). */
  readonly #change: RowAction;
  /** The passkey whose name is being edited, and what is wrong with the name typed. */
  #renaming: string | null = null;
  #nameProblem: string | null = null;
  /** The passkey asked about before it goes. */
  #confirming: string | null = null;
  #notice: string | null = null;

  constructor(host: ReactiveControllerHost & Element) {
    this.#list = new Loader(host);
    this.#busy = new DelayedFlag(host);
    this.#add = task(host);
    this.#change = new RowAction(host);
  }

  shown(context: ProfileContext): boolean {
    return context.client.capabilities.passkeys && typeof context.client.adapter.listPasskeys === 'function' && webAuthnAvailable();
  }

  reset(): void {
    this.#list.reset();
    this.#add.reset();
    this.#change.reset();
    this.#renaming = null;
    this.#nameProblem = null;
    this.#confirming = null;
    this.#notice = null;
  }

  editor(): typeof nothing {
    return nothing;
  }

  submit(): void {}

  #load(context: ProfileContext) {
    return (signal: AbortSignal) => context.client.account.listPasskeys({signal});
  }

  render(context: ProfileContext): TemplateResult {
    this.#list.ensure(this.#load(context));
    return section({id: this.id, title: context.t(k('title')), context, content: this.#content(context)});
  }

  #content(context: ProfileContext): TemplateResult {
    const {t, appearance} = context;
    const pending = notLoaded(context, this.#list, this.#busy, {loadingLabel: t(k('loading')), onRetry: () => void this.#list.run(this.#load(context), (load) => context.fresh.run(load))});
    if (pending) return pending;
    const value = this.#list.value!;
    const failed = this.#add.error ?? this.#change.error;
    return html`${sectionAlert(context.errorMessage(failed), context)} ${sectionAlert(this.#notice, context, 'success')}
      <p class="section-note" id="passkeys-hint">${t(k('hint'))}</p>
      ${value.length
        ? rowList({id: LIST_ID, labelledBy: `section-${this.id}`, rows: value.map((passkey) => this.#row(context, passkey)), appearance})
        : html`<p class="section-note empty-note">${t(k('empty'))}</p>`}
      <div class="actions">
        ${sectionButton(t(k('add')), () => void this.#addPasskey(context), {
          context,
          busy: this.#add.pending,
          describedBy: 'passkeys-hint',
          name: 'passkeys-add-button',
        })}
      </div>`;
  }

  #row(context: ProfileContext, passkey: Passkey): RowView {
    const {t, language} = context;
    const name = passkeyName(context, passkey);
    const created = html`<time datetime=${passkey.createdAt.toISOString()} title=${absoluteTime(passkey.createdAt, language)}
      >${t(k('created'), {date: new Intl.DateTimeFormat(language, {dateStyle: 'medium'}).format(passkey.createdAt)})}</time
    >`;
    const used = passkey.lastUsedAt
      ? html`<time datetime=${passkey.lastUsedAt.toISOString()} title=${absoluteTime(passkey.lastUsedAt, language)}
          >${t(k('lastUsed'), {time: relativeTime(passkey.lastUsedAt, language)})}</time
        >`
      : t(k('neverUsed'));
    const row: RowView = {key: passkey.id, title: name, leading: keyIcon, badge: passkey.synced ? t(k('synced')) : null, details: [created, used]};
    const busy = this.#change.row === passkey.id;
    if (this.#renaming === passkey.id) {
      row.details = [
        ...row.details!,
        renameForm(context, {
          id: 'passkey-rename',
          label: t(k('nameLabel')),
          initial: passkey.name ?? '',
          busy,
          problem: this.#nameProblem ?? context.errorMessage(this.#change.error),
          onSave: (typed) => void this.#rename(context, passkey, typed),
          onCancel: () => this.#stopRenaming(context, passkey.id),
        }),
      ];
      return row;
    }
    if (this.#confirming === passkey.id) {
      const questionId = 'passkey-remove-question';
      row.details = [...row.details!, html`<span class="confirm-question" id=${questionId}>${t(k('removeQuestion'), {name})}</span>`];
      row.actions = () =>
        html`${sectionButton(t(k('removeConfirm')), () => void this.#remove(context, passkey), {context, variant: 'danger', busy, describedBy: questionId})}
        ${sectionButton(t('common.cancel'), () => this.#stopConfirming(context, passkey.id), {context, describedBy: questionId, name: 'passkey-cancel-button'})}`;
      return row;
    }
    row.actions = (titleId) =>
      html`${sectionButton(t(k('rename')), () => this.#startRenaming(context, passkey.id), {context, describedBy: titleId})}
      ${sectionButton(t(k('remove')), () => this.#startConfirming(context, passkey.id), {context, describedBy: titleId})}`;
    return row;
  }

  #startRenaming(context: ProfileContext, id: string): void {
    this.#settle();
    this.#renaming = id;
    context.host.requestUpdate();
    void context.host.updateComplete.then(() => {
      const input = context.host.shadowRoot?.querySelector<HTMLInputElement>('#passkey-rename-input');
      input?.focus();
      input?.select();
    });
  }

  #stopRenaming(context: ProfileContext, id: string): void {
    this.#renaming = null;
    this.#nameProblem = null;
    this.#change.reset();
    context.host.requestUpdate();
    this.#focusRow(context, id, 0);
  }

  #startConfirming(context: ProfileContext, id: string): void {
    this.#settle();
    this.#confirming = id;
    context.host.requestUpdate();
    void context.host.updateComplete.then(() => context.host.shadowRoot?.querySelector<HTMLElement>('[part~="passkey-cancel-button"]')?.focus());
  }

  #stopConfirming(context: ProfileContext, id: string): void {
    this.#confirming = null;
    context.host.requestUpdate();
    this.#focusRow(context, id, 1);
  }

  /** One thing at a time in the list: a new action ends the last one's rename, question and messages. */
  #settle(): void {
    this.#renaming = null;
    this.#confirming = null;
    this.#nameProblem = null;
    this.#notice = null;
    this.#add.reset();
    this.#change.reset();
  }

  /** Focus on a row's action (0: Rename, 1: Remove), once the row shows its actions again. */
  #focusRow(context: ProfileContext, id: string, action: number): void {
    void context.host.updateComplete.then(() => {
      const index = this.#list.value?.findIndex((passkey) => passkey.id === id) ?? -1;
      const row = context.host.shadowRoot?.querySelectorAll(`#${LIST_ID} > li`)[index];
      row?.querySelectorAll<HTMLElement>('.row-list-actions button')[action]?.focus();
    });
  }

  async #rename(context: ProfileContext, passkey: Passkey, typed: string): Promise<void> {
    const name = typed.trim();
    this.#change.reset();
    this.#nameProblem = name ? null : context.t(k('nameRequired'));
    if (!name) {
      context.host.requestUpdate();
      return;
    }
    if (name === passkey.name) return this.#stopRenaming(context, passkey.id);
    const done = await this.#change.run(passkey.id, async () => {
      const renamed = await context.client.account.renamePasskey(passkey.id, name);
      this.#list.set((this.#list.value ?? []).map((each) => (each.id === renamed.id ? renamed : each)));
    });
    if (!done) return;
    this.#renaming = null;
    this.#say(context, t(context, 'renamed', {name}));
    this.#focusRow(context, passkey.id, 0);
  }

  async #remove(context: ProfileContext, passkey: Passkey): Promise<void> {
    const name = passkeyName(context, passkey);
    const done = await this.#change.run(passkey.id, () => context.fresh.run(() => context.client.account.removePasskey(passkey.id)));
    if (!done) return;
    this.#confirming = null;
    this.#list.set((this.#list.value ?? []).filter((each) => each.id !== passkey.id));
    this.#say(context, t(context, 'removed', {name}));
    await this.#list.run(this.#load(context));
    this.#focusList(context);
  }

  async #addPasskey(context: ProfileContext): Promise<void> {
    this.#settle();
    const done = await this.#add.run(() =>
      context.fresh.run(() =>
        context.client.account.addPasskey().catch((error: unknown) => {
          // The person closed the browser's prompt: nothing to say.
          throw toAuthError(error).code === 'cancelled' ? new ActionCancelled() : error;
        }),
      ),
    );
    if (!done) return;
    this.#say(context, context.t(k('added')));
    await this.#list.run(this.#load(context));
    this.#focusList(context);
  }

  /** The list takes focus once the button pressed is gone (or the add button, with no list left). */
  #focusList(context: ProfileContext): void {
    const root = context.host.shadowRoot;
    void restoreFocusIfLost(() => root?.querySelector<HTMLElement>(`#${LIST_ID}`) ?? root?.querySelector<HTMLElement>('[part~="passkeys-add-button"]'));
  }

  #say(context: ProfileContext, message: string): void {
    this.#notice = message;
    announce(message, context.language);
    context.host.requestUpdate();
  }
}

function t(context: ProfileContext, key: string, options: {name: string}): string {
  return context.t(k(key), options);
}
