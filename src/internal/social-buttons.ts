import {html, nothing, type SVGTemplateResult, type TemplateResult} from 'lit';
import {part, type PartAppearance} from '../appearance/part.js';

export interface SocialButtonsOptions {
  /** Provider ids, in the order to show them (`capabilities.socialProviders`). */
  providers: readonly string[];
  /** `blockButton`: icon and text; `iconButton`: icon only; `auto`: icons from 3 providers on. */
  variant: 'blockButton' | 'iconButton' | 'auto';
  /** While a request is under way the buttons stay focusable, say so, and ignore clicks. */
  pending: boolean;
  /** The button's text or accessible name, from the provider's display name ("Continue with GitHub"). */
  label: (providerName: string) => string;
  /** The divider's text ("or"). */
  dividerLabel: string;
  /** Where the buttons sit relative to the email form; the divider goes between them. */
  placement: 'top' | 'bottom';
  onSelect: (provider: string) => void;
  /** The icons by provider id, or null while they load (each provider's initial shows instead). */
  icons: Readonly<Record<string, SVGTemplateResult>> | null;
  appearance: PartAppearance;
}

const NAMES: Record<string, string> = {
  github: 'GitHub',
  gitlab: 'GitLab',
  linkedin: 'LinkedIn',
  twitter: 'X',
};

/** The name a provider goes by: `github` → GitHub, `twitter` → X, else the id capitalised. */
export function providerName(id: string): string {
  return NAMES[id] ?? id.charAt(0).toUpperCase() + id.slice(1);
}

/**
 * The social sign-in buttons and the "or" divider between them and the email form, in the
 * order for `placement`, for the light-DOM form (styles in light-styles.ts).
 */
export function socialButtons(options: SocialButtonsOptions): TemplateResult | typeof nothing {
  const {providers, pending, label, icons, appearance} = options;
  if (!providers.length) return nothing;
  const iconOnly = options.variant === 'iconButton' || (options.variant === 'auto' && providers.length >= 3);
  const group = html`<div
    class="ae-social"
    ${part('social-buttons', appearance)}
    role="group"
    aria-label=${label(providers.map(providerName).join(', '))}
    data-variant=${iconOnly ? 'icon' : 'block'}
  >
    ${providers.map((id) => {
      const name = providerName(id);
      const text = label(name);
      const icon = icons?.[id] ?? html`<span class="ae-social-initial" aria-hidden="true">${name.charAt(0)}</span>`;
      return html`<button
        type="button"
        class="ae-social-button"
        ${part('social-button', appearance)}
        data-provider=${id}
        aria-label=${iconOnly ? text : nothing}
        title=${iconOnly ? text : nothing}
        aria-disabled=${pending ? 'true' : 'false'}
        @click=${() => pending || options.onSelect(id)}
      >
        ${icon}${iconOnly ? nothing : html`<span>${text}</span>`}
      </button>`;
    })}
  </div>`;
  const divider = html`<div class="ae-divider" ${part('divider', appearance)}><span>${options.dividerLabel}</span></div>`;
  return options.placement === 'top' ? html`${group}${divider}` : html`${divider}${group}`;
}
