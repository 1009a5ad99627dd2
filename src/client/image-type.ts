/**
 * The raster image type a file's first bytes say (`image/png`, `image/jpeg`, `image/gif`,
 * `image/webp`), or null for anything else (SVG, HTML, …). The name and declared type of a file
 * prove nothing; the reference server checks the same signatures before decoding.
 */
export function sniffImageType(bytes: Uint8Array): string | null {
  const starts = (signature: number[], offset = 0) => signature.every((byte, i) => bytes[offset + i] === byte);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return 'image/gif';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}
