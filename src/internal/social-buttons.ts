import {css, html, nothing, type SVGTemplateResult, type TemplateResult} from 'lit';
import {part, type PartAppearance} from '../appearance/part.js';
import {providerName} from './provider-name.js';

export interface SocialButtonsOptions {
  /** Provider ids, in the order to show them (`capabilities.socialProviders`). */
  providers: readonly string[];
  /** Display names the API gives for providers whose id does not say it (`capabilities.socialProviderNames`). */
  names?: Readonly<Record<string, string>>;
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

/**
 * The social buttons' light-DOM styles (with the forms' rules of self-defence, light-styles.ts):
 * the group, the buttons' neutral look, the initials that stand in for icons, the "or" divider.
 * They load with this module, so a page without social providers does not carry them.
 */
export const socialStyles = css`
  @layer auth-base {
  form[data-auth-form] .ae-social {
    display: grid !important;
    gap: calc(var(--_space) * 0.5) !important;
    margin: 0 !important;
  }
  form[data-auth-form] .ae-social[data-variant='icon'] {
    display: flex !important;
    flex-wrap: wrap !important;
    justify-content: center !important;
  }
  /* The social buttons: the primary button's shape, in neutral colours. */
  form[data-auth-form] .ae-social-button {
    gap: 0.625em !important;
    border-color: var(--_border) !important;
    background: var(--_bg) !important;
    color: var(--_fg) !important;
    box-shadow: none !important;
  }
  form[data-auth-form] .ae-social[data-variant='icon'] .ae-social-button {
    flex: none !important;
    width: 2.75rem !important;
    height: 2.75rem !important;
    padding: 0 !important;
  }
  form[data-auth-form] .ae-social-button:hover {
    background: var(--_muted) !important;
  }
  form[data-auth-form] .ae-social-button svg {
    flex: none !important;
    fill: currentColor !important;
    stroke: none !important;
  }
  form[data-auth-form] .ae-social-initial {
    display: inline-flex !important;
    flex: none !important;
    align-items: center !important;
    justify-content: center !important;
    width: calc(1.25em / 0.75) !important;
    height: calc(1.25em / 0.75) !important;
    border-radius: 50% !important;
    background: var(--_fg) !important;
    color: var(--_bg) !important;
    font-size: 0.75em !important;
    font-weight: 600 !important;
    line-height: 1 !important;
  }
  form[data-auth-form] .ae-divider {
    display: flex !important;
    align-items: center !important;
    gap: calc(var(--_space) * 0.75) !important;
    margin: 0 !important;
    color: var(--_muted-fg) !important;
    font-family: var(--_font) !important;
    font-size: 0.8125em !important;
    line-height: 1.4 !important;
  }
  form[data-auth-form] .ae-divider::before,
  form[data-auth-form] .ae-divider::after {
    all: revert !important;
    content: '' !important;
    flex: 1 1 0 !important;
    border-block-start: 1px solid var(--_border-subtle) !important;
  }
  }
`;

export {providerName};

/**
 * The social sign-in buttons and the "or" divider between them and the email form, in the
 * order for `placement`, for the light-DOM form (styles in light-styles.ts).
 */
export function socialButtons(options: SocialButtonsOptions): TemplateResult | typeof nothing {
  const {providers, pending, label, icons, appearance, names} = options;
  if (!providers.length) return nothing;
  const iconOnly = options.variant === 'iconButton' || (options.variant === 'auto' && providers.length >= 3);
  const group = html`<div
    class="ae-social"
    ${part('social-buttons', appearance)}
    role="group"
    aria-label=${label(providers.map((id) => providerName(id, names)).join(', '))}
    data-variant=${iconOnly ? 'icon' : 'block'}
  >
    ${providers.map((id) => {
      const name = providerName(id, names);
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
