import type {nothing, TemplateResult} from 'lit';
import {alert, currentPasswordField} from '../../internal/fields.js';
import type {AuthError} from '../../client/errors.js';
import type {PageContext, ProfileContext} from './profile-page.js';

/**
 * One section of the Security page (password, active devices, delete account; two-step
 * verification and passkeys next): the page shows the sections in the order it lists them,
 * those `shown()` for this account and API.
 */
export interface SecuritySection {
  /** Unique within the page: the section's heading id and its editor's name. */
  readonly id: string;
  shown(context: ProfileContext): boolean;
  /** The section (through `section()` of profile-page.ts). */
  render(context: ProfileContext): TemplateResult;
  /** Its open editor, in the element's light-DOM form; `nothing` for a section without one. */
  editor(context: ProfileContext): TemplateResult | typeof nothing;
  submit(context: ProfileContext, data: FormData): void;
  /** Forget what was typed, loaded or said (another person, or the page was left). */
  reset(): void;
}

/** The message for `error` on a field when its code is one of `codes`. */
export function fieldError(context: PageContext, error: AuthError | null, codes: readonly string[]): string | undefined {
  return error && codes.includes(error.code) ? (context.errorMessage(error) ?? undefined) : undefined;
}

/** The error above an editor's fields: any that no field shows (a rate limit is a warning, with its wait). */
export function formError(context: PageContext, error: AuthError | null, fieldCodes: readonly string[]) {
  const shown = error && !fieldCodes.includes(error.code) ? context.errorMessage(error) : null;
  return alert(shown, context.appearance, error?.code === 'rate_limited' ? 'warning' : 'danger');
}

/**
 * The signed-in person's password, asked again in an editor to confirm a change: "required"
 * when it was left empty, a wrong password at the field.
 */
export function confirmPasswordField(
  context: ProfileContext,
  {id, error, missing, visible, onToggle}: {id: string; error: AuthError | null; missing: boolean; visible: boolean; onToggle: () => void},
): TemplateResult {
  const {t, user, appearance} = context;
  return currentPasswordField({
    email: user.email,
    id,
    label: t('common.passwordLabel'),
    error: missing ? t('common.required') : fieldError(context, error, ['wrong_password']),
    visible,
    toggleLabel: t('common.showPassword'),
    onToggle,
    appearance,
  });
}
