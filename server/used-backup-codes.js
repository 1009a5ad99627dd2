/**
 * Used backup codes, part of the kit's better-auth plugin. better-auth's twoFactor plugin drops a
 * backup code from the list once it signed in, so a second use answers INVALID_BACKUP_CODE like
 * a code that never existed. The kit remembers which codes were used (their SHA-256, column
 * `twoFactor.usedBackupCodes`) and answers a second use with 401 BACKUP_CODE_USED, so the
 * sign-in can say "that code was already used" instead of "that code isn't right". New backup
 * codes start the list over (the old codes are then simply wrong).
 */
import {APIError, createAuthMiddleware, getSessionFromCtx, isAPIError} from 'better-auth/api';

const VERIFY = '/two-factor/verify-backup-code';
const REGENERATE = '/two-factor/generate-backup-codes';

/** The column the kit adds to the twoFactor plugin's table. */
export const usedBackupCodesSchema = {twoFactor: {fields: {usedBackupCodes: {type: /** @type {const} */ ('string'), required: false, input: false, returned: false}}}};

/** @param {string} code */
async function digest(code) {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(code)));
  return Buffer.from(bytes).toString('base64url');
}

/**
 * Whose second step this is: the signed-in user, or the one the two-factor cookie names.
 * @param {any} ctx
 * @returns {Promise<string | undefined>}
 */
async function userOf(ctx) {
  const session = await getSessionFromCtx(ctx).catch(() => null);
  if (session) return session.user.id;
  const identifier = await ctx.getSignedCookie(ctx.context.createAuthCookie('two_factor').name, ctx.context.secret);
  if (!identifier) return undefined;
  return (await ctx.context.internalAdapter.findVerificationValue(identifier))?.value;
}

/** @param {any} ctx @param {string} userId */
const twoFactorRow = (ctx, userId) => ctx.context.adapter.findOne({model: 'twoFactor', where: [{field: 'userId', value: userId}]});

/** @param {any} ctx @param {string} id @param {string[]} used */
const saveUsed = (ctx, id, used) => ctx.context.adapter.update({model: 'twoFactor', where: [{field: 'id', value: id}], update: {usedBackupCodes: JSON.stringify(used)}});

/** @param {unknown} value @returns {string[]} */
function parseUsed(value) {
  try {
    const list = JSON.parse(typeof value === 'string' ? value : '[]');
    return Array.isArray(list) ? list.filter((item) => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

/** After-hook on verify-backup-code (records a use, or tells a reuse) and generate-backup-codes (starts over). */
export const usedBackupCodes = {
  /** @param {{path?: string}} context */
  matcher: (context) => context.path === VERIFY || context.path === REGENERATE,
  handler: createAuthMiddleware(async (ctx) => {
    const returned = ctx.context.returned;
    const failed = isAPIError(returned);
    if (ctx.path === REGENERATE) {
      const session = failed ? null : await getSessionFromCtx(ctx).catch(() => null);
      const row = session && (await twoFactorRow(ctx, session.user.id));
      if (row) await saveUsed(ctx, row.id, []);
      return;
    }
    const code = /** @type {{code?: unknown} | undefined} */ (ctx.body)?.code;
    if (typeof code !== 'string') return;
    if (failed && /** @type {any} */ (returned).body?.code !== 'INVALID_BACKUP_CODE') return;
    // On success the answer names the user (a sign-in's session cookie is not readable yet).
    const userId = failed ? await userOf(ctx) : /** @type {any} */ (returned)?.user?.id;
    const row = userId && (await twoFactorRow(ctx, userId));
    if (!row) return;
    const used = parseUsed(row.usedBackupCodes);
    const hash = await digest(code);
    if (!failed) {
      if (!used.includes(hash)) await saveUsed(ctx, row.id, [...used, hash]);
      return;
    }
    if (used.includes(hash)) throw new APIError('UNAUTHORIZED', {code: 'BACKUP_CODE_USED', message: 'This backup code was already used'});
  }),
};
