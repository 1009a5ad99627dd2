/**
 * "Dev Identity": the development provider registered with one reference API. Starts
 * provider.js with a client whose redirect URI is the API's genericOAuth callback, and answers
 * the matching `oidcProviders` entry for createAuth (auth.js) — one client secret, made per start,
 * on both sides. The provider (and the oidc-provider package, a development dependency the
 * published package does not bring) loads only when it starts.
 */
import {randomBytes} from 'node:crypto';
import {ConfigurationError} from '../config.js';

/** The provider id the API knows it by (its callback is /api/auth/callback/dev-oidc). */
export const DEV_OIDC_PROVIDER_ID = 'dev-oidc';
/** The name the sign-in card shows: "Continue with Dev Identity". */
export const DEV_OIDC_NAME = 'Dev Identity';
/** Where it listens unless told otherwise (env DEV_OIDC_PORT). */
export const DEV_OIDC_PORT = 5180;

/** The enterprise (SSO) provider id, and the email domain that signs in there (sso: `defaultSSO`). */
export const DEV_SSO_PROVIDER_ID = 'dev-sso';
export const DEV_SSO_DOMAIN = 'enterprise.test';

const CLIENT_ID = 'auth-elements-dev';

/**
 * @param {{baseURL: string, basePath?: string, port?: number, host?: string, strictPort?: boolean, appName?: string, pageOrigins?: string[]}} options
 *   `baseURL`: the API's origin (better-auth's baseURL); `basePath` its mount (default /api/auth).
 *   `pageOrigins`: pages on other origins the API sends the browser back to (its trusted origins).
 *   `port` (default DEV_OIDC_PORT) and `host` (default 127.0.0.1): where the provider listens.
 *   Unless `strictPort`, a port in use falls back to any free one (as Vite does).
 *   Rejects with ConfigurationError when oidc-provider is not installed or the port cannot be had.
 * @returns {Promise<{issuer: string, oidcProvider: import('../auth.js').OidcProviderOptions, enterpriseProvider: import('../auth.js').EnterpriseProviderOptions, close: () => Promise<void>}>}
 */
export async function startDevIdentity({baseURL, basePath = '/api/auth', port = DEV_OIDC_PORT, host = '127.0.0.1', strictPort = false, appName = 'Auth Elements', pageOrigins = []}) {
  const clientSecret = randomBytes(24).toString('base64url');
  const client = {
    client_id: CLIENT_ID,
    client_secret: clientSecret,
    client_name: appName,
    // Its two ways in: the social button (genericOAuth) and enterprise sign-in by domain (sso).
    redirect_uris: [`${baseURL.replace(/\/+$/, '')}${basePath}/callback/${DEV_OIDC_PROVIDER_ID}`, `${baseURL.replace(/\/+$/, '')}${basePath}/sso/callback/${DEV_SSO_PROVIDER_ID}`],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
  };
  // A computed specifier: Vite bundles vite.config.ts with what it imports into one file, and a
  // literal import('./provider.js') would then load oidc-provider with the config, on or off.
  const {startDevOidcProvider} = await import(new URL('./provider.js', import.meta.url).href).catch((error) => {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new ConfigurationError(`Dev Identity needs the oidc-provider package (npm install --save-dev oidc-provider): ${error.message}`);
  });
  const start = (/** @type {number} */ onPort) => startDevOidcProvider({port: onPort, host, clients: [client], pageOrigins});
  const provider = await start(port).catch((error) => {
    if (!strictPort && error?.code === 'EADDRINUSE') return start(0);
    if (['EADDRINUSE', 'EACCES', 'EADDRNOTAVAIL'].includes(error?.code)) {
      throw new ConfigurationError(`Dev Identity cannot listen on ${host}:${port} (${error.code}); set DEV_OIDC_PORT to a free port (0: any)`);
    }
    throw error;
  });
  return {
    issuer: provider.issuer,
    oidcProvider: {providerId: DEV_OIDC_PROVIDER_ID, name: DEV_OIDC_NAME, discoveryUrl: provider.discoveryUrl, clientId: CLIENT_ID, clientSecret},
    /** The same provider as the enterprise one of DEV_SSO_DOMAIN (createAuth's `enterpriseProviders`). */
    enterpriseProvider: {providerId: DEV_SSO_PROVIDER_ID, domain: DEV_SSO_DOMAIN, issuer: provider.issuer, discoveryUrl: provider.discoveryUrl, clientId: CLIENT_ID, clientSecret},
    close: provider.close,
  };
}

/**
 * Whether (and where) to start Dev Identity, from the environment: never when
 * NODE_ENV=production; otherwise DEV_OIDC=1 turns it on and DEV_OIDC=0 off (else `byDefault`),
 * DEV_OIDC_PORT picks the port (then strictly: taken is an error; unset, 5180 or any free one),
 * DEV_OIDC_HOST the address (127.0.0.1).
 * @param {Record<string, string | undefined>} env
 * @param {{byDefault: boolean}} options  on for `npm start` (vite-plugin.js), off for standalone.js
 * @returns {{port: number, host: string, strictPort: boolean} | undefined}
 */
export function devIdentityFromEnv(env, {byDefault}) {
  if (env.NODE_ENV === 'production') return undefined;
  const flag = env.DEV_OIDC?.trim().toLowerCase();
  const on = flag ? !['0', 'false', 'off', 'no'].includes(flag) : byDefault;
  if (!on) return undefined;
  const portText = env.DEV_OIDC_PORT?.trim();
  const port = portText ? Number(portText) : DEV_OIDC_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigurationError(`DEV_OIDC_PORT must be a port number from 0 to 65535 (got "${env.DEV_OIDC_PORT}")`);
  return {port, host: env.DEV_OIDC_HOST?.trim() || '127.0.0.1', strictPort: Boolean(portText)};
}
