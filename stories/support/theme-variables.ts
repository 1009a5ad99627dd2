import {css, html, LitElement, nothing, type PropertyValues} from 'lit';
import {state} from 'lit/decorators.js';
import {APPEARANCE_VARIABLES, variableToProperty, type AppearanceVariable} from '../../src/appearance/appearance.js';
import {THEMES} from '../../src/appearance/theme-presets.js';
import {themeSheet, type ThemeName} from '../../src/appearance/themes.js';
import {tokens} from '../../src/appearance/tokens.js';
import {THEME_NAMES} from './themes.js';

/**
 * The private alias each element reads a variable through (`colorPrimary` → `--_primary`),
 * taken from the kit's token sheet, so this table always shows what elements really use.
 */
function aliases(): Partial<Record<AppearanceVariable, string>> {
  const text = tokens.cssText;
  return Object.fromEntries(
    APPEARANCE_VARIABLES.flatMap((name) => {
      const property = variableToProperty(name).replace(/[-]/g, '\\-');
      const match = new RegExp(`(--_[a-z-]+)\\s*:\\s*var\\(\\s*${property}\\s*[,)]`).exec(text);
      return match ? [[name, match[1]]] : [];
    }),
  );
}

const isColor = (name: AppearanceVariable) => name.startsWith('color');

