/**
 * Profile images for the kit's better-auth plugin: checked by their bytes, re-encoded with
 * `sharp` (an optional peer dependency, loaded when the first image arrives), stored in the
 * database (table `profileImage`) and served by the API.
 *
 *   POST {basePath}/auth-elements/profile-image         the image bytes (application/octet-stream),
 *                                                      session → {user} with user.image = its URL
 *   POST {basePath}/auth-elements/profile-image/remove  session → {user} with user.image = null
 *   GET  {basePath}/auth-elements/profile-image/:id     the stored image (public, immutable)
 *
 * Only raster PNG, JPEG, WebP and GIF are accepted, recognized by their first bytes before
 * anything decodes them (an SVG, or HTML renamed .png, never reaches sharp). A file that does not
 * decode completely (truncated) is refused; the rest becomes a square WebP of at most
 * MAX_SIDE pixels without metadata (no EXIF, no GPS position). Errors: 400 INVALID_IMAGE,
 * 413 IMAGE_TOO_LARGE.
 */
import {APIError, createAuthEndpoint, sessionMiddleware} from 'better-auth/api';
import {setSessionCookie} from 'better-auth/cookies';
import {ConfigurationError} from './config.js';

export const PROFILE_IMAGE_PATH = '/auth-elements/profile-image';
export const PROFILE_IMAGE_MAX_BYTES = 2 * 1024 * 1024;
export const PROFILE_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];
/** Side of the stored square image, in pixels (smaller images are not enlarged). */
export const MAX_SIDE = 512;
/** Larger pictures are refused before decoding (a "decompression bomb" guard). */
const MAX_INPUT_PIXELS = 50_000_000;
const MODEL = 'profileImage';

/** The database table the plugin adds (better-auth's schema format). */
export const profileImageSchema = {
  [MODEL]: {
    fields: {
      userId: {type: 'string', required: true, index: true, references: {model: 'user', field: 'id', onDelete: 'cascade'}},
      contentType: {type: 'string', required: true},
      /** The encoded image, base64. */
      data: {type: 'string', required: true},
      createdAt: {type: 'date', required: true},
    },
  },
};

/**
 * The format the first bytes say, or null: only the four raster formats are recognized.
 * @param {Uint8Array} bytes
 * @returns {'png' | 'jpeg' | 'gif' | 'webp' | null}
 */
