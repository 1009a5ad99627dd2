import {css, html, nothing, type TemplateResult} from 'lit';
import {part, type PartAppearance} from '../appearance/part.js';
import {safeLinkUrl} from '../client/redirect.js';

/**
 * The card's look. Inside a dialog that is the card's panel (`<auth-dialog hide-heading>`, the
 * provider's modal), the dialog sets the private `--_card-border`, `--_card-shadow` and
 * `--_card-header-inset` (room for its close button), which the card inherits through the slot.
 */
export const cardStyles = css`
  :host {
    display: block;
    width: 100%;
    max-width: var(--auth-card-max-width, 25rem);
  }
  .card {
    display: grid;
    /* One column that never grows past the card: long names, emails and titles wrap instead. */
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_space) * 1.5);
    /* Narrower on a narrow screen (or container), so zoomed text keeps room to reflow. */
    padding: min(calc(var(--_space) * 2), max(var(--_space), 8cqi));
    overflow-wrap: anywhere;
    border: var(--_card-border, 1px solid var(--_border-subtle));
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--_bg);
    color: var(--_fg);
    box-shadow: var(--_card-shadow, 0 10px 30px -12px var(--_shadow), 0 2px 6px -2px var(--_shadow));
  }
  .header {
    display: grid;
    padding-inline: var(--_card-header-inset, 0);
    gap: calc(var(--_space) * 0.25);
    text-align: center;
  }
  /* Focused by the element itself when a step completes (tabindex="-1"). */
  h1:focus-visible {
    outline: var(--_focus-outline);
    outline-offset: 2px;
    border-radius: 2px;
  }
  h1 {
    margin: 0;
    font-size: 1.25em;
    font-weight: 650;
    line-height: 1.3;
  }
  .subtitle {
    margin: 0;
    color: var(--_muted-fg);
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }
  .logo {
    display: block;
    max-height: 3rem;
    max-width: min(12rem, 100%);
    margin-inline: auto;
    margin-block-end: calc(var(--_space) * 0.5);
    object-fit: contain;
  }
  .logo-outside {
    margin-block-end: calc(var(--_space) * 1.25);
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: calc(var(--_space) * 1);
    padding-block-start: calc(var(--_space) * 1);
    border-block-start: 1px solid var(--_border-subtle);
    font-size: 0.8125em;
  }
  .links a {
    color: var(--_muted-fg);
    font-weight: 400;
  }
  .footer {
    margin: 0;
    color: var(--_muted-fg);
    font-size: 0.875em;
    text-align: center;
  }
  a,
  .link-button {
    color: var(--_primary);
    font-weight: var(--_font-weight);
    text-decoration: none;
    border-radius: 2px;
  }
  /* A footer link with nowhere to go but an event (the modal switches cards in place). */
  .link-button {
    display: inline;
    margin: 0;
    padding: 0;
    border: 0;
    background: none;
    font-family: inherit;
    font-size: inherit;
    line-height: inherit;
    cursor: pointer;
  }
  a:hover,
  .link-button:hover {
    text-decoration: underline;
  }
  a:focus-visible,
  .link-button:focus-visible {
    outline: var(--_focus-outline);
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    a,
    .link-button {
      text-decoration: underline;
    }
  }
`;

export interface CardLink {
  href: string;
  label: string;
}

export interface CardContent {
  title: string;
  subtitle?: string;
  /** Shadow-DOM content under the header, before the slotted form (a list, such as `<auth-org-list>`'s). */
  body?: TemplateResult | typeof nothing;
  footer?: TemplateResult | typeof nothing;
  /** The product's logo, inside the header or above the card. */
  logo?: {src: string; alt: string; placement: 'inside' | 'outside'};
  /** Terms, privacy and help links under the card's footer. */
  links?: {label: string; items: CardLink[]};
  appearance: PartAppearance;
}

/** Terms, privacy and help, for the options that name a page (http or https only). */
export function legalLinks(
  options: {termsPageUrl?: string; privacyPageUrl?: string; helpPageUrl?: string},
  t: (key: string) => string,
): {label: string; items: CardLink[]} {
  const pages = [
    [options.termsPageUrl, 'links.terms'],
    [options.privacyPageUrl, 'links.privacy'],
    [options.helpPageUrl, 'links.help'],
  ] as const;
  const items = pages.flatMap(([url, label]) => {
    const href = safeLinkUrl(url);
    return href ? [{href, label: t(label)}] : [];
  });
  return {label: t('links.label'), items};
}

/**
 * The footer's way to the other card ("Don't have an account? Sign up"): a link to `href`, or,
 * without one, a button that only runs `onClick` (which fires the switch request).
 */
export function footerAction(options: {
  prompt: string;
  label: string;
  href: string | undefined;
  onClick: (event: MouseEvent) => void;
  appearance: PartAppearance;
}): TemplateResult {
  const {prompt, label, href, onClick, appearance} = options;
  return href
    ? html`${prompt} <a href=${href} ${part('footer-action-link', appearance)} @click=${onClick}>${label}</a>`
    : html`${prompt} <button type="button" class="link-button" ${part('footer-action-link', appearance)} @click=${onClick}>${label}</button>`;
}

/** The card every flow element shows: logo, header, the slotted light-DOM form, footer, links. */
export function card(content: CardContent): TemplateResult {
  const {appearance, logo, links} = content;
  const logoImage = logo ? html`<img class="logo" src=${logo.src} alt=${logo.alt} ${part('logo', appearance)} />` : nothing;
  return html`${logo?.placement === 'outside' ? html`<div class="logo-outside">${logoImage}</div>` : nothing}
    <section class="card" ${part('card', appearance)} aria-labelledby="title">
      <header class="header" ${part('header', appearance)}>
        ${logo?.placement === 'inside' ? logoImage : nothing}
        <h1 id="title" tabindex="-1" ${part('header-title', appearance)}>${content.title}</h1>
        ${content.subtitle ? html`<p class="subtitle" ${part('header-subtitle', appearance)}>${content.subtitle}</p>` : nothing}
      </header>
      ${content.body ?? nothing}
      <slot name="form"></slot>
      ${content.footer && content.footer !== nothing ? html`<p class="footer" ${part('footer', appearance)}>${content.footer}</p>` : nothing}
      ${links?.items.length
        ? html`<nav class="links" aria-label=${links.label} ${part('footer-links', appearance)}>
            ${links.items.map((link) => html`<a href=${link.href} ${part('footer-link', appearance)}>${link.label}</a>`)}
          </nav>`
        : nothing}
    </section>`;
}