/** `rgb(…)`, `rgba(…)` or `color(srgb …)` as `#rrggbb`, with the opacity after it when translucent (`#0f172a 12%`). */
export function readableColor(value: string): string {
  const rgb = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+))?\s*\)$/.exec(value);
  const srgb = /^color\(srgb\s+([-\d.e]+)\s+([-\d.e]+)\s+([-\d.e]+)(?:\s*\/\s*([\d.]+))?\s*\)$/.exec(value);
  const channels = rgb ? rgb.slice(1, 4).map(Number) : srgb ? srgb.slice(1, 4).map((part) => Number(part) * 255) : null;
  if (!channels) return value;
  const alpha = Number((rgb ?? srgb)![4] ?? 1);
  if (alpha === 0) return 'transparent';
  const bytes = channels.map((channel) => Math.max(0, Math.min(255, Math.round(channel))));
  const hex = `#${bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
  return alpha < 1 ? `${hex} ${Math.round(alpha * 100)}%` : hex;
}

interface Cell {
  /** What the elements compute (a CSS colour for colour variables, else the value as written). */
  value: string;
  /** Shown to the reader. */
  text: string;
  /** The theme does not set it: the kit derives it from other tokens (a colour) or uses its default. */
  derived: boolean;
}

type Table = Record<AppearanceVariable, Partial<Record<ThemeName, Cell>>>;

/**
 * Every appearance variable, its CSS custom property and its value in each built-in theme,
 * read from a probe styled exactly as an element is (the kit's tokens, then the theme's sheet),
 * so derived values (`color-mix()` of other tokens) show as they render. `auto` shows the
 * values for the reader's current colour scheme and follows it when it changes.
 */
export class StoryThemeVariables extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font: 0.875rem/1.4 system-ui, sans-serif;
      color: inherit;
    }
    .scroll {
      overflow-x: auto;
    }
    .scroll:focus-visible {
      outline: 2px solid currentColor;
      outline-offset: 2px;
    }
    table {
      border-collapse: collapse;
      min-width: 100%;
    }
    caption {
      text-align: start;
      padding-block-end: 0.5rem;
      font-weight: 600;
    }
    th,
    td {
      text-align: start;
      vertical-align: top;
      padding: 0.4rem 0.75rem 0.4rem 0;
      border-block-end: 1px solid color-mix(in srgb, currentColor 20%, transparent);
    }
    thead th {
      white-space: nowrap;
    }
    code {
      font: 0.8125rem/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    }
    th[scope='row'] code:first-child {
      font-weight: 700;
    }
    .property {
      font-weight: 400;
      white-space: nowrap;
    }
    .value {
      display: flex;
      align-items: center;
      gap: 0.4rem;
      white-space: nowrap;
    }
    .swatch {
      flex: none;
      inline-size: 1.25rem;
      block-size: 1.25rem;
      border-radius: 0.25rem;
      border: 1px solid color-mix(in srgb, currentColor 45%, transparent);
      /* A checkerboard shows through translucent colours. */
      background-image: linear-gradient(var(--swatch), var(--swatch)), repeating-conic-gradient(#9ca3af 0 25%, #f3f4f6 0 50%);
      background-size: auto, 0.5rem 0.5rem;
    }
    .sample {
      flex: none;
      font-size: 1rem;
    }
    .derived {
      font-style: italic;
      font-size: 0.75rem;
    }
  `;

  @state() private table?: Table;

  #scheme = matchMedia('(prefers-color-scheme: dark)');
  #onScheme = () => this.#measure();

  override connectedCallback(): void {
    super.connectedCallback();
    this.#scheme.addEventListener('change', this.#onScheme);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#scheme.removeEventListener('change', this.#onScheme);
  }

  protected override firstUpdated(_changed: PropertyValues): void {
    this.#measure();
  }

  /** One probe per theme, styled like an element's shadow root; reads every variable's value. */
  #measure(): void {
    const alias = aliases();
    const table = Object.fromEntries(APPEARANCE_VARIABLES.map((name) => [name, {}])) as Table;
    for (const theme of THEME_NAMES) {
      const host = document.createElement('div');
      host.style.cssText = 'position: absolute; visibility: hidden; inline-size: 0; block-size: 0; overflow: hidden';
      const root = host.attachShadow({mode: 'open'});
      root.adoptedStyleSheets = [tokens.styleSheet!, themeSheet([THEMES[theme]])!];
      this.renderRoot.append(host);
      const probe = document.createElement('div');
      root.append(probe);
      const hostStyle = getComputedStyle(host);
      const set = THEMES[theme];
      const own = {...set.variables, ...(this.#scheme.matches ? set.dark : undefined)};
      for (const name of APPEARANCE_VARIABLES) {
        const property = alias[name];
        if (!property) continue;
        const derived = !own[name];
        if (isColor(name)) {
          probe.style.backgroundColor = `var(${property})`;
          const value = getComputedStyle(probe).backgroundColor;
          table[name][theme] = {value, text: readableColor(value), derived};
        } else {
          const value = hostStyle.getPropertyValue(property).trim();
          // A font stack shows its first family (the whole stack on hover).
          const text = name.startsWith('fontFamily') ? `${value.split(',')[0].replace(/['"]/g, '')}, …` : value;
          table[name][theme] = {value, text, derived};
        }
      }
      host.remove();
    }
    this.table = table;
  }

  #cell(name: AppearanceVariable, cell: Cell | undefined) {
    if (!cell) return html`<td>—</td>`;
    const sample = isColor(name)
      ? html`<span class="swatch" style="--swatch: ${cell.value}" aria-hidden="true"></span>`
      : name.startsWith('fontFamily')
        ? html`<span class="sample" style="font-family: ${cell.value}" aria-hidden="true">Aa</span>`
        : null;
    return html`<td>
      <div class="value" title=${cell.text === cell.value ? nothing : cell.value}>${sample}<code>${cell.text}</code></div>
      ${cell.derived ? html`<div class="derived">${isColor(name) ? 'derived' : 'kit default'}</div>` : null}
    </td>`;
  }

  override render() {
    if (!this.table) return null;
    const table = this.table;
    // A wide table scrolls sideways; the region takes the focus so a keyboard can scroll it too.
    return html`<div class="scroll" role="region" aria-label="Appearance variables by theme" tabindex="0">
      <table>
        <caption>
          Every appearance variable, its CSS custom property and its value in each built-in theme
        </caption>
        <thead>
          <tr>
            <th scope="col">Variable<br /><span class="property">CSS custom property</span></th>
            ${THEME_NAMES.map((theme) => html`<th scope="col">${theme}${theme === 'auto' ? ` (${this.#scheme.matches ? 'dark' : 'light'} now)` : ''}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${APPEARANCE_VARIABLES.map(
            (name) => html`<tr>
              <th scope="row">
                <code>${name}</code><br /><code class="property">${variableToProperty(name)}</code>
              </th>
              ${THEME_NAMES.map((theme) => this.#cell(name, table[name][theme]))}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

/**
 * Registers `<story-theme-variables>`. A function to call rather than an import for its side
 * effect: package.json's `sideEffects` list doesn't name stories/, so a bare import would be
 * dropped from the static build.
 */
export function defineStoryThemeVariables(): void {
  if (!customElements.get('story-theme-variables')) customElements.define('story-theme-variables', StoryThemeVariables);
}

declare global {
  interface HTMLElementTagNameMap {
    'story-theme-variables': StoryThemeVariables;
  }
}
