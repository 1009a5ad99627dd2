import {html, nothing, type TemplateResult} from 'lit';
import {property} from 'lit/decorators.js';
import {part} from '../../appearance/part.js';
import type {SignInFlow} from '../../client/flows/sign-in-flow.js';
import type {SignInStep} from '../../client/types.js';
import {hostBase} from '../../appearance/tokens.js';
import {card, cardStyles} from '../../internal/card.js';
import {AuthFormElement} from '../../internal/form-element.js';
import {alert, linkButton, notice, primaryButton, textField} from '../../internal/fields.js';

const HEADINGS: Record<SignInStep, [title: string, subtitle: string]> = {
  identifier: ['signIn.title', 'signIn.subtitle'],
  password: ['signIn.passwordTitle', 'signIn.passwordSubtitle'],
  'verify-email': ['signIn.verifyTitle', 'signIn.verifySubtitle'],
  'reset-code': ['signIn.resetTitle', 'signIn.resetSubtitle'],
  'reset-password': ['signIn.newPasswordTitle', 'signIn.newPasswordSubtitle'],
  complete: ['signIn.completeTitle', 'signIn.completeSubtitle'],
};

/**
 * @summary Sign-in: email, then password; verifies an unverified email with a code; resets a
 * forgotten password with a code. Its form and inputs live in the light DOM (slot `form`) so
 * password managers can fill them.
 *
 * @event auth-signed-in - The user signed in (`event.user`).
 * @event auth-error - An error is shown (`event.error.code`).
 *
 * @slot form - Filled by the element itself with its light-DOM `<form>`; do not use.
 *
 * @csspart card - The card around everything.
 * @csspart header - The title block.
 * @csspart header-title - The title.
 * @csspart header-subtitle - The line under the title.
 * @csspart footer - The line under the form.
 * @csspart footer-action-link - The "Sign up" link.
 *
 * @cssprop --auth-card-max-width - The card's maximum width (25rem).
 */
export class AuthSignIn extends AuthFormElement<SignInStep> {
  static override styles = [hostBase, cardStyles];

  /** Where the "Sign up" link goes; the link is hidden without it. */
  @property({attribute: 'sign-up-url'}) signUpUrl?: string;

  protected declare flow?: SignInFlow;

  protected createFlow(): SignInFlow | undefined {
    return this.client?.signIn();
  }

  override render(): TemplateResult {
    const step = this.flow?.state.step ?? 'identifier';
    const signedInElsewhere = step !== 'complete' && this.authState.status === 'signed-in';
    const [title, subtitle] = HEADINGS[signedInElsewhere ? 'complete' : step];
    const values = {email: this.flow?.state.email ?? '', name: this.authState.user?.name ?? ''};
    const signUpHref = this.safeHref(this.signUpUrl);
    const showFooter = signUpHref && (step === 'identifier' || step === 'password');
    return card({
      title: this.t(title),
      subtitle: this.t(subtitle, values),
      appearance: this.mergedAppearance,
      footer: showFooter
        ? html`${this.t('signIn.noAccount')}
            <a href=${signUpHref} ${part('footer-action-link', this.mergedAppearance)}>${this.t('signIn.signUpLink')}</a>`
        : nothing,
    });
  }

  protected renderForm(): TemplateResult | typeof nothing {
    const flow = this.flow;
    if (!flow || this.authState.status === 'signed-in') return nothing;
    const {step, pending, email, codeSent} = flow.state;
    const appearance = this.mergedAppearance;
    const back = linkButton(this.t('common.back'), () => flow.back(), 'back-link', appearance);
    const emailField = textField({
      id: this.nodeId('email'),
      name: 'email',
      type: 'email',
      label: this.t('common.emailLabel'),
      autocomplete: 'username',
      inputmode: 'email',
      value: email,
      error: this.fieldError('email'),
      appearance,
    });
    // Keeps the email in the form on later steps, so password managers save the pair.
    const hiddenEmail = html`<input type="email" name="email" autocomplete="username" .value=${email} hidden tabindex="-1" />`;
    const codeSentNotice = notice(codeSent ? this.t('common.codeSent', {email}) : null, appearance);
    const submit = (label = this.t('common.continue')) => primaryButton(label, pending, this.t('common.working'), appearance);

    switch (step) {
      case 'identifier':
        return html`${alert(this.formError(['email']), appearance)} ${emailField} ${submit()}`;
      case 'password':
        return html`${alert(this.formError(['password']), appearance)} ${hiddenEmail}
          ${this.passwordInput({
            autocomplete: 'current-password',
            label: this.t('common.passwordLabel'),
            labelAction: linkButton(this.t('signIn.forgotPassword'), () => void flow.forgotPassword(), 'forgot-password-link', appearance),
          })}
          ${submit()}
          <div class="ae-actions">${linkButton(this.t('common.changeEmail'), () => flow.back(), 'back-link', appearance)}</div>`;
      case 'verify-email':
        return html`${codeSentNotice} ${alert(this.formError(['code']), appearance)} ${this.codeInput()} ${submit()}
          <div class="ae-actions">
            ${back} ${linkButton(this.t('common.resendCode'), () => void flow.resendVerificationCode(), 'resend-code-link', appearance)}
          </div>`;
      case 'reset-code':
        return html`${codeSentNotice} ${alert(this.formError(['code']), appearance)} ${this.codeInput()} ${submit()}
          <div class="ae-actions">
            ${back} ${linkButton(this.t('common.resendCode'), () => void flow.resendResetCode(), 'resend-code-link', appearance)}
          </div>`;
      case 'reset-password':
        return html`${alert(this.formError(['password']), appearance)} ${hiddenEmail}
          ${this.passwordInput({autocomplete: 'new-password', label: this.t('signIn.newPasswordLabel')})}
          ${this.passwordRules()} ${submit(this.t('signIn.resetSubmit'))}
          <div class="ae-actions">${back}</div>`;
      case 'complete':
        return nothing;
    }
  }

  protected submitForm(data: FormData): void {
    const flow = this.flow;
    if (!flow) return;
    const value = (name: string) => String(data.get(name) ?? '');
    switch (flow.state.step) {
      case 'identifier':
        void flow.submitEmail(value('email'));
        break;
      case 'password':
        void flow.submitPassword(value('password'));
        break;
      case 'verify-email':
        void flow.submitVerificationCode(value('code'));
        break;
      case 'reset-code':
        void flow.submitResetCode(value('code'));
        break;
      case 'reset-password':
        void flow.submitNewPassword(value('password'));
        break;
    }
  }
}
