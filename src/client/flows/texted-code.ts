import {AuthError} from '../errors.js';
import {toE164} from '../phone-number.js';
import type {PhoneCodePurpose, SessionInfo} from '../types.js';
import type {FlowContext} from './flow-context.js';

/**
 * Texts a code to the number typed (read in `region` when it has no country code) for
 * `purpose`, and answers the number as sent (E.164). Sign-in and sign-up both use it.
 */
export async function textCode(context: FlowContext, typed: string, region: string | undefined, purpose: PhoneCodePurpose): Promise<string> {
  const {adapter} = context;
  if (!adapter.capabilities.phoneNumber || !adapter.sendPhoneCode) throw new AuthError('unsupported');
  const phoneNumber = await toE164(typed, region);
  await adapter.sendPhoneCode(phoneNumber, purpose);
  return phoneNumber;
}

/** Signs in with the code texted to `phoneNumber`; with `name`, a number without an account gets one (sign-up). */
export function signInWithTextedCode(context: FlowContext, phoneNumber: string, code: string, name?: string): Promise<SessionInfo> {
  if (!context.adapter.signInWithPhoneCode) throw new AuthError('unsupported');
  return context.adapter.signInWithPhoneCode(phoneNumber, code.trim(), name);
}
