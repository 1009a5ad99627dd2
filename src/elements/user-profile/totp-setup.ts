/**
 * The scanning step of setting up an authenticator app, above the code field: its heading and
 * explanation, the QR code of the setup link, and under "Can't scan it?" the key to type instead,
 * in groups of four, with a copy button.
 */
import {html, nothing, type TemplateResult} from 'lit';
import {part} from '../../appearance/part.js';
import type {TotpSetup} from '../../client/types.js';
import type {QrCodeLoader} from '../../internal/qr-code.js';
import {sectionAlert, sectionButton, type ProfileContext} from './profile-page.js';

/** "JBSW Y3DP EHPK 3PXP": the key as people read and type it. */
export function groupKey(secret: string): string {
  return secret.replace(/\s+/g, '').match(/.{1,4}/g)?.join(' ') ?? '';
}

export interface TotpSetupView {
  headingId: string;
  setup: TotpSetup;
  qr: QrCodeLoader;
  copied: boolean;
  copyFailed: boolean;
  onCopyKey: () => void;
}

export function totpSetupLead(context: ProfileContext, view: TotpSetupView): TemplateResult {
  const {t, appearance} = context;
  const k = (key: string) => t(`profile.security.twoFactor.scan.${key}`);
  // The encoder did not load: the key is the way, so it is shown at once.
  const keyOpen = view.qr.failed;
  return html`<div class="step" ${part('profile-step', appearance)}>
    <h4 class="step-title" id=${view.headingId} tabindex="-1">${k('title')}</h4>
    <p class="step-hint">${k('hint')}</p>
    <div class="qr-frame" ${part('qr-code', appearance)}>${view.qr.render(view.setup.uri, k('qrLabel'))}</div>
    <details class="disclosure" ?open=${keyOpen}>
      <summary>${k('cantScan')}</summary>
      <div class="disclosure-body">
        <p class="step-hint" id="totp-key-hint">${k('keyHint')}</p>
        <code class="secret" dir="ltr" aria-describedby="totp-key-hint">${groupKey(view.setup.secret)}</code>
        ${view.copyFailed ? sectionAlert(t('profile.security.twoFactor.copyFailed'), context) : nothing}
        <div class="actions">${sectionButton(k(view.copied ? 'keyCopied' : 'copyKey'), view.onCopyKey, {context})}</div>
      </div>
    </details>
  </div>`;
}
