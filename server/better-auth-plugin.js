/**
 * `auth-elements/better-auth`: what a better-auth server needs to serve the kit's elements.
 *
 * - `authElements(options)`, a better-auth plugin: the kit's password rule (a letter and a digit),
 *   sign-up's email check answered as INVALID_EMAIL, USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL for a
 *   taken email (`revealExistingAccounts`), `GET {basePath}/auth-elements/capabilities`,
 *   which tells the elements what this API supports, profile images (profile-images.js: the
 *   `profileImage` table), set-password and reauthenticate, and SESSION_NOT_FRESH for sensitive
 *   endpoints on an old session (account-endpoints.js), bearer mode's relay of the two-factor
 *   and passkey plugins' cookies (cookie-relay.js), sign-in links that open the page that asked
 *   (sign-in-links.js), social sign-in for bearer-mode pages on other sites (bearer-return.js),
 *   and the email a linked account has at its provider (linked-account-email.js).
 * - `authElementsOptions(options)`, better-auth options with everything the kit uses switched on:
 *   email and password with the password policy, email verification and password reset by code
 *   (emailOTP), changing the email by a code sent to the new address, deleting the account,
 *   magic links, sign-in and sign-up by a texted code where `sendSms` is given (phone-sign-in.js),
 *   the breach check when asked (breached-passwords.js), organizations (the kit's roles with `reports:read`, invitation emails linking to
 *   `invitationUrl`, and the rules of organization-rules.js), two-step verification (TOTP with backup codes and trusted
 *   devices), passkeys (when @better-auth/passkey is installed), multiple sessions, bearer tokens
 *   for other sites, JWTs for `getToken()` (with the active organization's `org` claim,
 *   organization-claims.js), rate limits per address and per email, and the plugin above.
 *   Pass the result to `betterAuth()`.
 *
 * The reference server (auth.js) is built from these two; docs/backend.md is the contract.
 * Types: better-auth-plugin.d.ts (kept by hand next to this file).
 */
import {APIError, createAuthEndpoint, createAuthMiddleware} from 'better-auth/api';
import {bearer, emailOTP, jwt, magicLink, multiSession, oneTimeToken, organization, twoFactor} from 'better-auth/plugins';
import {createAccessControl} from 'better-auth/plugins/access';
import {adminAc, defaultStatements, memberAc, ownerAc} from 'better-auth/plugins/organization/access';
import * as z from 'zod';
import {accountEndpoints, freshGuard, SET_PASSWORD_PATH} from './account-endpoints.js';
import {relayRequest, relayResponse} from './cookie-relay.js';
import {usedBackupCodes, usedBackupCodesSchema} from './used-backup-codes.js';
import {ConfigurationError} from './config.js';
import {organizationClaims, permissionsByRole} from './organization-claims.js';
import {organizationRules} from './organization-rules.js';
import {profileImages, profileImageSchema} from './profile-images.js';
import {signInLinkChecks, signInLinkUrl, signInLinkUsed} from './sign-in-links.js';
import {bearerReturn, enterpriseLookup, socialStart} from './bearer-return.js';
import {linkedAccountEmailHooks, linkedAccountEmailSchema} from './linked-account-email.js';
import {breachedPasswords} from './breached-passwords.js';
import {phoneNumberPlugin, phoneSignInChecks, phoneSignUpName} from './phone-sign-in.js';
import {betterAuthRateLimit, createCounter, identifierRateLimit, resolveRateLimits} from './rate-limit.js';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
export const CODE_LENGTH = 6;
/** Version of the capabilities document; it grows only by new fields within a version. */
export const CAPABILITIES_VERSION = 1;
export const CAPABILITIES_PATH = '/auth-elements/capabilities';
/** Seconds a session stays fresh for sensitive actions, unless `session.freshAge` says otherwise (better-auth's default). */
export const FRESH_AGE = 86400;
/** Days "Trust this device" skips the second step (better-auth's trustDeviceMaxAge, 30 days). */
export const TRUSTED_DEVICE_DAYS = 30;

