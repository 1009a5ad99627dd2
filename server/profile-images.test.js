// Profile images on the reference server: the bytes decide, never the name or the declared type.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import {testServer} from './fixtures/test-server.js';
import {sniffImageType} from './profile-images.js';

const server = await testServer();

/** A photo-like PNG (a gradient, so it compresses like a picture). */
const png = (width = 900, height = 600) =>
  sharp({create: {width, height, channels: 3, background: {r: 200, g: 40, b: 90}}})
    .composite([{input: Buffer.from(`<svg width="${width}" height="${height}"><rect width="50%" height="50%" fill="#08f"/></svg>`), top: 0, left: 0}])
    .png()
    .toBuffer();

/** @param {string} token @param {BodyInit} body */
const upload = (token, body, headers = {}) =>
  server.call('/auth-elements/profile-image', {token, body, headers: {'content-type': 'application/octet-stream', ...headers}});

const session = async (/** @type {string} */ token) => (await (await server.call('/get-session', {token})).json());

test('a real PNG is accepted, stored, re-encoded and served with its real type and nosniff', async () => {
  const {token} = await server.user('Pia');
  const res = await upload(token, await png());
  assert.equal(res.status, 200, await res.clone().text());
  const {user} = await res.json();
  assert.match(user.image, /^http:\/\/127\.0\.0\.1:1\/api\/auth\/auth-elements\/profile-image\/[\w-]+$/);
  assert.equal((await session(token)).user.image, user.image);

  const served = await server.auth.handler(new Request(user.image));
  assert.equal(served.status, 200);
  assert.equal(served.headers.get('content-type'), 'image/webp');
  assert.equal(served.headers.get('x-content-type-options'), 'nosniff');
  assert.match(served.headers.get('content-security-policy') ?? '', /default-src 'none'/);
  assert.match(served.headers.get('cache-control') ?? '', /max-age=\d+/);
  const bytes = Buffer.from(await served.arrayBuffer());
  const meta = await sharp(bytes).metadata();
  assert.equal(meta.format, 'webp');
  assert.equal(meta.width, 512);
  assert.equal(meta.height, 512);
});

test('metadata such as a GPS position is stripped', async () => {
  const {token} = await server.user('Geo');
  const jpeg = await sharp(await png(300, 300))
    .jpeg()
    .withExif({IFD0: {Copyright: 'Someone'}, IFD3: {GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 24/1'}})
    .toBuffer();
  assert.ok((await sharp(jpeg).metadata()).exif, 'the upload has EXIF');
  const {user} = await (await upload(token, jpeg)).json();
  const stored = Buffer.from(await (await server.auth.handler(new Request(user.image))).arrayBuffer());
  const meta = await sharp(stored).metadata();
  assert.equal(meta.exif, undefined);
  assert.equal(meta.width, 300, 'smaller images are not enlarged');
  assert.ok(!stored.includes('Someone'));
});

test('an SVG is refused before anything decodes it', async () => {
  const {token} = await server.user('Sven');
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>';
  for (const headers of [{}, {'content-type': 'application/octet-stream'}]) {
    const res = await upload(token, svg, headers);
    assert.equal(res.status, 400);
    assert.equal((await res.json()).code, 'INVALID_IMAGE');
  }
  assert.equal(sniffImageType(new TextEncoder().encode(svg)), null);
  assert.equal((await session(token)).user.image, null);
});

test('an HTML file renamed .png, and a PNG header on other bytes, are refused', async () => {
  const {token} = await server.user('Hugo');
  const html = await upload(token, '<!doctype html><html><body><script>alert(1)</script></body></html>');
  assert.equal(html.status, 400);
  assert.equal((await html.json()).code, 'INVALID_IMAGE');
  const fakePng = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('<html>not really</html>')]);
  const fake = await upload(token, fakePng);
  assert.equal(fake.status, 400);
  assert.equal((await fake.json()).code, 'INVALID_IMAGE');
});

test('a truncated JPEG is refused', async () => {
  const {token} = await server.user('Tom');
  const jpeg = await sharp(await png(400, 400)).jpeg().toBuffer();
  const res = await upload(token, jpeg.subarray(0, Math.floor(jpeg.length / 2)));
  assert.equal(res.status, 400);
  assert.equal((await res.json()).code, 'INVALID_IMAGE');
  assert.equal((await session(token)).user.image, null);
});

test('an image over the limit is refused with IMAGE_TOO_LARGE, declared or not', async () => {
  const small = await testServer({});
  const {token} = await small.user('Big');
  const big = Buffer.concat([await png(), Buffer.alloc(2 * 1024 * 1024)]);
  const res = await small.call('/auth-elements/profile-image', {token, body: big, headers: {'content-type': 'application/octet-stream'}});
  assert.equal(res.status, 413);
  assert.equal((await res.json()).code, 'IMAGE_TOO_LARGE');
  // Streamed without a Content-Length: the handler counts the bytes itself.
  const stream = new Blob([big]).stream();
  const chunked = await small.auth.handler(
    new Request('http://127.0.0.1:1/api/auth/auth-elements/profile-image', {
      method: 'POST',
      headers: {origin: 'http://127.0.0.1:1', authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream'},
      body: stream,
      duplex: 'half',
    }),
  );
  assert.equal(chunked.status, 413);
  assert.equal((await chunked.json()).code, 'IMAGE_TOO_LARGE');
});

test('an upload needs a session', async () => {
  const res = await upload('', await png(10, 10));
  assert.equal(res.status, 401);
});

test('removing the image deletes it and clears user.image; a new upload gets a new URL', async () => {
  const {token} = await server.user('Rem');
  const first = (await (await upload(token, await png(64, 64))).json()).user.image;
  const second = (await (await upload(token, await png(80, 80))).json()).user.image;
  assert.notEqual(first, second);
  assert.equal((await server.auth.handler(new Request(first))).status, 404, 'the replaced image is gone');
  const removed = await server.call('/auth-elements/profile-image/remove', {token, json: {}});
  assert.equal(removed.status, 200);
  assert.equal((await removed.json()).user.image, null);
  assert.equal((await session(token)).user.image, null);
  assert.equal((await server.auth.handler(new Request(second))).status, 404);
});
