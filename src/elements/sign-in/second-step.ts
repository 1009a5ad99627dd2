import {html, nothing, type TemplateResult} from 'lit';
import {part, type PartAppearance} from '../../appearance/part.js';
import type {SignInFlow} from '../../client/flows/sign-in-flow.js';
import type {TranslateOptions} from '../../i18n/translate.js';
import {codeField, hiddenEmail, linkButton, textField} from '../../internal/fields.js';
import {lightEditorStyles} from '../../internal/light-editor-styles.js';
import {adoptLightStyles} from '../../internal/light-styles.js';

/** What the sign-in card hands the second step's template (the step's own code loads with this module). */
export interface SecondStepView {
  flow: SignInFlow;
  t: (key: string, options?: TranslateOptions) => string;
  appearance: PartAppearance;
  nodeId: (name: string) => string;
  form: HTMLFormElement;
  /** The form-level error, and the code field's. */
  alert: TemplateResult | typeof nothing;
  error: string | undefined;
  submit: TemplateResult;
  back: TemplateResult;
  /** `capabilities.trustedDeviceDays` (no "Trust this device" when 0). */
  days: number;
}

/** An authenticator app's codes have six digits (RFC 6238 as every app uses it). */
const TOTP_LENGTH = 6;

/**
 * The sign-in's second step, `two-factor` (the authenticator app's code) or `backup-code`:
 * the code, "Trust this device for N days", Continue, and the way to the other kind of code
 * and back to the password. What was typed stays when a code is refused.
 */
export function secondStep(view: SecondStepView): TemplateResult {
  const {flow, t, appearance, nodeId, days} = view;
  const totp = flow.state.step === 'two-factor';
  const hintId = nodeId('code-hint');
  // The checkbox's look (the profile's light-DOM editor styles), once per document or shadow root.
  adoptLightStyles(view.form.getRootNode(), lightEditorStyles);
  const field = {id: nodeId('code'), label: t(totp ? 'common.codeLabel' : 'signIn.backupCodeLabel'), describedBy: hintId, error: view.error, appearance};
  return html`<p class="ae-hint" id=${hintId}>${t(totp ? 'signIn.twoFactorSubtitle' : 'signIn.backupCodeSubtitle')}</p>
    ${view.alert} ${hiddenEmail(flow.state.email)}
    ${totp
      ? codeField({...field, length: TOTP_LENGTH, onComplete: () => view.form.requestSubmit()})
      : textField({...field, name: 'code', autocomplete: 'off'})}
    ${days > 0
      ? html`<label class="ae-check" ${part('trust-device', appearance)}>
          <input type="checkbox" id=${nodeId('trust-device')} name="trustDevice" />
          <span>${t('signIn.trustDevice', {count: days})}</span>
        </label>`
      : nothing}
    ${view.submit}
    <div class="ae-actions">
      ${view.back}
      ${totp
        ? linkButton(t('signIn.useBackupCode'), () => flow.useSecondFactor('backup-code'), 'backup-code-link', appearance)
        : linkButton(t('signIn.useAppCode'), () => flow.useSecondFactor('totp'), 'app-code-link', appearance)}
    </div>`;
}
