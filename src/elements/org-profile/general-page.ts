import {html, nothing, svg, type ReactiveControllerHost, type TemplateResult} from 'lit';
import {isValidSlug} from '../../client/slug.js';
import {announce} from '../../internal/announcer.js';
import {task, type Task} from '../../internal/async-action.js';
import {organizationAvatar} from '../../internal/avatar.js';
import {textField} from '../../internal/fields.js';
import {OrganizationLogo} from '../../internal/organization-logo.js';
import {editorActions, section, sectionAlert, sectionButton} from '../user-profile/profile-page.js';
import {fieldError, formError} from '../user-profile/security-section.js';
import {ExitSections} from './exit-sections.js';
import {runChange, type OrgContext, type OrgPage} from './org-page.js';

const buildingIcon = svg`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false"><rect x="4" y="3" width="16" height="18" rx="2"/><path d="M9 7h2M13 7h2M9 11h2M13 11h2M10 21v-4h4v4"/></svg>`;

const SLUG_CODES = ['slug_taken', 'invalid_slug'];

/**
 * The General page: the organization's logo, name and slug (edited by those with
 * `organization:update`; read-only for everyone else), then leaving it and, with
 * `organization:delete`, deleting it (exit-sections.ts).
 */
export class GeneralPage implements OrgPage {
  readonly path = 'general';
  readonly icon = buildingIcon;

  readonly #save: Task;
  readonly #exit: ExitSections;
  /** The logo picker of the open editor; what it holds is saved only once the person changed it. */
  readonly #logo: OrganizationLogo;
  #logoChanged = false;
  /** Client-side problems with what was typed, by field. */
  #problem: {field: 'name' | 'slug'; message: string} | null = null;
  #notice: string | null = null;

  constructor(host: ReactiveControllerHost) {
    this.#save = task(host);
    this.#exit = new ExitSections(host);
    this.#logo = new OrganizationLogo(host, () => {
      this.#logoChanged = true;
      this.#save.reset();
    });
  }

  title(context: OrgContext): string {
    return context.t('orgProfile.general.title');
  }

  subtitle(context: OrgContext): string {
    return context.t('orgProfile.general.subtitle');
  }

  reset(): void {
    this.#save.reset();
    this.#problem = null;
    this.#notice = null;
    this.#exit.reset();
  }

  render(context: OrgContext): TemplateResult {
    const {t, organization, appearance} = context;
    const open = () => {
      this.#save.reset();
      this.#problem = null;
      this.#notice = null;
      // A logo the picker cannot hold (an http one from the API) shows as none, and stays unless replaced.
      this.#logo.value = organization.logoUrl;
      this.#logoChanged = false;
      context.edit('details');
    };
    const content = html`<div class="row">
      ${organizationAvatar(organization, appearance)}
      <div class="row-main">
        <span class="row-title">${organization.name}</span>
        <span class="row-detail">${t('orgProfile.general.slugShown', {slug: organization.slug})}</span>
      </div>
      ${context.can('organization:update') ? sectionButton(t('orgProfile.general.edit'), open, {context}) : nothing}
    </div>`;
    return html`${sectionAlert(this.#notice, context, 'success')}
      ${section({id: 'details', title: t('orgProfile.general.details'), context, content})} ${this.#exit.render(context)}`;
  }

  editor(context: OrgContext, id: string): TemplateResult | typeof nothing {
    if (id === 'details' && context.can('organization:update')) return this.#detailsEditor(context);
    return this.#exit.editor(context, id);
  }

  submit(context: OrgContext, id: string, data: FormData): void {
    if (id === 'details') void this.#saveDetails(context, data);
    else this.#exit.submit(context, id, data);
  }

  #error(context: OrgContext, field: 'name' | 'slug', codes: readonly string[]): string | undefined {
    if (this.#problem?.field === field) return this.#problem.message;
    return fieldError(context, this.#save.error, codes);
  }

  #detailsEditor(context: OrgContext): TemplateResult {
    const {t, form, organization, appearance} = context;
    const hint = form.nodeId('slug-hint');
    const logo = this.#logo.render({id: form.nodeId('org-logo'), t, errorMessage: context.errorMessage, appearance, disabled: this.#save.pending});
    return html`${formError(context, this.#save.error, SLUG_CODES)}
      ${textField({
        id: form.nodeId('org-name'),
        name: 'name',
        label: t('orgProfile.general.nameLabel'),
        autocomplete: 'organization',
        value: organization.name,
        error: this.#error(context, 'name', []),
        appearance,
      })}
      ${textField({
        id: form.nodeId('org-slug'),
        name: 'slug',
        label: t('orgProfile.general.slugLabel'),
        autocomplete: 'off',
        value: organization.slug,
        describedBy: hint,
        error: this.#error(context, 'slug', SLUG_CODES),
        appearance,
      })}
      <p class="ae-hint" id=${hint}>${t('orgProfile.general.slugHint')}</p>
      ${logo}
      ${editorActions(context, {label: t('common.save'), busy: this.#save.pending, busyLabel: t('busy.saving')})}`;
  }

  async #saveDetails(context: OrgContext, data: FormData): Promise<void> {
    if (this.#save.pending || this.#logo.busy) return;
    const {t, organization} = context;
    const name = String(data.get('name') ?? '').trim();
    const slug = String(data.get('slug') ?? '').trim();
    this.#problem = !name
      ? {field: 'name', message: t('orgProfile.general.nameRequired')}
      : !isValidSlug(slug)
        ? {field: 'slug', message: t('errors.invalid_slug')}
        : null;
    if (this.#problem) {
      context.host.requestUpdate();
      this.#focus(context, this.#problem.field);
      return;
    }
    const logoUrl = this.#logo.value;
    const changes = {
      ...(name !== organization.name && {name}),
      ...(slug !== organization.slug && {slug}),
      ...(this.#logoChanged && logoUrl !== organization.logoUrl && {logoUrl}),
    };
    const saved = !Object.keys(changes).length || (await runChange(context, this.#save, () => context.client.organizations.updateOrganization(organization.id, changes)));
    if (!saved) {
      if (this.#save.error && SLUG_CODES.includes(this.#save.error.code)) this.#focus(context, 'slug');
      return;
    }
    this.#notice = t('orgProfile.general.saved');
    announce(this.#notice, context.language);
    context.edit(null);
  }

  #focus(context: OrgContext, field: string): void {
    void context.host.updateComplete.then(() => context.form.form.querySelector<HTMLInputElement>(`input[name="${field}"]`)?.focus());
  }
}
