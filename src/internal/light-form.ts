import {nothing, render, type CSSResult, type ReactiveController, type ReactiveControllerHost, type TemplateResult} from 'lit';
import {adoptLightStyles} from './light-styles.js';

let owners = 0;

/** An id for an element whose light-DOM forms share one appearance selector (`lightFormSelector`). */
export function formOwnerId(): string {
  return `auth-${++owners}`;
}

/**
 * A `<form>` an element keeps in its own light DOM, slotted into its shadow root by `slot`, so
 * password managers and autofill see the inputs (the kit's rule for anything a credential or an
 * email goes into). The host renders into it on every update (`content()`); a submit calls
 * `onSubmit` with the form's data, never twice while `busy()` says a submit is under way.
 * Inputs Lit does not bind keep what the person typed across updates. The forms of one host
 * share its `owner` id (`data-auth-form`), so one selector gives the appearance all of them.
 */
export class LightForm implements ReactiveController {
  #form?: HTMLFormElement;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: {
      owner: string;
      slot: string;
      content: () => TemplateResult | typeof nothing;
      onSubmit: (data: FormData, form: HTMLFormElement) => void;
      busy?: () => boolean;
      /** Styles its content needs beyond the cards' (light-styles.ts), such as the profile's editor styles. */
      styles?: CSSResult[];
    },
  ) {
    host.addController(this);
  }

  /** The form (created on first use: a server has no `document` while constructing). */
  get form(): HTMLFormElement {
    return (this.#form ??= this.#create());
  }

  /** The selector that reaches the forms of this form's owner (appearance styles). */
  get selector(): string {
    return `form[data-auth-form="${this.options.owner}"]`;
  }

  /** A document-unique id for a node inside this form. */
  nodeId(name: string): string {
    return `${this.options.owner}-${this.options.slot}-${name}`;
  }

  hostConnected(): void {
    if (this.form.parentNode !== this.host) this.host.append(this.form);
    adoptLightStyles(this.host.getRootNode(), ...(this.options.styles ?? []));
  }

  hostUpdated(): void {
    render(this.options.content(), this.form, {host: this.host});
  }

  #create(): HTMLFormElement {
    const form = document.createElement('form');
    form.setAttribute('data-auth-form', this.options.owner);
    form.setAttribute('slot', this.options.slot);
    form.setAttribute('novalidate', '');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!this.options.busy?.()) this.options.onSubmit(new FormData(form), form);
    });
    return form;
  }
}