/** Where invitation emails link to, unless `invitationUrl` says otherwise: `{id}` is the invitation's id. */
export const INVITATION_URL = '/invitation?id={id}';

/**
 * The reference server's access control: better-auth's statements plus the kit's custom
 * `reports: ['read']`, granted to owners and admins (members get none of the kit's permissions).
 */
export const organizationAccess = createAccessControl({...defaultStatements, reports: ['read']});
export const organizationRoles = {
  owner: organizationAccess.newRole({...ownerAc.statements, reports: ['read']}),
  admin: organizationAccess.newRole({...adminAc.statements, reports: ['read']}),
  member: organizationAccess.newRole({...memberAc.statements}),
};

/** @better-auth/passkey, an optional peer dependency: null when it is not installed. */
const passkeyModule = await import('@better-auth/passkey').catch(() => null);
/** @better-auth/sso, an optional peer dependency (enterprise sign-in by email domain): null when it is not installed. */
const ssoModule = await import('@better-auth/sso').catch(() => null);

/** Endpoints that take a new password, and the body field that holds it. */
const PASSWORD_FIELDS = {
  '/sign-up/email': 'password',
  '/email-otp/reset-password': 'password',
  '/reset-password': 'newPassword',
  '/change-password': 'newPassword',
  [SET_PASSWORD_PATH]: 'newPassword',
};

/** Sign-up's email check, the one better-auth's other endpoints use. */
const EMAIL = z.email();

/**
 * The kit's better-auth plugin. See better-auth-plugin.d.ts for the options.
 * @param {import('./better-auth-plugin.js').AuthElementsPluginOptions} [options]
 */
export function authElements({providerNames = {}, requireLetterAndDigit = true, revealExistingAccounts = true, profileImage = {}, passkeys = false, twoFactor = false} = {}) {
  const images = profileImage === false ? null : profileImages(profileImage);
  const schema = {...linkedAccountEmailSchema, ...(images ? profileImageSchema : {}), ...(passkeys ? passkeyLastUsedSchema : {}), ...(twoFactor ? usedBackupCodesSchema : {})};
  return /** @type {const} */ ({
    id: 'auth-elements',
    schema,
    // The email a linked account has at its provider (linked-account-email.js), for the profile's connected accounts.
    // and the name a sign-up by phone gives its new account (phone-sign-in.js).
    init: () => ({options: {databaseHooks: {...linkedAccountEmailHooks, ...phoneSignUpName}}}),
    /** @param {Request} request @param {any} context */
    onRequest: (request, context) => {
      const relayed = relayRequest(request, context);
      return images?.onRequest(relayed?.request ?? request) ?? relayed;
    },
    hooks: {
      after: [...(passkeys ? [passkeyLastUsed] : []), ...(twoFactor ? [usedBackupCodes] : []), signInLinkUsed, bearerReturn, relayResponse],
      before: [
        freshGuard,
        signInLinkChecks,
        enterpriseLookup,
        phoneSignInChecks,
        {
          /** @param {{path?: string}} context */
          matcher: (context) => context.path === '/sign-up/email' || (!!context.path && context.path in PASSWORD_FIELDS),
          handler: createAuthMiddleware(async (ctx) => {
            const body = /** @type {Record<string, unknown> | undefined} */ (ctx.body);
            const email = typeof body?.email === 'string' ? body.email.toLowerCase() : undefined;
            // Sign-up's body schema would answer VALIDATION_ERROR; answer like the other endpoints.
            if (ctx.path === '/sign-up/email' && email !== undefined && !EMAIL.safeParse(email).success) {
              throw new APIError('BAD_REQUEST', {code: 'INVALID_EMAIL', message: 'Invalid email'});
            }
            const field = PASSWORD_FIELDS[/** @type {keyof typeof PASSWORD_FIELDS} */ (ctx.path)];
            const password = field ? body?.[field] : undefined;
            const {minPasswordLength = PASSWORD_MIN_LENGTH, maxPasswordLength = PASSWORD_MAX_LENGTH} = ctx.context.options.emailAndPassword ?? {};
            // Length is the endpoint's own check (PASSWORD_TOO_SHORT / _LONG); this adds the mix rule.
            if (requireLetterAndDigit && typeof password === 'string' && password.length >= minPasswordLength && password.length <= maxPasswordLength) {
              if (!/\p{L}/u.test(password) || !/\p{N}/u.test(password)) {
                throw new APIError('BAD_REQUEST', {
                  code: 'PASSWORD_TOO_WEAK',
                  message: 'Password must contain at least one letter and one digit',
                });
              }
            }
            if (revealExistingAccounts && ctx.path === '/sign-up/email' && email !== undefined) {
              if (await ctx.context.internalAdapter.findUserByEmail(email)) {
                throw new APIError('UNPROCESSABLE_ENTITY', {
                  code: 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL',
                  message: 'User already exists. Use another email.',
                });
              }
            }
          }),
        },
      ],
    },
    endpoints: {
      authElementsCapabilities: createAuthEndpoint(CAPABILITIES_PATH, {method: 'GET'}, async (ctx) => {
        ctx.setHeader('Cache-Control', 'public, max-age=300');
        return ctx.json(capabilitiesOf(ctx.context, {requireLetterAndDigit, providerNames, profileImage: images?.rules ?? null}));
      }),
      ...accountEndpoints,
      authElementsSocialStart: socialStart,
      ...images?.endpoints,
    },
    options: {providerNames, requireLetterAndDigit, revealExistingAccounts, profileImage, passkeys, twoFactor},
  });
}

