import {css, html, nothing, type TemplateResult} from 'lit';
import {part, type PartAppearance} from '../../appearance/part.js';
import type {SignInFlow} from '../../client/flows/sign-in-flow.js';
import type {SignInMethod} from '../../client/types.js';
import type {TranslateOptions} from '../../i18n/translate.js';
import {busyIndicator} from '../../internal/status-views.js';
import {hiddenEmail, linkButton, notice, primaryButton} from '../../internal/fields.js';
import {adoptLightStyles} from '../../internal/light-styles.js';
import {providerName} from '../../internal/provider-name.js';

export {formatPhoneNumber} from '../../client/phone-number.js';

/** What the sign-in card hands these steps' templates (their code loads with this module). */
export interface OtherMethodsView {
  flow: SignInFlow;
  t: (key: string, options?: TranslateOptions) => string;
  appearance: PartAppearance;
  form: HTMLFormElement;
  /** The form-level error (for the step's fields). */
  alert: (fields: readonly string[]) => TemplateResult | typeof nothing;
  /** The emailed code's step (the card's own, with its code field, Continue, Back and Resend). */
  codeStep: (back: {label: string; onClick: () => void}, resend: () => void) => TemplateResult;
  /** Display names the API gives its providers. */
  providerNames: Readonly<Record<string, string>>;
  /** Starts a social sign-in (the card knows where it comes back to). */
  onSocial: (provider: string) => void;
}

/**
 * The methods list's light-DOM styles: full-width rows with the method's text and its "Last
 * used" badge, in the kit's neutral button look (light-styles.ts keeps the host page's CSS out).
 */
const otherMethodsStyles = css`
  @layer auth-base {
    form[data-auth-form] .ae-methods {
      display: grid !important;
      gap: calc(var(--_space) * 0.5) !important;
      margin: 0 !important;
      padding: 0 !important;
      list-style: none !important;
    }
    form[data-auth-form] .ae-method {
      justify-content: space-between !important;
      gap: 0.75em !important;
      width: 100% !important;
      border-color: var(--_border) !important;
      background: var(--_bg) !important;
      color: var(--_fg) !important;
      box-shadow: none !important;
      text-align: start !important;
    }
    form[data-auth-form] .ae-method:hover {
      background: var(--_muted) !important;
    }
    form[data-auth-form] .ae-badge {
      flex: none !important;
      padding: 0.125em 0.5em !important;
      border-radius: 999px !important;
      background: var(--_muted) !important;
      color: var(--_fg) !important;
      font-size: 0.75em !important;
      font-weight: 600 !important;
      line-height: 1.4 !important;
    }
  }
`;

/** A method's words in the list ("Email a code to ada@example.com"). */
function methodLabel(view: OtherMethodsView, method: SignInMethod): string {
  const {t, flow} = view;
  const email = flow.state.email;
  if (method.startsWith('social:')) return t('social.continueWith', {provider: providerName(method.slice(7), view.providerNames)});
  return {
    password: t('signInMethods.method.password'),
    'email-code': t('signInMethods.method.emailCode', {email}),
    'email-link': t('signInMethods.method.emailLink', {email}),
    'phone-code': t('signInMethods.method.phoneCode', {phone: email}),
    passkey: t('signIn.passkey'),
  }[method as Exclude<SignInMethod, `social:${string}`>];
}

function choose(view: OtherMethodsView, method: SignInMethod): void {
  const {flow} = view;
  if (flow.state.pending) return;
  if (method === 'password') flow.usePassword();
  else if (method === 'email-code') void flow.sendCode();
  else if (method === 'email-link') void flow.sendLink();
  else if (method === 'phone-code') void flow.sendPhoneCode(flow.state.email);
  else if (method === 'passkey') void flow.signInWithPasskey();
  else view.onSocial(method.slice(7));
}

