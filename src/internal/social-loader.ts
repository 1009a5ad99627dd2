import {nothing, type ReactiveController, type ReactiveControllerHost, type SVGTemplateResult, type TemplateResult} from 'lit';
import {adoptLightStyles} from './light-styles.js';
import type {SocialButtonsOptions} from './social-buttons.js';

type SocialModule = typeof import('./social-buttons.js');

/**
 * Loads the social buttons' code, then their icons, the first time a host asks to render them
 * (only pages whose API has social providers pay for them); the host re-renders as each arrives.
 */
export class SocialButtonsLoader implements ReactiveController {
  #module?: SocialModule;
  #icons: Readonly<Record<string, SVGTemplateResult>> | null = null;
  #loading?: Promise<void>;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The buttons (their styles adopted where the host is), or nothing while their code loads (the icons follow). */
  render(options: Omit<SocialButtonsOptions, 'icons'>): TemplateResult | typeof nothing {
    const module = this.#module;
    if (!module) {
      void this.#load();
      return nothing;
    }
    adoptLightStyles(this.host.getRootNode(), module.socialStyles);
    return module.socialButtons({...options, icons: this.#icons});
  }

  #load(): Promise<void> {
    return (this.#loading ??= (async () => {
      this.#module = await import('./social-buttons.js');
      this.host.requestUpdate();
      ({socialIcons: this.#icons} = await import('./social-icons.js'));
      this.host.requestUpdate();
    })());
  }
}