/** The passkey plugin's table has no "last used": the kit adds the column… */
const passkeyLastUsedSchema = {passkey: {fields: {lastUsedAt: {type: /** @type {const} */ ('date'), required: false, input: false}}}};

/** …and sets it when a passkey signs in. */
const passkeyLastUsed = {
  /** @param {{path?: string}} context */
  matcher: (context) => context.path === '/passkey/verify-authentication',
  handler: createAuthMiddleware(async (ctx) => {
    // Set only when the sign-in worked (the endpoint opened a session).
    if (!ctx.context.newSession) return;
    const credentialID = /** @type {{response?: {id?: unknown}} | undefined} */ (ctx.body)?.response?.id;
    if (typeof credentialID !== 'string') return;
    await ctx.context.adapter.update({model: 'passkey', where: [{field: 'credentialID', value: credentialID}], update: {lastUsedAt: new Date()}});
  }),
};

/**
 * The capabilities document, from the options and plugins better-auth runs with.
 * @param {{options: import('better-auth').BetterAuthOptions, socialProviders: {id: string}[]}} context
 * @param {{requireLetterAndDigit: boolean, providerNames: Record<string, string>, profileImage: {maxBytes: number, types: string[]} | null}} rules
 * @returns {import('./better-auth-plugin.js').AuthElementsCapabilities}
 */
