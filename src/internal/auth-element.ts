import {consume} from '@lit/context';
import {LitElement, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {applyVariables, mergeAppearance, type Appearance} from '../appearance/appearance.js';
import type {AuthClient} from '../client/auth-client.js';
import type {AuthState} from '../client/types.js';
import {appearanceContext} from '../context/appearance-context.js';
import {clientContext} from '../context/client-context.js';
import {localizerContext} from '../context/localizer-context.js';
import {defaultLocalizer, type Localizer} from '../i18n/localizer.js';
import type {TOptions} from 'i18next';

const LOADING: AuthState = {status: 'loading', user: null, session: null};

interface Subscribable {
  subscribe(listener: () => void): () => void;
}

/**
 * The base of every element: takes the client, localizer and appearance from the nearest
 * `<auth-provider>`, re-renders when any of them changes, and applies appearance variables.
 */
export class AuthElement extends LitElement {
  /** Restyles this element alone; merged over the provider's appearance. */
  @property({attribute: false}) appearance?: Appearance;

  @consume({context: clientContext, subscribe: true})
  @state()
  protected client?: AuthClient;

  @consume({context: localizerContext, subscribe: true})
  @state()
  protected localizer?: Localizer;

  @consume({context: appearanceContext, subscribe: true})
  @state()
  protected providerAppearance?: Appearance;

  #subscriptions = new Map<string, {source: Subscribable; off: () => void}>();
  #appliedVariables: string[] = [];
  #mergedAppearance: Appearance = {};

  /** The provider's appearance with this element's on top. */
  protected get mergedAppearance(): Appearance {
    return this.#mergedAppearance;
  }

  protected get authState(): AuthState {
    return this.client?.state ?? LOADING;
  }

  protected t(key: string, options?: TOptions): string {
    return (this.localizer ?? defaultLocalizer()).t(key, options);
  }

  /** Re-renders whenever `source` announces a change, for as long as it is the one in use. */
  protected watch(key: string, source: Subscribable | undefined): void {
    const current = this.#subscriptions.get(key);
    if (current?.source === source) return;
    current?.off();
    this.#subscriptions.delete(key);
    if (source) this.#subscriptions.set(key, {source, off: source.subscribe(() => this.requestUpdate())});
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const {off} of this.#subscriptions.values()) off();
    this.#subscriptions.clear();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.watch('client', this.client);
    this.watch('localizer', this.localizer);
    if (changed.has('appearance') || changed.has('providerAppearance' as keyof AuthElement)) {
      this.#mergedAppearance = mergeAppearance(this.providerAppearance, this.appearance);
      this.#appliedVariables = applyVariables(this, this.#mergedAppearance, this.#appliedVariables);
    }
    const localizer = this.localizer ?? defaultLocalizer();
    this.lang = localizer.language;
  }
}