export function sniffImageType(bytes) {
  const starts = (/** @type {number[]} */ signature, offset = 0) => signature.every((byte, i) => bytes[offset + i] === byte);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts([0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts([0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return 'gif';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  return null;
}

/** @type {Promise<any> | undefined} */
let sharpModule;
const loadSharp = () =>
  (sharpModule ??= import('sharp').then(
    (module) => module.default ?? module,
    (error) => {
      sharpModule = undefined;
      if (/** @type {{code?: string}} */ (error).code === 'ERR_MODULE_NOT_FOUND') {
        throw new ConfigurationError('Profile images need the `sharp` package, which is not installed. Install it next to auth-elements: npm install sharp');
      }
      throw error;
    },
  ));

const invalid = (/** @type {string} */ message) => new APIError('BAD_REQUEST', {code: 'INVALID_IMAGE', message});
const tooLarge = (/** @type {number} */ maxBytes) =>
  new APIError('PAYLOAD_TOO_LARGE', {code: 'IMAGE_TOO_LARGE', message: `The image is larger than ${maxBytes} bytes`});

/**
 * Checks and re-encodes an uploaded image: a square WebP, metadata stripped.
 * @param {Uint8Array} bytes
 * @param {{maxBytes: number, types: string[]}} rules
 * @returns {Promise<{data: Buffer, contentType: string}>}  or throws INVALID_IMAGE / IMAGE_TOO_LARGE
 */
export async function processProfileImage(bytes, {maxBytes, types}) {
  if (bytes.byteLength > maxBytes) throw tooLarge(maxBytes);
  const format = sniffImageType(bytes);
  if (!format || !types.includes(`image/${format}`)) throw invalid('Not a PNG, JPEG, WebP or GIF image');
  const sharp = await loadSharp();
  try {
    // failOn 'truncated': a file cut short fails instead of decoding to a partly grey picture.
    const options = {failOn: 'truncated', limitInputPixels: MAX_INPUT_PIXELS, pages: 1};
    const metadata = await sharp(bytes, options).metadata();
    if (metadata.format !== format) throw invalid(`The file says ${format} but decodes as ${metadata.format}`);
    const data = await sharp(bytes, options)
      .rotate() // the EXIF orientation, applied before the metadata goes
      .resize(MAX_SIDE, MAX_SIDE, {fit: 'cover', withoutEnlargement: true})
      .webp({quality: 82})
      .toBuffer();
    return {data, contentType: 'image/webp'};
  } catch (error) {
    if (error instanceof APIError) throw error;
    throw invalid('The image could not be decoded');
  }
}

/**
 * The endpoints and the request guard, for the plugin.
 * @param {{maxBytes?: number}} [options]
 */
export function profileImages({maxBytes = PROFILE_IMAGE_MAX_BYTES} = {}) {
  const rules = {maxBytes, types: PROFILE_IMAGE_TYPES};
  /** @param {any} ctx  @param {string} userId */
  const removeImages = async (ctx, userId) => {
    await ctx.context.adapter.deleteMany({model: MODEL, where: [{field: 'userId', value: userId}]});
  };
  /** @param {any} ctx  @param {string | null} image */
  const setUserImage = async (ctx, image) => {
    const {session} = ctx.context.session;
    const user = (await ctx.context.internalAdapter.updateUser(session.userId, {image})) ?? {...ctx.context.session.user, image};
    await setSessionCookie(ctx, {session, user});
    return user;
  };

  return {
    rules,
    /**
     * Refuses an upload whose Content-Length is over the limit before the body is read.
     * @param {Request} request
     */
    onRequest(request) {
      if (request.method !== 'POST' || !new URL(request.url).pathname.endsWith(PROFILE_IMAGE_PATH)) return;
      const length = Number(request.headers.get('content-length'));
      if (length > maxBytes) {
        return {
          response: new Response(JSON.stringify({code: 'IMAGE_TOO_LARGE', message: `The image is larger than ${maxBytes} bytes`}), {
            status: 413,
            headers: {'content-type': 'application/json'},
          }),
        };
      }
    },
    endpoints: {
      authElementsUploadProfileImage: createAuthEndpoint(
        PROFILE_IMAGE_PATH,
        {method: 'POST', use: [sessionMiddleware], metadata: {allowedMediaTypes: ['application/octet-stream']}},
        async (ctx) => {
          const body = /** @type {unknown} */ (ctx.body);
          if (!(body instanceof ArrayBuffer)) throw invalid('Send the image bytes as application/octet-stream');
          const {data, contentType} = await processProfileImage(new Uint8Array(body), rules);
          const userId = ctx.context.session.session.userId;
          await removeImages(ctx, userId);
          const stored = await ctx.context.adapter.create({
            model: MODEL,
            data: {userId, contentType, data: data.toString('base64'), createdAt: new Date()},
          });
          const user = await setUserImage(ctx, `${ctx.context.baseURL}${PROFILE_IMAGE_PATH}/${stored.id}`);
          return ctx.json({user});
        },
      ),
      authElementsRemoveProfileImage: createAuthEndpoint(`${PROFILE_IMAGE_PATH}/remove`, {method: 'POST', use: [sessionMiddleware]}, async (ctx) => {
        await removeImages(ctx, ctx.context.session.session.userId);
        return ctx.json({user: await setUserImage(ctx, null)});
      }),
      authElementsProfileImage: createAuthEndpoint(`${PROFILE_IMAGE_PATH}/:id`, {method: 'GET'}, async (ctx) => {
        const id = String(ctx.params?.id ?? '');
        const image = id && (await ctx.context.adapter.findOne({model: MODEL, where: [{field: 'id', value: id}]}));
        if (!image) throw new APIError('NOT_FOUND', {code: 'NOT_FOUND', message: 'No such image'});
        return new Response(Buffer.from(image.data, 'base64'), {
          headers: {
            'Content-Type': image.contentType,
            'X-Content-Type-Options': 'nosniff',
            'Content-Security-Policy': "default-src 'none'; sandbox",
            'Cross-Origin-Resource-Policy': 'cross-origin',
            // A new upload gets a new id: an image never changes at its URL.
            'Cache-Control': 'public, max-age=31536000, immutable',
          },
        });
      }),
    },
  };
}
