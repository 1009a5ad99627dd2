import {html, nothing, svg, type ReactiveControllerHost, type TemplateResult} from 'lit';
import type {SignInMethods} from '../../client/types.js';
import {Loader} from '../../internal/loader.js';
import {DeleteAccountSection} from './delete-account-section.js';
import {DevicesSection} from './devices-section.js';
import {PasskeysSection} from './passkeys-section.js';
import {PasswordSection} from './password-section.js';
import type {BuiltInPage, ProfileContext} from './profile-page.js';
import type {SecuritySection} from './security-section.js';
import {TwoFactorSection} from './two-factor-section.js';

const shieldIcon = svg`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false"><path d="M12 3 4.5 6v5.5c0 4.6 3.2 8.3 7.5 9.5 4.3-1.2 7.5-4.9 7.5-9.5V6L12 3Z"/><path d="m9 12 2 2 4-4"/></svg>`;

/**
 * The Security page: its sections in order — password, two-step verification, passkeys, active
 * devices, delete account — each a SecuritySection, shown where the API (and the browser) has it.
 */
export class SecurityPage implements BuiltInPage {
  readonly path = 'security';
  readonly icon = shieldIcon;
  readonly #sections: SecuritySection[];
  /** How the account signs in: the password section offers "change" or "set", delete asks for it or not. */
  readonly #methods: Loader<SignInMethods>;

  constructor(host: ReactiveControllerHost & Element) {
    this.#methods = new Loader<SignInMethods>(host);
    const devices = new DevicesSection(host);
    this.#sections = [
      // A new password may have signed the other devices out.
      new PasswordSection(host, this.#methods, (latest) => devices.reload(latest)),
      new TwoFactorSection(host, this.#methods),
      new PasskeysSection(host),
      devices,
      new DeleteAccountSection(host, this.#methods),
    ];
  }

  title(context: ProfileContext): string {
    return context.t('profile.security.title');
  }

  subtitle(context: ProfileContext): string {
    return context.t('profile.security.subtitle');
  }

  #shown(context: ProfileContext): SecuritySection[] {
    return this.#sections.filter((entry) => entry.shown(context));
  }

  render(context: ProfileContext): TemplateResult {
    return html`${this.#shown(context).map((entry) => entry.render(context))}`;
  }

  editor(context: ProfileContext, id: string): TemplateResult | typeof nothing {
    return this.#shown(context).find((entry) => entry.id === id)?.editor(context) ?? nothing;
  }

  submit(context: ProfileContext, id: string, data: FormData): void {
    this.#shown(context).find((entry) => entry.id === id)?.submit(context, data);
  }

  reset(): void {
    this.#methods.reset();
    this.#sections.forEach((entry) => entry.reset());
  }
}
