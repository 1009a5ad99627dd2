/**
 * The client's address, as the rate limiter sees it.
 *
 * By default that is the TCP peer (`req.socket.remoteAddress`): a header a client sends can say
 * anything, so no header is believed unless the operator names one (`trustedProxyHeader`, env
 * TRUSTED_PROXY_HEADER) because the server sits behind a proxy that sets it. Then the address is
 * the header's rightmost entry, the one that proxy appended (entries further left came from the
 * client and may be forged).
 *
 * The result travels to better-auth in CLIENT_IP_HEADER, the only header it is configured to read.
 * The Node middleware deletes any copy an incoming request carries before setting it.
 */
import {isIP} from 'node:net';
import {ConfigurationError} from './config.js';

/** Private request header that carries the computed client address to better-auth. */
export const CLIENT_IP_HEADER = 'x-auth-elements-client-ip';

/**
 * One address from a forwarding header entry: `1.2.3.4`, `1.2.3.4:5678`, `[::1]:5678`, `::1`.
 * @param {string} entry
 * @returns {string | undefined}
 */
function parseAddress(entry) {
  let value = entry.trim();
  if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  return isIP(value) ? value : undefined;
}

/**
 * @param {string | undefined} value  the header's name as configured (any case), or empty
 * @returns {string | undefined}      lowercase header name, or undefined when none is trusted
 */
export function normalizeProxyHeader(value) {
  const name = value?.trim().toLowerCase();
  if (!name) return undefined;
  if (!/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(name)) throw new ConfigurationError(`trustedProxyHeader: "${value}" is not a header name`);
  if (name === CLIENT_IP_HEADER) throw new ConfigurationError(`trustedProxyHeader: "${value}" is the server's private header`);
  return name;
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {string} [trustedProxyHeader]  lowercase header name set by a trusted proxy
 * @returns {string | undefined}
 */
export function clientAddress(req, trustedProxyHeader) {
  if (trustedProxyHeader) {
    const raw = req.headers[trustedProxyHeader];
    const joined = Array.isArray(raw) ? raw.join(',') : raw;
    const rightmost = joined?.split(',').map((entry) => entry.trim()).filter(Boolean).at(-1);
    const address = rightmost ? parseAddress(rightmost) : undefined;
    // No (valid) header: the request did not come through the proxy; fall back to the peer.
    if (address) return address;
  }
  return req.socket?.remoteAddress || undefined;
}

/**
 * Replaces any incoming CLIENT_IP_HEADER with the address computed here.
 * @param {import('node:http').IncomingMessage} req
 * @param {string} [trustedProxyHeader]
 */
export function stampClientAddress(req, trustedProxyHeader) {
  delete req.headers[CLIENT_IP_HEADER];
  const address = clientAddress(req, trustedProxyHeader);
  if (address) req.headers[CLIENT_IP_HEADER] = address;
}
