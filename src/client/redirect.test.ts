import {expect} from '@open-wc/testing';
import {safeRedirectUrl} from './redirect.js';

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