function capabilitiesOf({options, socialProviders}, {requireLetterAndDigit, providerNames, profileImage}) {
  const plugins = options.plugins ?? [];
  /** @param {string} id */
  const plugin = (id) => /** @type {{options?: any} | undefined} */ (plugins.find((p) => p.id === id));
  const emailAndPassword = options.emailAndPassword ?? {};
  const emailPassword = emailAndPassword.enabled === true;
  const otp = plugin('email-otp');
  // Providers better-auth built, plus genericOAuth ones still waiting for their discovery document.
  const providers = new Set(socialProviders.map((provider) => provider.id));
  for (const config of plugin('generic-oauth')?.options?.config ?? []) if (config?.providerId) providers.add(config.providerId);
  return {
    version: CAPABILITIES_VERSION,
    emailPassword,
    emailVerification: emailAndPassword.requireEmailVerification === true,
    passwordResetByCode: emailPassword && !!otp,
    codeLength: otp?.options?.otpLength ?? CODE_LENGTH,
    passwordPolicy: {
      minLength: emailAndPassword.minPasswordLength ?? PASSWORD_MIN_LENGTH,
      maxLength: emailAndPassword.maxPasswordLength ?? PASSWORD_MAX_LENGTH,
      requireLetterAndDigit,
    },
    socialProviders: [...providers],
    socialProviderNames: Object.fromEntries(Object.entries(providerNames).filter(([id]) => providers.has(id))),
    emailCode: !!otp,
    phoneNumber: !!plugin('phone-number'),
    organizations: !!plugin('organization'),
    // What each role may do, for the elements and `client.has()` (the API enforces it either way).
    organizationRoles: plugin('organization') ? permissionsByRole(plugin('organization')?.options?.roles) : {},
    multiFactor: !!plugin('two-factor'),
    trustedDeviceDays: plugin('two-factor') ? Math.round((plugin('two-factor')?.options?.trustDeviceMaxAge ?? TRUSTED_DEVICE_DAYS * 86400) / 86400) : 0,
    passkeys: !!plugin('passkey'),
    multiSession: !!plugin('multi-session'),
    magicLink: !!plugin('magic-link'),
    enterpriseSSO: !!plugin('sso'),
    profileImage,
    changeEmail: otp?.options?.changeEmail?.enabled === true,
    deleteAccount: options.user?.deleteUser?.enabled === true,
    freshAge: options.session?.freshAge ?? FRESH_AGE,
  };
}

/**
 * The WebAuthn RP ID when none is given: the API's host name when it is a domain; `localhost`
 * for an IP address (browsers refuse IP addresses as RP IDs) or no baseURL.
 * @param {string | undefined} baseURL
 */
function passkeyRpID(baseURL) {
  const host = baseURL ? new URL(baseURL).hostname : '';
  return !host || /^[\d.]+$/.test(host) || host.startsWith('[') ? 'localhost' : host;
}

/** Subject and first words of each email the preset sends, by kind. */
const EMAILS = {
  'email-verification': ['Verify your email', 'Your verification code is'],
  'sign-in': ['Your sign-in code', 'Your sign-in code is'],
  'forget-password': ['Reset your password', 'Your password reset code is'],
  'change-email': ['Confirm your new email', 'Your code to confirm the new email is'],
};

/**
 * @template T
 * @param {boolean | T | undefined} value
 * @returns {T | undefined}  undefined when the feature is off
 */
const featureOptions = (value) => (value === false ? undefined : value === true || value === undefined ? /** @type {T} */ ({}) : value);

/**
 * better-auth options with what the kit needs switched on. See better-auth-plugin.d.ts.
 * @param {import('./better-auth-plugin.js').AuthElementsOptions} options
 * @returns {import('better-auth').BetterAuthOptions}
 */
