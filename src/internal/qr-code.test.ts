import {expect} from '@open-wc/testing';
import {generate} from 'lean-qr/nano';
import {modulePath} from './qr-code.js';

/** The modules a path paints, read back from its `M x y h n v1 h-n z` runs (the quiet zone taken off). */
function painted(path: string, size: number): boolean[][] {
  const grid = Array.from({length: size}, () => Array<boolean>(size).fill(false));
  for (const [, x, y, run] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
    for (let i = 0; i < Number(run); i++) grid[Number(y) - 4][Number(x) - 4 + i] = true;
  }
  return grid;
}

describe('modulePath (the QR code drawn as an SVG path)', () => {
  it('paints exactly the dark modules of the code, inside a four-module quiet zone', () => {
    const code = generate('otpauth://totp/Auth%20Elements:ada%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Auth%20Elements');
    const path = modulePath(code);
    const expected = Array.from({length: code.size}, (_, y) => Array.from({length: code.size}, (_, x) => code.get(x, y)));
    expect(painted(path, code.size)).to.deep.equal(expected);
    // Nothing outside the runs the pattern reads.
    expect(path.replace(/M\d+ \d+h(\d+)v1h-\1z/g, '')).to.equal('');
  });
});
