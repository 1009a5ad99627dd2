/**
 * Tabs inside one element (the organization profile's Members and Invitations): a real
 * tablist — one tab in the Tab order (the selected one), arrow keys move and select (reversed
 * right to left), Home and End go to the ends — and the selected tab's panel, labelled by it.
 */
import {css, html, type TemplateResult} from 'lit';
import {part, type PartAppearance} from '../appearance/part.js';

export interface TabsView {
  /** Unique in its shadow root: the start of each tab's and panel's id. */
  id: string;
  /** The tablist's name. */
  label: string;
  tabs: ReadonlyArray<{key: string; label: string}>;
  selected: string;
  onSelect(key: string): void;
  appearance: PartAppearance;
}

const tabId = (id: string, key: string) => `${id}-tab-${key}`;
const panelId = (id: string, key: string) => `${id}-panel-${key}`;

function onKeyDown(view: TabsView, event: KeyboardEvent): void {
  const keys = view.tabs.map((tab) => tab.key);
  const at = keys.indexOf(view.selected);
  const rtl = getComputedStyle(event.currentTarget as Element).direction === 'rtl';
  const step = {ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1}[event.key];
  let next: number | undefined;
  if (step) next = (at + step + keys.length) % keys.length;
  else if (event.key === 'Home') next = 0;
  else if (event.key === 'End') next = keys.length - 1;
  if (next === undefined) return;
  event.preventDefault();
  const list = event.currentTarget as HTMLElement;
  view.onSelect(keys[next]!);
  const key = keys[next]!;
  void Promise.resolve().then(() => (list.getRootNode() as ShadowRoot).getElementById(tabId(view.id, key))?.focus());
}

/** The tablist. */
export function tabList(view: TabsView): TemplateResult {
  return html`<div class="tabs" role="tablist" aria-label=${view.label} ${part('tabs', view.appearance)} @keydown=${(event: KeyboardEvent) => onKeyDown(view, event)}>
    ${view.tabs.map((tab) => {
      const selected = tab.key === view.selected;
      return html`<button
        type="button"
        class="tab"
        role="tab"
        id=${tabId(view.id, tab.key)}
        aria-selected=${selected ? 'true' : 'false'}
        aria-controls=${panelId(view.id, tab.key)}
        tabindex=${selected ? 0 : -1}
        ${part('tab', view.appearance)}
        @click=${() => view.onSelect(tab.key)}
      >
        ${tab.label}
      </button>`;
    })}
  </div>`;
}

/** The selected tab's panel (only it is rendered), labelled by its tab. */
export function tabPanel(view: Pick<TabsView, 'id' | 'selected' | 'appearance'>, content: TemplateResult): TemplateResult {
  return html`<div class="tab-panel" role="tabpanel" id=${panelId(view.id, view.selected)} aria-labelledby=${tabId(view.id, view.selected)} tabindex="0" ${part('tab-panel', view.appearance)}>
    ${content}
  </div>`;
}

export const tabStyles = css`
  .tabs {
    display: flex;
    gap: calc(var(--_space) * 0.25);
    border-block-end: 1px solid var(--_border-subtle);
    overflow-x: auto;
  }
  .tab {
    margin: 0 0 -1px;
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 0.75);
    border: 0;
    border-block-end: 2px solid transparent;
    background: none;
    color: var(--_muted-fg);
    font: inherit;
    font-size: 0.875em;
    font-weight: var(--_font-weight);
    white-space: nowrap;
    cursor: pointer;
  }
  .tab:hover {
    color: var(--_fg);
  }
  .tab[aria-selected='true'] {
    border-block-end-color: var(--_primary);
    color: var(--_fg);
  }
  .tab:focus-visible,
  .tab-panel:focus-visible {
    outline: var(--_focus-outline);
    outline-offset: 2px;
  }
  .tab-panel {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    padding-block-start: calc(var(--_space) * 1);
  }
`;
