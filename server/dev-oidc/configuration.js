/**
 * oidc-provider's configuration for the development provider: the given clients, the people
 * from accounts.js (openid, email and profile claims), a fresh signing key and cookie key per
 * start, PKCE always, the kit's own pages instead of oidc-provider's (which use inline styles),
 * and a sign-in page on every authorization so a tester can switch people.
 */
import {generateKeyPairSync, randomBytes} from 'node:crypto';
import {interactionPolicy} from 'oidc-provider';
import {errorPage, logoutPage, signedOutPage} from './views/messages.js';

/** Lifetimes, in seconds (explicit, so oidc-provider does not print its notices about defaults). */
const TTL = {AccessToken: 3600, AuthorizationCode: 60, IdToken: 3600, Interaction: 3600, Session: 86400, Grant: 86400, RefreshToken: 86400};

/**
 * @param {{clients: import('oidc-provider').ClientMetadata[], accounts: import('./accounts.js').DevAccounts,
 *   sendPage: (ctx: import('oidc-provider').KoaContextWithOIDC, status: number, page: string) => void}} options
 *   `sendPage`: writes one of the provider's pages with the pages' headers (provider.js).
 * @returns {import('oidc-provider').Configuration}
 */
export function providerConfiguration({clients, accounts, sendPage}) {
  const {privateKey} = generateKeyPairSync('rsa', {modulusLength: 2048});
  const redirectOrigins = new Set(clients.flatMap((client) => client.redirect_uris ?? []).map((uri) => new URL(uri).origin));
  return {
    clients,
    claims: {openid: ['sub'], email: ['email', 'email_verified'], profile: ['name']},
    async findAccount(_ctx, accountId) {
      const person = accounts.find(accountId);
      if (!person) return undefined;
      // Dev accounts: whoever types an email owns it, so the provider vouches for it.
      return {accountId, claims: () => ({sub: accountId, email: person.email, email_verified: true, name: person.name})};
    },
    jwks: {keys: [{...privateKey.export({format: 'jwk'}), kid: `dev-${randomBytes(6).toString('hex')}`, use: 'sig', alg: 'RS256'}]},
    cookies: {
      keys: [randomBytes(32).toString('base64url')],
      // Cookies ignore ports: own names, so other apps on localhost keep theirs.
      names: {session: 'dev_oidc_session', interaction: 'dev_oidc_interaction', resume: 'dev_oidc_resume'},
    },
    features: {
      devInteractions: {enabled: false},
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => sendPage(ctx, 200, logoutPage({form, host: ctx.host})),
        postLogoutSuccessSource: (ctx) => sendPage(ctx, 200, signedOutPage()),
      },
    },
    // A person's earlier consent to this app, from any browser (accounts.js), else oidc-provider's way.
    async loadExistingGrant(ctx) {
      const {client, session, result} = ctx.oidc;
      if (!client) return undefined;
      const grantId = result?.consent?.grantId || session?.grantIdFor(client.clientId) || accounts.grantOf(session?.accountId, client.clientId);
      return grantId ? ctx.oidc.provider.Grant.find(grantId) : undefined;
    },
    interactions: {policy: devPolicy(), url: (_ctx, interaction) => `/interaction/${interaction.uid}`},
    pkce: {required: () => true},
    clientBasedCORS: (_ctx, origin) => redirectOrigins.has(origin),
    renderError: (ctx, out) => sendPage(ctx, ctx.status >= 400 ? ctx.status : 400, errorPage({message: 'The sign-in request could not be completed.', details: out})),
    ttl: TTL,
  };
}

/**
 * oidc-provider's default prompts, with the sign-in page shown on every authorization (not
 * only when there is no provider session), so "Continue with Dev Identity" always lets a
 * tester choose who signs in.
 */
function devPolicy() {
  const {Check, base} = interactionPolicy;
  const policy = base();
  const choosePerson = new Check('dev_choose_person', 'the development provider asks who signs in each time', 'login_required', (ctx) =>
    // Done once this authorization's sign-in page was answered; prompt=none (silent) keeps the session.
    ctx.oidc.result?.login || ctx.oidc.prompts.has('none') ? Check.NO_NEED_TO_PROMPT : Check.REQUEST_PROMPT,
  );
  policy.get('login')?.checks.add(choosePerson);
  return policy;
}
