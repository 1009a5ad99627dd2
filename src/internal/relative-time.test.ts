import {expect} from '@open-wc/testing';
import {absoluteTime, relativeTime} from './relative-time.js';

const NOW = Date.UTC(2025, 4, 12, 14, 0, 0);
const ago = (seconds: number) => new Date(NOW - seconds * 1000);

describe('relativeTime', () => {
  it('says how long ago in the largest whole unit, in the language given', () => {
    expect(relativeTime(ago(10), 'en', NOW)).to.equal('now');
    expect(relativeTime(ago(50), 'en', NOW)).to.equal('50 seconds ago');
    expect(relativeTime(ago(5 * 60), 'en', NOW)).to.equal('5 minutes ago');
    expect(relativeTime(ago(2 * 3600), 'en', NOW)).to.equal('2 hours ago');
    expect(relativeTime(ago(26 * 3600), 'en', NOW)).to.equal('yesterday');
    expect(relativeTime(ago(15 * 86400), 'en', NOW)).to.equal('2 weeks ago');
    expect(relativeTime(ago(70 * 86400), 'en', NOW)).to.equal('2 months ago');
    expect(relativeTime(ago(800 * 86400), 'en', NOW)).to.equal('2 years ago');
    expect(relativeTime(ago(2 * 3600), 'de', NOW)).to.equal('vor 2 Stunden');
    expect(relativeTime(ago(3 * 86400), 'ja', NOW)).to.equal('3 日前');
  });

  it('gives the full date and time for a title', () => {
    expect(absoluteTime(new Date(NOW), 'en')).to.match(/May 12, 2025/);
  });
});
