import {AuthClient} from '../../src/client/auth-client.js';
import {ACCOUNT_METHODS, ORGANIZATION_METHODS, type IdentityAdapter} from '../../src/client/adapters/adapter.js';
import {MemoryAdapter, type MemoryAdapterOptions, type MemoryOrganizationSeed, type MemoryUserSeed} from '../../src/client/adapters/memory.js';
import {AuthError, type AuthErrorCode} from '../../src/client/errors.js';
import type {PasskeySignInOptions, PasswordCredentials, PhoneCodePurpose, SecondFactorInput, SignUpInput} from '../../src/client/types.js';

/** The seeded, verified user every story can sign in as. */
export const ADA = {name: 'Ada Lovelace', email: 'ada@example.com', password: 'analytical1'} satisfies MemoryUserSeed;
/** A seeded user whose email is not verified yet (sign-in detours through a code). */
export const GRACE = {name: 'Grace Hopper', email: 'grace@example.com', password: 'compiler42', emailVerified: false} satisfies MemoryUserSeed;
/**
 * A seeded user with two-step verification on: after the password, a code from the
 * authenticator app (`adapter.totpCode(TESS.email)`) or one of these backup codes.
 */
export const TESS = {
  name: 'Tess Twostep',
  email: 'tess@example.com',
  password: 'second-step1',
  twoFactor: {secret: 'JBSWY3DPEHPK3PXP', backupCodes: ['aaaaa-11111', 'bbbbb-22222', 'ccccc-33333']},
} satisfies MemoryUserSeed;

/** Organization stories' people: Ada owns ENGINES, Bob is its admin, Cleo a member. */
export const BOB = {name: 'Bob Babbage', email: 'bob@example.com', password: 'difference2'} satisfies MemoryUserSeed;
export const CLEO = {name: 'Cleo <img src=x onerror=alert(1)>', email: 'cleo@example.com', password: 'member-cleo3'} satisfies MemoryUserSeed;
export const ENGINES = {
  name: 'Analytical Engines',
  slug: 'engines',
  members: [
    {email: ADA.email, role: 'owner'},
    {email: BOB.email, role: 'admin'},
    {email: CLEO.email, role: 'member'},
  ],
} satisfies MemoryOrganizationSeed;
export const LOOMS = {name: 'Jacquard Looms', slug: 'looms', members: [{email: ADA.email, role: 'member'}, {email: BOB.email, role: 'owner'}]} satisfies MemoryOrganizationSeed;
/** Ada, Grace, Bob and Cleo with ENGINES and LOOMS: `{...ORGANIZATIONS, signedInAs: BOB, activeOrganization: 'engines'}`. */
export const ORGANIZATIONS = {users: [ADA, GRACE, BOB, CLEO], organizations: [ENGINES, LOOMS]} satisfies Pick<AuthSetup, 'users' | 'organizations'>;

type AdapterMethod = Exclude<keyof IdentityAdapter, 'name' | 'capabilities'>;

/**
 * How one adapter method misbehaves: throws an AuthError like the real adapter would, never
 * answers (`hang`), or throws something that is no AuthError at all (`crash`: a bug, a
 * TypeError), which the kit must show as `unknown` without its raw message.
 */
export type Failure = {code: AuthErrorCode; status?: number; retryAfter?: number} | 'hang' | 'crash';

export const NETWORK_DOWN: Failure = {code: 'network'};
export const HTTP_500: Failure = {code: 'server', status: 500};
export const RATE_LIMITED: Failure = {code: 'rate_limited', status: 429, retryAfter: 30};
export const MALFORMED: Failure = {code: 'malformed_response', status: 200};
export const NO_ANSWER: Failure = 'hang';
export const CRASH: Failure = 'crash';

/** The message a `crash` throws: never shown to users. */
export const CRASH_MESSAGE = "Cannot read properties of undefined (reading 'session')";

/** The memory adapter with chosen methods failing (network down, HTTP 500, 429, bad JSON, no answer, a crash). */
export class StoryAdapter extends MemoryAdapter {
  failures: Partial<Record<AdapterMethod, Failure>> = {};
  /** How often each method was called (a busy form must not send twice). */
  readonly calls: Partial<Record<AdapterMethod, number>> = {};

