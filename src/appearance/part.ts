import {nothing, type ElementPart} from 'lit';
import {Directive, directive, PartType, type PartInfo} from 'lit/directive.js';
import {camel, type Appearance} from './appearance.js';

/**
 * `<button ${part('primary-button', appearance)}>` names a node for `::part()` and gives it the
 * class names of `appearance.elements.primaryButton`. (Style objects become stylesheet rules on
 * `[part~=…]`: see appearance-sheets.ts.) One vocabulary for parts and appearance keys.
 */
/** What templates need of an appearance: the `elements` that may name classes for parts. */
export type PartAppearance = Pick<Appearance, 'elements'>;

class PartDirective extends Directive {
  #classes: string[] = [];

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('part() goes on an element');
  }

  render(_name: string, _appearance?: PartAppearance) {
    return nothing;
  }

  override update(elementPart: ElementPart, [name, appearance]: [string, PartAppearance | undefined]) {
    const element = elementPart.element as HTMLElement;
    element.setAttribute('part', name);
    element.classList.remove(...this.#classes);
    const value = appearance?.elements?.[camel(name)];
    this.#classes = typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
    element.classList.add(...this.#classes);
    return nothing;
  }
}

export const part = directive(PartDirective);
