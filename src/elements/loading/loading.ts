import type {PropertyValues, TemplateResult} from 'lit';
import {property} from 'lit/decorators.js';
import {StatusElement} from '../../internal/status-element.js';
import {BUSY_DELAY_MS, busyIndicator, DelayedFlag} from '../../internal/status-views.js';

/**
 * @summary Shows its children — or, without children, a spinner saying "Loading…" — while the
 * first session check is under way and has taken longer than `delay` milliseconds (a fast API
 * shows nothing at all). `<auth-signed-in>` and `<auth-signed-out>` show nothing meanwhile.
 *
 * @slot - What to show while the session loads (default: the spinner and "Loading…", announced politely).
 *
 * @csspart busy - The built-in indicator.
 */
export class AuthLoading extends StatusElement {
  protected readonly showWhen = 'loading';

  /** Milliseconds to wait before showing anything (default 400; 0 shows at once). */
  @property({type: Number}) delay = BUSY_DELAY_MS;

  readonly #slow = new DelayedFlag(this, () => this.delay);

  protected override get shown(): boolean {
    return super.shown && this.#slow.value;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#slow.sync(this.authState.status === 'loading');
  }

  protected renderDefault(): TemplateResult {
    return busyIndicator(this.t('common.loading'), this.mergedAppearance);
  }
}
