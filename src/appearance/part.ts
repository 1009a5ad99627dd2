import {nothing, type ElementPart} from 'lit';
import {Directive, directive, PartType, type PartInfo} from 'lit/directive.js';
import {camel, kebab, type Appearance} from './appearance.js';

/**
 * `<button ${part('primary-button', appearance)}>` names a node for `::part()` and applies
 * `appearance.elements.primaryButton` to it: a style object (inline, `!important` so it beats
 * the kit's own defensive rules) or class names. One vocabulary for parts and appearance keys.
 */
class PartDirective extends Directive {
  #styled: string[] = [];
  #classes: string[] = [];

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('part() goes on an element');
  }

  render(_name: string, _appearance?: Appearance) {
    return nothing;
  }

  override update(elementPart: ElementPart, [name, appearance]: [string, Appearance | undefined]) {
    const element = elementPart.element as HTMLElement;
    element.setAttribute('part', name);
    for (const property of this.#styled) element.style.removeProperty(property);
    element.classList.remove(...this.#classes);
    this.#styled = [];
    this.#classes = [];
    const value = appearance?.elements?.[camel(name)];
    if (typeof value === 'string') {
      this.#classes = value.split(/\s+/).filter(Boolean);
      element.classList.add(...this.#classes);
    } else if (value) {
      for (const [key, declaration] of Object.entries(value)) {
        const property = key.startsWith('--') ? key : kebab(key);
        element.style.setProperty(property, declaration, 'important');
        this.#styled.push(property);
      }
    }
    return nothing;
  }
}

export const part = directive(PartDirective);
