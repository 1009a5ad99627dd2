/**
 * Checks a picked image file before anything is uploaded, by its bytes (never its name or
 * declared type): a raster format the API accepts, whole (a truncated file lacks its end marker),
 * within the size limit, and decodable by the browser. The API checks the bytes again.
 */
import {AuthError} from '../client/errors.js';
import type {ProfileImageRules} from '../client/types.js';

type Format = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) => prefix.every((byte, i) => bytes[at + i] === byte);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The format the first bytes say, or null (SVG, HTML, anything else). */
export function sniffFormat(head: Uint8Array): Format | null {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

/** Whether the file ends the way its format ends: a truncated download or a cut file does not. */
export function isWhole(format: Format, bytes: Uint8Array): boolean {
  const tail = bytes.subarray(Math.max(0, bytes.length - 32));
  const has = (marker: readonly number[]) => tail.some((_, i) => startsWith(tail, marker, i));
  switch (format) {
    case 'image/png':
      return has([...ascii('IEND'), 0xae, 0x42, 0x60, 0x82]);
    case 'image/jpeg':
      return has([0xff, 0xd9]);
    case 'image/gif':
      return bytes[bytes.length - 1] === 0x3b;
    case 'image/webp': {
      const declared = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
      return declared + 8 <= bytes.length;
    }
  }
}

/**
 * The decoded picture of `file`, or an AuthError: `image_too_large` over `rules.maxBytes`,
 * `invalid_image` for anything that is not a whole raster image of `rules.types`.
 */
export async function readImageFile(file: Blob, rules: ProfileImageRules): Promise<ImageBitmap> {
  if (file.size > rules.maxBytes) throw new AuthError('image_too_large');
  const bytes = new Uint8Array(await file.arrayBuffer());
  const format = sniffFormat(bytes.subarray(0, 16));
  if (!format || !rules.types.includes(format) || !isWhole(format, bytes)) throw new AuthError('invalid_image');
  try {
    return await createImageBitmap(new Blob([bytes], {type: format}));
  } catch (cause) {
    throw new AuthError('invalid_image', 'the browser could not decode the image', {cause});
  }
}
