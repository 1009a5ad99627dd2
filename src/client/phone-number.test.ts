import {expect} from '@open-wc/testing';
import {expectAuthError} from './adapters/adapter-contract.js';
import {defaultPhoneRegion, formatPhoneNumber, tidyPhoneNumber, toE164} from './phone-number.js';
import {looksLikePhoneNumber} from './validation.js';

describe('phone numbers', () => {
  it('reads a number without its country code in the browser language\'s region by default', async () => {
    expect(navigator.language).to.equal('en-US');
    expect(defaultPhoneRegion()).to.equal('US');
    expect(await toE164('(415) 555-2671')).to.equal('+14155552671');
    expect(await toE164('020 7946 0958', 'GB')).to.equal('+442079460958');
    expect(await toE164('+44 20 7946 0958')).to.equal('+442079460958');
  });

  it('refuses what its country cannot have', async () => {
    for (const typed of ['555 12', '+1 555', '+44 20 7946 09581234', '']) await expectAuthError(toE164(typed), 'invalid_phone');
  });

  it('tidies a whole number as its country writes it, and leaves one that is not whole yet', async () => {
    expect(await tidyPhoneNumber('4155552671')).to.equal('(415) 555-2671');
    expect(await tidyPhoneNumber('+442079460958')).to.equal('+44 20 7946 0958');
    expect(await tidyPhoneNumber('415 55')).to.equal('415 55');
    expect(formatPhoneNumber('+14155552671')).to.equal('+1 415 555 2671');
  });

  it('tells a number from an email in a field that takes either', () => {
    for (const typed of ['+44 20 7946 0958', '(415) 555-2671', '415.555.2671']) expect(looksLikePhoneNumber(typed), typed).to.equal(true);
    for (const typed of ['ada@example.com', '12', 'ada', '415-ada', '']) expect(looksLikePhoneNumber(typed), typed).to.equal(false);
  });
});
