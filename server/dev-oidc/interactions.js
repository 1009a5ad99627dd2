/**
 * The development provider's interaction pages (oidc-provider hands the browser to
 * /interaction/:uid when it needs a person): the sign-in page, then the consent screen, and
 * the forms they post. Finishing an interaction redirects back into oidc-provider, which
 * answers the client: a code on Allow, `error=access_denied` on Deny or Cancel.
 */
import {EMAIL_PATTERN} from './accounts.js';
import {consentPage} from './views/consent.js';
import {loginPage} from './views/login.js';
import {errorPage} from './views/messages.js';

const ROUTE = /^\/interaction\/([\w-]+)(?:\/(login|consent))?$/;
const MAX_FORM_BYTES = 8 * 1024;

/** What a refusal tells the client (RFC 6749 section 4.1.2.1). */
const DENIED = {error: 'access_denied', error_description: 'The person did not allow access'};

/**
 * @param {{provider: import('oidc-provider').default, accounts: import('./accounts.js').DevAccounts,
 *   sendPage: (res: import('node:http').ServerResponse, status: number, page: string) => void}} options
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<boolean>}
 *   answers whether the request was an interaction route (and so handled)
 */
export function interactionRoutes({provider, accounts, sendPage}) {
  return async (req, res) => {
    const match = ROUTE.exec(new URL(req.url ?? '/', 'http://x').pathname);
    if (!match) return false;
    const [, uid, step] = match;
    const method = step ? 'POST' : 'GET';
    if (req.method !== method) {
      res.setHeader('Allow', method);
      sendPage(res, 405, errorPage({message: `This page takes ${method} requests only.`}));
      return true;
    }
    /** @type {Awaited<ReturnType<typeof provider.interactionDetails>>} */
    let details;
    try {
      details = await provider.interactionDetails(req, res);
    } catch {
      sendPage(res, 400, errorPage({message: 'This sign-in has expired or was opened in another browser.'}));
      return true;
    }
    if (details.uid !== uid) {
      sendPage(res, 400, errorPage({message: 'This sign-in page belongs to another sign-in in progress.'}));
      return true;
    }
    const prompt = details.prompt.name;
    const client = await clientOf(provider, details.params);
    const action = `/interaction/${uid}/${prompt}`;
    if (!step) {
      if (prompt === 'login') sendPage(res, 200, loginPage({action, client, ...lastPerson(details, accounts)}));
      else if (prompt === 'consent') sendPage(res, 200, consentPage({action, client, person: personOf(details, accounts), scopes: scopesOf(details)}));
      else sendPage(res, 400, errorPage({message: `The development provider cannot answer the “${prompt}” prompt.`}));
      return true;
    }
    if (step !== prompt) {
      sendPage(res, 409, errorPage({message: 'This step of the sign-in is already done.'}));
      return true;
    }
    const form = await readForm(req);
    if (step === 'login') {
      if (form.get('action') === 'cancel') return finish(provider, req, res, DENIED);
      const email = form.get('email')?.trim() ?? '';
      const name = form.get('name') ?? '';
      if (!EMAIL_PATTERN.test(email)) {
        const error = email ? 'Enter an email address like ada@example.com.' : 'Enter your email address.';
        sendPage(res, 400, loginPage({action, client, email, name, error}));
        return true;
      }
      return finish(provider, req, res, {login: {accountId: accounts.signIn({email, name})}});
    }
    if (form.get('decision') !== 'allow') return finish(provider, req, res, DENIED);
    const grantId = await grantFor(provider, details);
    accounts.rememberGrant(String(details.session?.accountId), String(details.params.client_id), grantId);
    return finish(provider, req, res, {consent: {grantId}}, true);
  };
}

/**
 * @param {import('oidc-provider').default} provider
 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
 * @param {import('oidc-provider').InteractionResults} result
 */
async function finish(provider, req, res, result, mergeWithLastSubmission = false) {
  await provider.interactionFinished(req, res, result, {mergeWithLastSubmission});
  return true;
}

/**
 * The grant the consent screen asked for: the scopes and claims oidc-provider found missing.
 * @param {import('oidc-provider').default} provider
 * @param {import('oidc-provider').Interaction} details
 */
async function grantFor(provider, details) {
  const {accountId} = /** @type {{accountId: string}} */ (details.session);
  const clientId = String(details.params.client_id);
  const grant = (details.grantId && (await provider.Grant.find(details.grantId))) || new provider.Grant({accountId, clientId});
  const {missingOIDCScope, missingOIDCClaims, missingResourceScopes} = /** @type {Record<string, any>} */ (details.prompt.details);
  if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(' '));
  if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(missingResourceScopes ?? {})) grant.addResourceScope(indicator, /** @type {string[]} */ (scopes).join(' '));
  return grant.save();
}

/** @param {import('oidc-provider').default} provider @param {Record<string, unknown>} params */
async function clientOf(provider, params) {
  const client = await provider.Client.find(String(params.client_id));
  let host = '';
  try {
    host = new URL(String(params.redirect_uri)).host;
  } catch {}
  return {name: client?.clientName || String(params.client_id), host};
}

/** The person already signed in at the provider (or the login_hint), to fill the sign-in form. */
function lastPerson(/** @type {import('oidc-provider').Interaction} */ details, /** @type {import('./accounts.js').DevAccounts} */ accounts) {
  const person = accounts.find(details.session?.accountId);
  const hint = typeof details.params.login_hint === 'string' ? details.params.login_hint : '';
  return person ? {email: person.email, name: person.name} : {email: hint};
}

/** The person the consent screen is for. */
function personOf(/** @type {import('oidc-provider').Interaction} */ details, /** @type {import('./accounts.js').DevAccounts} */ accounts) {
  return accounts.find(details.session?.accountId) ?? {email: '', name: String(details.session?.accountId ?? '')};
}

/** The scopes the client asked for, in the order it asked. @param {import('oidc-provider').Interaction} details */
function scopesOf(details) {
  return String(details.params.scope ?? '').split(' ').filter(Boolean);
}

/** An application/x-www-form-urlencoded body, at most MAX_FORM_BYTES. @param {import('node:http').IncomingMessage} req */
async function readForm(req) {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > MAX_FORM_BYTES) break;
  }
  return new URLSearchParams(body.slice(0, MAX_FORM_BYTES));
}
