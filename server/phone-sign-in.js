/**
 * Sign-in and sign-up by a code texted to a phone number, on better-auth's phoneNumber plugin,
 * the way the kit's elements use it:
 *
 * - `phoneNumberPlugin({sendSms, codeLength})`: the plugin with numbers checked by
 *   libphonenumber-js (E.164 only, valid for their country), codes sent through `sendSms`, and
 *   an account made when a sign-up's code is entered (`signUpOnVerification`). Such an account
 *   has no email: better-auth needs one, so it gets a placeholder on the reserved `.invalid`
 *   top-level domain (`<digits>@phone.invalid`, RFC 2606), which can never receive mail and which
 *   the kit's adapter shows as no email.
 * - `phoneSignInChecks` (a before-hook on `/phone-number/send-otp`): a sign-in's code (the
 *   kit's `intent: 'sign-in'`) is texted only to a number with an account; the answer is the
 *   same either way, so the endpoint does not tell who has one. A sign-up's is texted to any.
 * - `phoneSignUpName` (a database hook): the account a sign-up's code makes gets the `name` the
 *   sign-up sent with it (better-auth's `getTempName` sees only the number). A number that
 *   already had an account signs in to it unchanged.
 */
import {createAuthMiddleware} from 'better-auth/api';
import {phoneNumber} from 'better-auth/plugins';
import {isValidPhoneNumber} from 'libphonenumber-js/min';

/** The domain of the placeholder email of an account made by phone alone. */
export const PHONE_EMAIL_DOMAIN = 'phone.invalid';

/** An E.164 number: `+`, a country code, and at most 15 digits in all. */
const E164 = /^\+[1-9]\d{6,14}$/;

/** Whether `value` is an E.164 number its country can have. */
export const isPhoneNumber = (/** @type {unknown} */ value) => typeof value === 'string' && E164.test(value) && isValidPhoneNumber(value);

/**
 * better-auth's phoneNumber plugin as the kit uses it.
 * @param {{sendSms: (message: {to: string, text: string, code: string}) => unknown, codeLength: number, options?: Record<string, unknown>}} settings
 */
export function phoneNumberPlugin({sendSms, codeLength, options = {}}) {
  return phoneNumber({
    otpLength: codeLength,
    expiresIn: 300,
    phoneNumberValidator: isPhoneNumber,
    async sendOTP({phoneNumber: to, code}) {
      await sendSms({to, text: `Your Auth Elements code is ${code}. It expires in 5 minutes.`, code});
    },
    signUpOnVerification: {
      getTempEmail: (number) => `${number.replace(/\D/g, '')}@${PHONE_EMAIL_DOMAIN}`,
      getTempName: (number) => number,
    },
    ...options,
  });
}

/** A sign-in's code only for a number with an account; the same answer either way. */
export const phoneSignInChecks = {
  /** @param {{path?: string}} context */
  matcher: (context) => context.path === '/phone-number/send-otp',
  handler: createAuthMiddleware(async (ctx) => {
    const body = /** @type {Record<string, unknown> | undefined} */ (ctx.body);
    if (body?.intent !== 'sign-in' || !isPhoneNumber(body.phoneNumber)) return;
    const field = ctx.context.options.plugins?.find((/** @type {{id: string}} */ plugin) => plugin.id === 'phone-number')?.options?.schema?.user?.fields?.phoneNumber ?? 'phoneNumber';
    const user = await ctx.context.adapter.findOne({model: 'user', where: [{field, value: body.phoneNumber}]});
    if (!user) return ctx.json({message: 'code sent'});
  }),
};

/** better-auth database hooks: a sign-up's name on the account its texted code makes. */
export const phoneSignUpName = {
  user: {
    create: {
      /** @param {Record<string, any>} user @param {any} ctx */
      async before(user, ctx) {
        const name = ctx?.path === '/phone-number/verify' ? ctx.body?.name : undefined;
        if (typeof name !== 'string' || !name.trim()) return undefined;
        return {data: {...user, name: name.trim().slice(0, 200)}};
      },
    },
  },
};
