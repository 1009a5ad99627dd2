/**
 * The kit's one list of things with their actions (the devices signed in to an account; an
 * organization's members and invitations next): a `<ul>` of rows, each with an icon or avatar,
 * a title and its badge, lines of detail, and actions at the end (buttons, or a menu). Each
 * row's title has an id, so an action can be described by it ("Sign out of device", Chrome on
 * macOS) and a screen reader says which row it acts on. The list itself takes focus
 * (`tabindex="-1"`), for when the row that held it goes away.
 *
 * Render it in a shadow root whose styles include `rowListStyles`.
 */
import {css, html, nothing, type TemplateResult} from 'lit';
import {repeat} from 'lit/directives/repeat.js';
import {part, type PartAppearance} from '../appearance/part.js';

export interface RowView {
  /** Stable across reloads (the row's id in the API): rows keep their DOM, and focus, by it. */
  key: string;
  title: string;
  /** Before the title: an icon (decorative, `aria-hidden`) or an avatar. */
  leading?: TemplateResult | typeof nothing;
  /** A short label after the title ("This device", "Admin"). */
  badge?: string | null;
  /** Lines under the title, in order; empty ones are left out. */
  details?: Array<TemplateResult | string | null | undefined>;
  /** The row's actions; `titleId` describes them. */
  actions?: (titleId: string) => TemplateResult | typeof nothing;
}

export interface RowListView {
  /** Unique in its shadow root: the list's id, and the start of each row title's id. */
  id: string;
  /** The id of the heading that names the list. */
  labelledBy: string;
  rows: RowView[];
  appearance: PartAppearance;
}

export function rowList({id, labelledBy, rows, appearance}: RowListView): TemplateResult {
  return html`<ul class="row-list" id=${id} tabindex="-1" aria-labelledby=${labelledBy} ${part('row-list', appearance)}>
    ${repeat(
      rows,
      (row) => row.key,
      (row, index) => {
        const titleId = `${id}-row-${index}`;
        const details = (row.details ?? []).filter((detail) => detail !== null && detail !== undefined && detail !== '');
        const actions = row.actions?.(titleId) ?? nothing;
        return html`<li class="row-list-item" ${part('row-list-item', appearance)}>
          ${row.leading ? html`<span class="row-list-leading" ${part('row-list-leading', appearance)}>${row.leading}</span>` : nothing}
          <div class="row-list-main">
            <span class="row-list-title" id=${titleId} ${part('row-list-title', appearance)}
              >${row.title}${row.badge
                ? html` <span class="row-list-badge" ${part('row-list-badge', appearance)}>${row.badge}</span>`
                : nothing}</span
            >
            ${details.map((detail) => html`<span class="row-list-detail" ${part('row-list-detail', appearance)}>${detail}</span>`)}
          </div>
          ${actions === nothing ? nothing : html`<div class="row-list-actions" ${part('row-list-actions', appearance)}>${actions}</div>`}
        </li>`;
      },
    )}
  </ul>`;
}

export const rowListStyles = css`
  .row-list {
    display: grid;
    margin: 0;
    padding: 0;
    list-style: none;
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
  }
  .row-list:focus-visible {
    outline: var(--_focus-outline);
    outline-offset: 2px;
  }
  .row-list-item {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
    min-width: 0;
    padding: calc(var(--_space) * 0.75);
  }
  .row-list-item + .row-list-item {
    border-block-start: 1px solid var(--_border-subtle);
  }
  .row-list-leading {
    display: inline-flex;
    flex: none;
    align-items: center;
    justify-content: center;
    width: 2.25rem;
    height: 2.25rem;
    border-radius: var(--_radius);
    background: var(--_muted);
    color: var(--_muted-fg);
  }
  .row-list-leading svg {
    width: 1.25rem;
    height: 1.25rem;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.75;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .row-list-main {
    display: grid;
    flex: 1 1 8rem;
    min-width: 0;
    gap: calc(var(--_space) * 0.125);
  }
  .row-list-title {
    font-size: 0.875em;
    font-weight: var(--_font-weight);
    overflow-wrap: anywhere;
  }
  .row-list-badge {
    display: inline-block;
    padding: 0.0625em 0.5em;
    border: 1px solid var(--_border-subtle);
    border-radius: 999px;
    background: var(--_muted);
    color: var(--_fg);
    font-size: 0.8125em;
    font-weight: var(--_font-weight);
    white-space: nowrap;
    vertical-align: 0.0625em;
  }
  .row-list-detail {
    color: var(--_muted-fg);
    font-size: 0.8125em;
    overflow-wrap: anywhere;
  }
  .row-list-actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
    margin-inline-start: auto;
  }
`;
