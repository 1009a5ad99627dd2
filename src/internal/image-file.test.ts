import {expect} from '@open-wc/testing';
import {AuthError} from '../client/errors.js';
import {readImageFile, sniffFormat} from './image-file.js';

const RULES = {maxBytes: 2 * 1024 * 1024, types: ['image/png', 'image/jpeg', 'image/webp', 'image/gif']};

async function drawn(type: 'image/png' | 'image/jpeg' | 'image/webp'): Promise<Blob> {
  const canvas = new OffscreenCanvas(40, 30);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#7c3aed';
  context.fillRect(0, 0, 40, 30);
  return canvas.convertToBlob({type, quality: 0.9});
}

async function refusal(file: Blob, rules = RULES): Promise<string> {
  try {
    await readImageFile(file, rules);
  } catch (error) {
    expect(error).to.be.instanceOf(AuthError);
    return (error as AuthError).code;
  }
  throw new Error('accepted');
}

describe('readImageFile (a picked profile image, checked before upload)', () => {
  for (const type of ['image/png', 'image/jpeg', 'image/webp'] as const) {
    it(`accepts a whole ${type} and decodes it`, async () => {
      const bitmap = await readImageFile(await drawn(type), RULES);
      expect([bitmap.width, bitmap.height]).to.deep.equal([40, 30]);
    });
  }

  it('refuses an SVG, whatever its name or declared type', async () => {
    const svg = new File(['<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'], 'me.png', {type: 'image/png'});
    expect(await refusal(svg)).to.equal('invalid_image');
  });

  it('refuses an HTML file renamed .png', async () => {
    expect(await refusal(new File(['<!doctype html><img src=x onerror=alert(1)>'], 'me.png', {type: 'image/png'}))).to.equal('invalid_image');
  });

  it('refuses a truncated JPEG and a truncated PNG', async () => {
    for (const type of ['image/jpeg', 'image/png'] as const) {
      const whole = await drawn(type);
      expect(await refusal(whole.slice(0, Math.floor(whole.size * 0.7), type)), type).to.equal('invalid_image');
    }
  });

  it('refuses a file over the limit, and a format the API does not take', async () => {
    const png = await drawn('image/png');
    expect(await refusal(png, {...RULES, maxBytes: png.size - 1})).to.equal('image_too_large');
    expect(await refusal(png, {...RULES, types: ['image/jpeg']})).to.equal('invalid_image');
  });

  it('knows the formats by their first bytes', () => {
    expect(sniffFormat(new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61]))).to.equal('image/gif');
    expect(sniffFormat(new TextEncoder().encode('<?xml version="1.0"?><svg'))).to.equal(null);
  });
});
