/**
 * Bearer mode's cookie relay, part of the kit's better-auth plugin. better-auth's two-factor
 * and passkey plugins keep a step's state in their own cookies: the half-done sign-in
 * (`two_factor`), "trust this device" (`trust_device`) and the WebAuthn challenge
 * (`better-auth-passkey`). A page on another site gets no cookies back, so a bearer-mode client
 * sends them in a header instead, and the API answers with their new values in the same header:
 *
 *   request   x-auth-elements-cookies: <name>=<signed value>; …   (the client's jar, once it has one)
 *   response  x-auth-elements-cookies: <name>=<signed value>; …   (the jar after this answer, when
 *             the request sent one or the answer sets one of these cookies)
 *
 * The answer carries the header only to a client that sent it or sent no cookies (in cookie
 * mode the browser sends the API's cookies, and these stay HttpOnly).
 *
 * Only those cookies travel this way (never the session's: that is the bearer token), and they
 * keep better-auth's signatures, so a client can only hand back what the API gave it. The header
 * is a custom one: a page on another origin needs CORS to send and read it (http.js allows and
 * exposes it for the trusted origins). The client sends it only once it holds such a cookie, so
 * an API whose CORS does not allow it keeps working for everything else.
 */
import {parseSetCookieHeader} from 'better-auth/cookies';
import {createAuthMiddleware} from 'better-auth/api';

export const RELAY_HEADER = 'x-auth-elements-cookies';

/**
 * The cookie names that travel in the header.
 * @param {{createAuthCookie: (name: string) => {name: string}, getPlugin?: (id: string) => any}} context
 */
function relayedNames(context) {
  const passkey = context.getPlugin?.('passkey')?.options?.advanced?.webAuthnChallengeCookie ?? 'better-auth-passkey';
  return new Set(['two_factor', 'trust_device', passkey].map((name) => context.createAuthCookie(name).name));
}

/** @param {string | null} header @param {Set<string>} names @returns {Map<string, string>} */
function parseJar(header, names) {
  const jar = new Map();
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    const name = part.slice(0, at).trim();
    if (at > 0 && names.has(name)) jar.set(name, part.slice(at + 1).trim());
  }
  return jar;
}

/** @param {Map<string, string>} jar */
const serialize = (jar) => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');

/**
 * onRequest: the relayed cookies join the request's Cookie header, so every plugin (and the
 * bearer plugin, which adds the session's) reads them as cookies.
 * @param {Request} request
 * @param {any} context  better-auth's AuthContext
 * @returns {{request: Request} | undefined}
 */
export function relayRequest(request, context) {
  const header = request.headers.get(RELAY_HEADER);
  if (!header) return undefined;
  const jar = parseJar(header, relayedNames(context));
  if (!jar.size) return undefined;
  const headers = new Headers(request.headers);
  const cookie = [headers.get('cookie'), serialize(jar)].filter(Boolean).join('; ');
  headers.set('cookie', cookie);
  return {request: new Request(request, {headers})};
}

/** After-hook: the answer carries the jar as this response leaves it. */
export const relayResponse = {
  matcher: () => true,
  handler: createAuthMiddleware(async (ctx) => {
    const names = relayedNames(ctx.context);
    const sent = ctx.headers?.get(RELAY_HEADER) ?? null;
    const jar = parseJar(sent, names);
    let changed = false;
    const setCookie = ctx.context.responseHeaders?.get('set-cookie');
    for (const [name, cookie] of setCookie ? parseSetCookieHeader(setCookie) : []) {
      if (!names.has(name)) continue;
      changed = true;
      if (!cookie.value || cookie['max-age'] === 0) jar.delete(name);
      else jar.set(name, cookie.value);
    }
    // Only to a client that relays (it sent the header) or that sends no cookies at all (a
    // bearer-mode client never does): a browser in cookie mode, which already sends the API's
    // cookies, keeps these HttpOnly — their values never reach the page's scripts.
    // The request as the client sent it: the bearer plugin adds the session's cookie to
    // ctx.headers from the Authorization header.
    const sentCookies = (ctx.request?.headers ?? ctx.headers)?.get('cookie');
    if (sent === null && (!changed || sentCookies)) return;
    ctx.setHeader(RELAY_HEADER, serialize(jar));
    const exposed = new Set((ctx.context.responseHeaders?.get('access-control-expose-headers') ?? '').split(',').map((h) => h.trim()).filter(Boolean));
    exposed.add(RELAY_HEADER);
    ctx.setHeader('Access-Control-Expose-Headers', [...exposed].join(', '));
  }),
};