export function authElementsOptions(options) {
  const {
    sendEmail,
    sendSms,
    phoneNumber: phoneNumberOption,
    providerNames,
    breachedPasswords: checkBreaches = false,
    passwordPolicy = {},
    codeLength = CODE_LENGTH,
    revealExistingAccounts = true,
    emailOTP: emailOTPOptions,
    magicLink: magicLinkOption,
    organization: organizationOption,
    invitationUrl = INVITATION_URL,
    twoFactor: twoFactorOption,
    passkey: passkeyOption,
    sso: ssoOption,
    multiSession: multiSessionOption,
    profileImage: profileImageOption,
    bearer: bearerOptions,
    jwt: jwtOptions,
    rateLimit,
    production = process.env.NODE_ENV === 'production',
    emailAndPassword,
    emailVerification,
    user,
    session,
    plugins = [],
    ...rest
  } = options ?? {};
  if (typeof sendEmail !== 'function') {
    throw new ConfigurationError('authElementsOptions: `sendEmail({to, subject, text})` is required; it delivers the codes and links the kit\'s flows send.');
  }
  const {minLength = PASSWORD_MIN_LENGTH, maxLength = PASSWORD_MAX_LENGTH, requireLetterAndDigit = true} = passwordPolicy;
  if (!Number.isInteger(codeLength) || codeLength < 4 || codeLength > 12) throw new ConfigurationError(`authElementsOptions: codeLength must be an integer from 4 to 12 (got ${codeLength})`);

  const magicLinkConfig = featureOptions(magicLinkOption);
  const organizationConfig = featureOptions(organizationOption);
  const twoFactorConfig = featureOptions(twoFactorOption);
  if (passkeyOption && passkeyOption !== false && !passkeyModule) {
    throw new ConfigurationError('authElementsOptions: `passkey` needs the @better-auth/passkey package (the same version as better-auth): npm install @better-auth/passkey');
  }
  /** @type {Record<string, any> | undefined} */
  const passkeyConfig = passkeyModule ? featureOptions(passkeyOption) : undefined;
  const multiSessionConfig = featureOptions(multiSessionOption);
  if (ssoOption && !ssoModule) {
    throw new ConfigurationError('authElementsOptions: `sso` needs the @better-auth/sso package (the same version line as better-auth): npm install @better-auth/sso');
  }
  /** @type {Record<string, any> | undefined} */
  const ssoConfig = ssoModule ? featureOptions(ssoOption) : undefined;

  /** @type {any[]} */
  const kitPlugins = [
    emailOTP({
      otpLength: codeLength,
      overrideDefaultEmailVerification: true,
      sendVerificationOnSignUp: true,
      // A sign-in code is for an account that exists; accounts are made by sign-up.
      disableSignUp: true,
      async sendVerificationOTP({email, otp, type}) {
        const [subject, lead] = EMAILS[type] ?? ['Your code', 'Your code is'];
        await sendEmail({to: email, subject, text: `${lead} ${otp}.\nIt expires in 5 minutes.`, kind: type, code: otp});
      },
      ...emailOTPOptions,
      changeEmail: {enabled: true, ...emailOTPOptions?.changeEmail},
    }),
  ];
  if (magicLinkConfig) {
    kitPlugins.push(
      magicLink({
        // Accounts are made by sign-up (sign-in-links.js sends no link to an unknown address).
        disableSignUp: true,
        async sendMagicLink({email, url: verifyUrl}) {
          // The link opens the page that asked for it, which signs in (sign-in-links.js).
          const url = signInLinkUrl(verifyUrl, typeof rest.baseURL === 'string' ? rest.baseURL : undefined);
          await sendEmail({to: email, subject: 'Your sign-in link', text: `Sign in with this link:\n${url}\nIt expires in 5 minutes and works once.`, kind: 'magic-link', url});
        },
        ...magicLinkConfig,
      }),
    );
  }
  // The `org` claim of getToken()'s JWT (organization-claims.js), with the organization plugin's roles.
  const claims = organizationConfig ? organizationClaims({roles: organizationConfig.roles ?? organizationRoles}) : null;
  if (organizationConfig && claims) {
    if (typeof invitationUrl !== 'string' || !invitationUrl.includes('{id}')) {
      throw new ConfigurationError(`authElementsOptions: invitationUrl must name the invitation page with an {id} placeholder (got ${JSON.stringify(invitationUrl)})`);
    }
    const baseURL = typeof rest.baseURL === 'string' ? rest.baseURL : undefined;
    kitPlugins.push(
      organization({
        ac: organizationAccess,
        roles: organizationRoles,
        async sendInvitationEmail({email, organization: org, inviter, id}) {
          const path = invitationUrl.replaceAll('{id}', encodeURIComponent(id));
          // A relative page is on the API's origin (the demo serves both).
          const url = baseURL ? new URL(path, baseURL).href : path;
          await sendEmail({
            to: email,
            subject: `You are invited to ${org.name}`,
            text: `${inviter.user.name} invited you to ${org.name}.\nAccept the invitation: ${url}`,
            kind: 'invitation',
            invitationId: id,
            url,
          });
        },
        ...organizationConfig,
      }),
      organizationRules({roles: organizationConfig.roles ?? organizationRoles}),
      claims.plugin,
    );
  }
  if (twoFactorConfig) {
    kitPlugins.push(
      twoFactor({
        // The authenticator app shows the account under the app's name.
        issuer: rest.appName,
        trustDeviceMaxAge: TRUSTED_DEVICE_DAYS * 86400,
        // Accounts without a password (social sign-in) can turn it on too; the kit's freshGuard
        // then wants a fresh session instead of the password.
        allowPasswordless: true,
        ...twoFactorConfig,
        otpOptions: {
          async sendOTP({user, otp}) {
            await sendEmail({to: user.email, subject: 'Your two-factor code', text: `Your two-factor code is ${otp}.`, kind: 'two-factor', code: otp});
          },
          ...twoFactorConfig.otpOptions,
        },
      }),
    );
  }
  if (passkeyConfig && passkeyModule) {
    const baseURL = typeof rest.baseURL === 'string' ? rest.baseURL : undefined;
    const trusted = Array.isArray(rest.trustedOrigins) ? rest.trustedOrigins : [];
    kitPlugins.push(
      passkeyModule.passkey({
        rpName: rest.appName,
        rpID: passkeyRpID(baseURL),
        // The pages that may sign in with a passkey: the API's own origin and the trusted ones.
        origin: [...new Set([...(baseURL ? [new URL(baseURL).origin] : []), ...trusted])],
        ...passkeyConfig,
      }),
    );
  }
  // Sign-in and sign-up by a texted code, where the deployment can send text messages.
  if (phoneNumberOption !== false && (typeof sendSms === 'function' || phoneNumberOption)) {
    if (typeof sendSms !== 'function') throw new ConfigurationError('authElementsOptions: `phoneNumber` needs `sendSms({to, text, code})`, which delivers the texted codes.');
    kitPlugins.push(phoneNumberPlugin({sendSms, codeLength, options: phoneNumberOption === true || !phoneNumberOption ? {} : phoneNumberOption}));
  }
  if (multiSessionConfig) kitPlugins.push(multiSession(multiSessionConfig));
  if (ssoConfig && ssoModule) kitPlugins.push(ssoModule.sso(ssoConfig));
  if (checkBreaches) kitPlugins.push(breachedPasswords());

  /** @type {Partial<import('better-auth').BetterAuthOptions>} */
  const limiting = {};
  if (rateLimit !== false) {
    const limits = resolveRateLimits(rateLimit, production);
    const counter = createCounter(rest.database);
    limiting.rateLimit = betterAuthRateLimit(limits, counter);
    kitPlugins.push(identifierRateLimit({counter, window: limits.window, max: limits.identifierMax}));
  }
  kitPlugins.push(
    bearer(bearerOptions),
    // The exchange of bearer-return.js's one-time tokens (a social sign-in's return to a bearer-mode page); clients cannot mint them.
    oneTimeToken({disableClientRequest: true}),
    jwt(claims ? claims.jwt(jwtOptions) : jwtOptions),
    authElements({
      providerNames,
      requireLetterAndDigit,
      revealExistingAccounts,
      profileImage: profileImageOption === true ? {} : profileImageOption,
      passkeys: !!(passkeyConfig && passkeyModule),
      twoFactor: !!twoFactorConfig,
    }),
  );

  return {
    ...rest,
    ...limiting,
    user: {...user, deleteUser: {enabled: true, ...user?.deleteUser}},
    session: {freshAge: FRESH_AGE, ...session},
    emailAndPassword: {
      enabled: true,
      minPasswordLength: minLength,
      maxPasswordLength: maxLength,
      requireEmailVerification: true,
      ...emailAndPassword,
    },
    emailVerification: {
      sendOnSignUp: true,
      sendOnSignIn: true,
      autoSignInAfterVerification: true,
      ...emailVerification,
    },
    plugins: [...kitPlugins, ...plugins],
  };
}
