import {expect} from '@open-wc/testing';
import {organizationUrl, safeLinkTarget, safeRedirectUrl} from './redirect.js';

describe('safeRedirectUrl', () => {
  const policy = {base: 'https://app.example.com/account/sign-in?x=1', allowedOrigins: ['https://docs.example.com/']};

  it('resolves relative targets against the page and keeps same-origin ones', () => {
    expect(safeRedirectUrl('/dashboard', policy)).to.equal('https://app.example.com/dashboard');
    expect(safeRedirectUrl('#done', policy)).to.equal('https://app.example.com/account/sign-in?x=1#done');
    expect(safeRedirectUrl('https://app.example.com/a?b=c', policy)).to.equal('https://app.example.com/a?b=c');
  });

  it('allows allowlisted origins', () => {
    expect(safeRedirectUrl('https://docs.example.com/start', policy)).to.equal('https://docs.example.com/start');
  });

  it('refuses other origins, other schemes and tricks', () => {
    for (const target of [
      'https://evil.example/',
      '//evil.example/path',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'https://app.example.com.evil.example/',
      'https://app.example.com@evil.example/',
      'http://app.example.com/',
      '/\\evil.example',
      '',
    ]) {
      expect(safeRedirectUrl(target, policy), target).to.equal(null);
    }
    expect(safeRedirectUrl(null, policy)).to.equal(null);
  });
});

describe('safeLinkTarget', () => {
  const policy = {base: 'https://app.example.com/account/sign-in?x=1', allowedOrigins: ['https://docs.example.com/']};

  it('keeps an allowed target as written, for the browser to resolve when it is followed', () => {
    expect(safeLinkTarget('#sign-up', policy)).to.equal('#sign-up');
    expect(safeLinkTarget('/sign-up', policy)).to.equal('/sign-up');
    expect(safeLinkTarget('https://docs.example.com/start', policy)).to.equal('https://docs.example.com/start');
  });

  it('refuses what a redirect refuses', () => {
    for (const target of ['https://evil.example/', '//evil.example/path', 'javascript:alert(1)', '/\\evil.example', '']) {
      expect(safeLinkTarget(target, policy), target).to.equal(null);
    }
  });
});

describe('organizationUrl', () => {
  it('puts the slug and id in, URL-encoded, and leaves other text alone', () => {
    const organization = {id: 'a/b?c', slug: 'engines'};
    expect(organizationUrl('/orgs/:slug/members?from=:id', organization)).to.equal('/orgs/engines/members?from=a%2Fb%3Fc');
    expect(organizationUrl('/orgs/:slugged', organization)).to.equal('/orgs/:slugged');
    expect(organizationUrl('/dashboard', organization)).to.equal('/dashboard');
  });
});
