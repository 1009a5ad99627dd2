import {nothing, type ReactiveController, type ReactiveControllerHost, type SVGTemplateResult, type TemplateResult} from 'lit';
import type {SocialButtonsOptions} from './social-buttons.js';

type SocialModule = typeof import('./social-buttons.js');

/**
 * Loads the social buttons' code, then their icons, the first time a host asks to render them
 * (only pages whose API has social providers pay for them); the host re-renders as each arrives.
 */
export class SocialButtonsLoader implements ReactiveController {
  #buttons?: SocialModule['socialButtons'];
  #icons: Readonly<Record<string, SVGTemplateResult>> | null = null;
  #loading?: Promise<void>;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The buttons, or nothing while their code loads (the icons follow). */
  render(options: Omit<SocialButtonsOptions, 'icons'>): TemplateResult | typeof nothing {
    if (!this.#buttons) {
      void this.#load();
      return nothing;
    }
    return this.#buttons({...options, icons: this.#icons});
  }

  #load(): Promise<void> {
    return (this.#loading ??= (async () => {
      ({socialButtons: this.#buttons} = await import('./social-buttons.js'));
      this.host.requestUpdate();
      ({socialIcons: this.#icons} = await import('./social-icons.js'));
      this.host.requestUpdate();
    })());
  }
}
