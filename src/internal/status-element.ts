import {css, html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {hostBase} from '../appearance/tokens.js';
import {statusStyles} from './status-styles.js';
import {VisibilityElement} from './visibility-element.js';

/**
 * The base of `<auth-loading>` and `<auth-unavailable>`: shows its children in one session
 * status, or its built-in view when it has none (whitespace doesn't count).
 */
export abstract class StatusElement extends VisibilityElement {
  static override styles = [
    hostBase,
    statusStyles,
    css`
      :host {
        display: block;
      }
      :host(:not([data-shown])) {
        display: contents;
      }
    `,
  ];

  /** The view shown when the element has no children of its own. */
  protected abstract renderDefault(): TemplateResult;

  override render() {
    if (!this.shown) return nothing;
    return html`<slot @slotchange=${() => this.requestUpdate()}></slot>${this.#hasChildren() ? nothing : this.renderDefault()}`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.toggleAttribute('data-shown', this.shown);
  }

  #hasChildren(): boolean {
    // A server's DOM shim doesn't know the children: render the default view there.
    return [...(this.childNodes ?? [])].some((node) => node.nodeType === Node.ELEMENT_NODE || !!node.textContent?.trim());
  }
}
