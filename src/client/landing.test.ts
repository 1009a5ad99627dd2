import {expect} from '@open-wc/testing';
import {land} from '../../test/helpers.js';
import {hasLanding} from './landing-params.js';
import {resetLandingForTests, takeLanding} from './landing.js';

describe('the landing a page came back with', () => {
  const original = location.href;
  afterEach(() => {
    history.replaceState(null, '', original);
    resetLandingForTests();
  });

  it('leaves the address bar the moment the kit looks, keeping the page\'s own parameters', () => {
    land({'auth-link': 'a-token', keep: 'yes'});
    expect(hasLanding()).to.equal(true);
    const params = new URL(location.href).searchParams;
    expect(params.has('auth-link')).to.equal(false);
    expect(params.get('keep')).to.equal('yes');
  });

  it('survives the page rewriting its address before the card takes it (a router, a signed-out page going to "/")', () => {
    land({'auth-provider': 'github', error: 'access_denied', error_description: 'No'});
    expect(hasLanding()).to.equal(true);
    history.replaceState(null, '', '/');
    expect(hasLanding()).to.equal(true);
    expect(takeLanding()).to.deep.equal({kind: 'provider', provider: 'github', error: 'access_denied'});
  });

  it('is taken once', () => {
    land({'auth-link': 'a-token'});
    expect(takeLanding()).to.deep.equal({kind: 'link', token: 'a-token'});
    expect(hasLanding()).to.equal(false);
    expect(takeLanding()).to.equal(null);
  });

  it('is none on a page without one, and a later address is not read again', () => {
    expect(hasLanding()).to.equal(false);
    history.replaceState(null, '', `${location.pathname}?auth-link=late`);
    expect(takeLanding()).to.equal(null);
  });
});