/** "Use another method": every way the API allows, the one used last on this device badged. */
function methodsStep(view: OtherMethodsView): TemplateResult {
  const {flow, t, appearance} = view;
  const last = flow.lastUsed;
  const pending = flow.state.pending;
  return html`${view.alert([])} ${hiddenEmail(flow.state.email)}
    <ul class="ae-methods" ${part('methods', appearance)} aria-label=${t('signInMethods.methodsTitle')}>
      ${flow.methods.map(
        (method) => html`<li>
          <button
            type="button"
            class="ae-secondary ae-method"
            ${part('method-button', appearance)}
            data-method=${method}
            aria-disabled=${pending ? 'true' : 'false'}
            @click=${() => choose(view, method)}
          >
            <span>${methodLabel(view, method)}</span>
            ${method === last ? html`<span class="ae-badge" ${part('last-used-badge', appearance)}>${t('signInMethods.lastUsed')}</span>` : nothing}
          </button>
        </li>`,
      )}
    </ul>
    <div class="ae-actions">${linkButton(t('common.back'), () => flow.back(), 'back-link', appearance)}</div>`;
}

/** "Use another method", under a step that has others. */
function anotherMethod(view: OtherMethodsView): TemplateResult {
  return linkButton(view.t('signIn.useAnotherMethod'), () => view.flow.showMethods(), 'another-method-link', view.appearance);
}

/** The link is on its way: open it; send it again; another way. */
function linkSentStep(view: OtherMethodsView): TemplateResult {
  const {flow, t, appearance} = view;
  const {email, codeSent} = flow.state;
  return html`${notice(codeSent ? t('signInMethods.linkResent', {email}) : null, appearance)} ${view.alert([])} ${hiddenEmail(email)}
    <div class="ae-actions">
      ${linkButton(t('common.back'), () => flow.back(), 'back-link', appearance)}
      ${linkButton(t('signInMethods.resendLink'), () => void flow.resendLink(), 'resend-link-link', appearance)}
    </div>
    <div class="ae-actions">${anotherMethod(view)}</div>`;
}

/** The page a link opened: signing in with it, or why it didn't. */
function linkStep(view: OtherMethodsView): TemplateResult {
  const {flow, t, appearance} = view;
  if (flow.state.pending || !flow.state.error) return busyIndicator(t('busy.sign-in'), appearance);
  return html`${view.alert([])}
    <div class="ae-actions">${linkButton(t('signInMethods.backToSignIn'), () => flow.back(), 'back-link', appearance)}</div>`;
}

/** The link was asked for in another browser: sign in here (the form's submit), or go back. */
function elsewhereStep(view: OtherMethodsView): TemplateResult {
  const {flow, t, appearance} = view;
  return html`${view.alert([])}
    ${primaryButton(t('signInMethods.signInHere'), flow.state.pending, t('busy.sign-in'), appearance)}
    <div class="ae-actions">${linkButton(t('common.cancel'), () => flow.back(), 'back-link', appearance)}</div>`;
}

/** The steps of "Use another method": the list, a code or link emailed, a link opened, a code texted. */
export function otherMethodsStep(view: OtherMethodsView): TemplateResult | typeof nothing {
  adoptLightStyles(view.form.getRootNode(), otherMethodsStyles);
  const {flow, t} = view;
  switch (flow.state.step) {
    case 'methods':
      return methodsStep(view);
    case 'email-code':
      return html`${view.codeStep({label: t('common.back'), onClick: () => flow.back()}, () => void flow.resendCode())}
        <div class="ae-actions">${anotherMethod(view)}</div>`;
    case 'link-sent':
      return linkSentStep(view);
    case 'link':
      return linkStep(view);
    case 'link-elsewhere':
      return elsewhereStep(view);
    case 'phone-code':
      return html`${view.codeStep({label: t('common.back'), onClick: () => flow.back()}, () => void flow.resendPhoneCode())}
        <div class="ae-actions">${anotherMethod(view)}</div>`;
    default:
      return nothing;
  }
}