  #fail(method: AdapterMethod): Promise<never> | null {
    this.calls[method] = (this.calls[method] ?? 0) + 1;
    const failure = this.failures[method];
    if (!failure) return null;
    if (failure === 'hang') return new Promise<never>(() => {});
    if (failure === 'crash') return Promise.reject(new TypeError(CRASH_MESSAGE));
    const {code, ...options} = failure;
    return Promise.reject(new AuthError(code, code, options));
  }

  override getSession() {
    return this.#fail('getSession') ?? super.getSession();
  }
  override signInWithPassword(credentials: PasswordCredentials) {
    return this.#fail('signInWithPassword') ?? super.signInWithPassword(credentials);
  }
  override verifySecondFactor(input: SecondFactorInput) {
    return this.#fail('verifySecondFactor') ?? super.verifySecondFactor(input);
  }
  /**
   * A failure here is the passkey prompt's (the button's); the email field's autofill request
   * waits as it does without an authenticator, so a story's failure shows when the button is used.
   */
  override signInWithPasskey(options?: PasskeySignInOptions) {
    return (options?.autofill ? null : this.#fail('signInWithPasskey')) ?? super.signInWithPasskey(options);
  }
  override signInWithSocial(provider: string, callbackURL: string, errorURL?: string) {
    return this.#fail('signInWithSocial') ?? super.signInWithSocial(provider, callbackURL, errorURL);
  }
  override sendSignInCode(email: string) {
    return this.#fail('sendSignInCode') ?? super.sendSignInCode(email);
  }
  override signInWithCode(email: string, code: string) {
    return this.#fail('signInWithCode') ?? super.signInWithCode(email, code);
  }
  override sendSignInLink(email: string, pageURL: string) {
    return this.#fail('sendSignInLink') ?? super.sendSignInLink(email, pageURL);
  }
  override signInWithLink(token: string) {
    return this.#fail('signInWithLink') ?? super.signInWithLink(token);
  }
  override sendPhoneCode(phoneNumber: string, purpose: PhoneCodePurpose) {
    return this.#fail('sendPhoneCode') ?? super.sendPhoneCode(phoneNumber, purpose);
  }
  override signInWithPhoneCode(phoneNumber: string, code: string, name?: string) {
    return this.#fail('signInWithPhoneCode') ?? super.signInWithPhoneCode(phoneNumber, code, name);
  }
  override signUp(input: SignUpInput) {
    return this.#fail('signUp') ?? super.signUp(input);
  }
  override sendVerificationCode(email: string) {
    return this.#fail('sendVerificationCode') ?? super.sendVerificationCode(email);
  }
  override verifyEmail(email: string, code: string) {
    return this.#fail('verifyEmail') ?? super.verifyEmail(email, code);
  }
  override requestPasswordReset(email: string) {
    return this.#fail('requestPasswordReset') ?? super.requestPasswordReset(email);
  }
  override checkPasswordResetCode(email: string, code: string) {
    return this.#fail('checkPasswordResetCode') ?? super.checkPasswordResetCode(email, code);
  }
  override resetPassword(email: string, code: string, password: string) {
    return this.#fail('resetPassword') ?? super.resetPassword(email, code, password);
  }
  override signOut() {
    return this.#fail('signOut') ?? super.signOut();
  }
  override getToken() {
    return this.#fail('getToken') ?? super.getToken();
  }

  constructor(options?: MemoryAdapterOptions) {
    super(options);
    // The account and organization methods fail the same way, each by its name in `failures`.
    for (const method of [...ACCOUNT_METHODS, ...ORGANIZATION_METHODS]) {
      const original = (this[method] as (...args: unknown[]) => Promise<unknown>).bind(this);
      Object.defineProperty(this, method, {value: (...args: unknown[]) => this.#fail(method) ?? original(...args)});
    }
  }
}


/** What a story asks of its backend (`parameters.auth`). */
export interface AuthSetup extends Omit<MemoryAdapterOptions, 'users'> {
  /** Seeded users (default Ada and the unverified Grace). */
  users?: MemoryUserSeed[];
  /** Signed in as this user (seeded too) before the story renders. */
  signedInAs?: MemoryUserSeed;
  /** The slug of the signed-in user's organization that is active when the story renders. */
  activeOrganization?: string;
  /** Adapter methods that fail, once the story has rendered its starting state. */
  fail?: StoryAdapter['failures'];
  /**
   * Social and OpenID Connect accounts linked to seeded users (the profile's connected
   * accounts), by the user's email: each provider, and the email there (default the user's).
   */
  linkedAccounts?: Record<string, Array<{provider: string; email?: string | null; linkedAt?: Date}>>;
  /**
   * Signed in with this social provider instead of a password (`signedInAs` unused): the memory
   * adapter's `<provider>.user@example.com`, with no password — that account is its only way in.
   */
  signedInWith?: string;
}

export interface StoryAuth {
  client: AuthClient;
  adapter: StoryAdapter;
}

/** A fresh adapter and client for one story; resolves once the session check has answered. */
export async function setupAuth(setup: AuthSetup = {}): Promise<StoryAuth> {
  const {users = [ADA, GRACE], signedInAs, activeOrganization, fail = {}, linkedAccounts = {}, signedInWith, ...options} = setup;
  const seeds = signedInAs ? [...users.filter((user) => user.email !== signedInAs.email), signedInAs] : users;
  const adapter = new StoryAdapter({users: seeds, ...options});
  if (signedInWith) await adapter.signInWithSocial(signedInWith, location.href);
  else if (signedInAs) await adapter.signInWithPassword(signedInAs);
  for (const [email, links] of Object.entries(linkedAccounts)) for (const link of links) adapter.addLinkedAccount(email, link);
  if (activeOrganization) {
    const organization = (await adapter.listOrganizations()).find((o) => o.slug === activeOrganization);
    if (!organization) throw new Error(`setupAuth: ${signedInAs?.email} is not a member of ${activeOrganization}`);
    await adapter.setActiveOrganization(organization.id);
  }
  adapter.failures = fail;
  for (const method of Object.keys(adapter.calls)) delete adapter.calls[method as AdapterMethod];
  const client = new AuthClient({adapter, syncTabs: false});
  // A session check that never answers is the loading state: render it as it is.
  if (fail.getSession !== 'hang') await client.ready;
  return {client, adapter};
}

/** A small picture for avatar stories (no network needed). */
export const AVATAR_IMAGE = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="#0e7490"/><circle cx="32" cy="25" r="12" fill="#e0f2fe"/><path d="M10 60c3-14 12-20 22-20s19 6 22 20z" fill="#e0f2fe"/></svg>',
)}`;
