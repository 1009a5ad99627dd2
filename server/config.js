/**
 * Settings the server refuses to start without, checked before it binds a port.
 */

/** Shortest BETTER_AUTH_SECRET a production server accepts. */
export const SECRET_MIN_LENGTH = 32;

/** A setting the server cannot start without; `message` is meant for the operator as is. */
export class ConfigurationError extends Error {
  name = 'ConfigurationError';
}

/**
 * Refuses to run in production without a proper secret (better-auth would fail on the first
 * request, or sign cookies with its public default).
 * @param {{production: boolean, secret?: string}} options
 */
export function checkSecret({production, secret}) {
  if (!production || process.env.BETTER_AUTH_SECRETS) return; // versioned secrets: better-auth checks them
  const problem = !secret ? 'is not set' : secret.length < SECRET_MIN_LENGTH ? `is too short (${secret.length} characters, at least ${SECRET_MIN_LENGTH} needed)` : '';
  if (!problem) return;
  throw new ConfigurationError(
    `BETTER_AUTH_SECRET ${problem}. In production the server needs a random secret of at least ${SECRET_MIN_LENGTH} characters to sign sessions and tokens.\n` +
      `Make one with \`openssl rand -base64 32\` and start the server with BETTER_AUTH_SECRET=<that value> (or pass \`secret\` to createAuth).`,
  );
}
