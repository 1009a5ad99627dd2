import {expect} from '@open-wc/testing';
import type {AuthProvider} from '../elements/provider/provider.js';
import type {AuthSignIn} from '../elements/sign-in/sign-in.js';
import {ADA, clientFor, fixture, html, input, memoryAdapter, mount, settle, submit, title, type, waitUntil} from '../../test/helpers.js';
import {Localizer} from './localizer.js';
import {resolveLocale, SUPPORTED_LOCALES} from './locales.js';

const signIn = (template = html`<auth-sign-in></auth-sign-in>`) => mount<AuthSignIn>(clientFor(memoryAdapter()), template, 'auth-sign-in');
const providerOf = (el: Element) => el.closest<AuthProvider>('auth-provider')!;

describe('localization', () => {
  it('ships at least 20 languages, with Arabic and Hebrew', () => {
    expect(SUPPORTED_LOCALES.filter((locale) => locale !== 'en-XA').length).to.be.at.least(20);
    expect(SUPPORTED_LOCALES).to.include.members(['ar', 'he', 'ja', 'zh', 'ko', 'fr', 'es', 'de']);
  });

  it('ships the cards\' English built in, and loads the rest when an element needs it', async () => {
    const localizer = new Localizer();
    expect(localizer.t('signIn.title')).to.equal('Sign in');
    expect(localizer.has(['signIn', 'errors'])).to.equal(true);
    expect(localizer.has(['profile'])).to.equal(false);
    expect(localizer.t('profile.account.title')).to.equal('profile.account.title');
    // The cards' errors are there; the organizations' and the profile's come with the rest.
    expect(localizer.t('errors.invalid_credentials')).to.equal('The email or password is incorrect.');
    expect(localizer.t('errors.slug_taken')).to.equal('errors.slug_taken');
    let told = 0;
    localizer.subscribe(() => told++);
    await Promise.all([localizer.require(['profile']), localizer.require(['profile', 'reauth'])]);
    expect(localizer.has(['profile', 'reauth'])).to.equal(true);
    expect(localizer.t('profile.account.title')).to.equal('Account');
    expect(localizer.t('errors.slug_taken')).to.equal('This URL is taken. Choose another.');
    expect(told).to.equal(1);
  });

  it('keeps an integrator\'s English override when the rest of English loads', async () => {
    const localizer = new Localizer();
    localizer.setOverrides({en: {profile: {account: {title: 'Your account'}}, signIn: {title: 'Welcome'}}});
    await localizer.require(['profile']);
    expect(localizer.t('profile.account.title')).to.equal('Your account');
    expect(localizer.t('profile.account.email')).to.equal('Email address');
    expect(localizer.t('signIn.title')).to.equal('Welcome');
  });

  it('resolves regional and script tags to the language it has', () => {
    expect(resolveLocale('de-AT')).to.equal('de');
    expect(resolveLocale('zh-Hans-CN')).to.equal('zh');
    expect(resolveLocale('EN-xa')).to.equal('en-XA');
    expect(resolveLocale('tlh')).to.equal('en');
  });

  it('overrides one string deeply, per language, and takes it back at runtime', async () => {
    const el = await signIn();
    const provider = providerOf(el);
    provider.localization = {en: {signIn: {title: 'Welcome back'}}, de: {signIn: {title: 'Willkommen zurück'}}};
    await waitUntil(() => title(el) === 'Welcome back');
    expect(el.querySelector('label')!.textContent).to.equal('Email address');
    provider.locale = 'de';
    await waitUntil(() => title(el) === 'Willkommen zurück');
    expect(el.querySelector('label')!.textContent).to.equal('E-Mail-Adresse');
    provider.localization = undefined;
    await waitUntil(() => title(el) === 'Anmelden');
  });

  it('lets one element speak its own language and carry its own overrides', async () => {
    const provider = await fixture<AuthProvider>(html`<auth-provider .client=${clientFor(memoryAdapter())}>
      <auth-sign-in id="french" locale="fr"></auth-sign-in>
      <auth-sign-in id="custom" .localization=${{en: {signIn: {subtitle: 'Use your work email.'}}}}></auth-sign-in>
      <auth-sign-in id="plain"></auth-sign-in>
    </auth-provider>`);
    const [french, custom, plain] = ['#french', '#custom', '#plain'].map((id) => provider.querySelector<AuthSignIn>(id)!);
    await waitUntil(() => title(french) === 'Connexion', `French title was ${title(french)}`);
    expect(french.lang).to.equal('fr');
    expect(title(plain)).to.equal('Sign in');
    expect(custom.shadowRoot!.querySelector('[part="header-subtitle"]')!.textContent).to.equal('Use your work email.');
    expect(plain.shadowRoot!.querySelector('[part="header-subtitle"]')!.textContent).to.equal('Welcome back! Sign in to continue.');
  });

  it('follows <html lang> as it changes when the provider has no locale', async () => {
    const previous = document.documentElement.lang;
    try {
      const el = await signIn();
      document.documentElement.lang = 'es';
      await waitUntil(() => title(el) === 'Iniciar sesión', `title was ${title(el)}`);
      document.documentElement.lang = 'ja';
      await waitUntil(() => el.lang === 'ja');
    } finally {
      document.documentElement.lang = previous;
    }
  });

  it('mirrors the layout right-to-left for Arabic', async () => {
    const el = await signIn();
    type(input(el, 'email'), ADA.email);
    await submit(el);
    const ltr = {
      label: el.querySelector('label')!.getBoundingClientRect(),
      forgot: el.querySelector('[part="forgot-password-link"]')!.getBoundingClientRect(),
      toggle: el.querySelector('[part="form-field-toggle"]')!.getBoundingClientRect(),
      input: input(el, 'password').getBoundingClientRect(),
    };
    expect(ltr.forgot.left).to.be.greaterThan(ltr.label.right);
    expect(ltr.toggle.right).to.be.closeTo(ltr.input.right, 2);

    providerOf(el).locale = 'ar';
    await waitUntil(() => el.dir === 'rtl');
    await settle(el);
    const label = el.querySelector('label')!.getBoundingClientRect();
    const forgot = el.querySelector('[part="forgot-password-link"]')!.getBoundingClientRect();
    const toggle = el.querySelector('[part="form-field-toggle"]')!.getBoundingClientRect();
    const field = input(el, 'password').getBoundingClientRect();
    const button = el.querySelector('[part="primary-button"]')!;
    expect(forgot.right).to.be.lessThan(label.left);
    expect(toggle.left).to.be.closeTo(field.left, 2);
    expect(getComputedStyle(button).direction).to.equal('rtl');
    expect(getComputedStyle(el.shadowRoot!.querySelector('h1')!).direction).to.equal('rtl');
    await expect(el).to.be.accessible();
  });

  it('lets the provider force a direction', async () => {
    const el = await signIn();
    providerOf(el).setAttribute('dir', 'rtl');
    await waitUntil(() => el.dir === 'rtl');
    expect(el.lang).to.equal('en');
    providerOf(el).removeAttribute('dir');
    await waitUntil(() => el.dir === 'ltr');
  });

  it('formats numbers and plurals through Intl', async () => {
    const el = await signIn();
    const localizer = providerOf(el).localizer;
    expect(localizer.t('errors.rate_limited_wait', {count: 1})).to.equal('Too many attempts. Try again in 1 second.');
    expect(localizer.t('errors.rate_limited_wait', {count: 30})).to.equal('Too many attempts. Try again in 30 seconds.');
    await localizer.setLanguage('de');
    const date = new Date(Date.UTC(2026, 10, 22, 12));
    expect(localizer.t('userButton.memberSince', {date, formatParams: {date: {dateStyle: 'medium'}}})).to.equal('Mitglied seit 22.11.2026');
    // Numbers are written the language's way: German groups thousands with a dot.
    expect(localizer.t('errors.rate_limited_wait', {count: 1200})).to.contain('1.200 Sekunden');
    await localizer.setLanguage('ru');
    expect(localizer.t('errors.rate_limited_wait', {count: 5})).to.contain('5').and.not.equal(localizer.t('errors.rate_limited_wait', {count: 1}));
  });
});

describe('plural rules in text', () => {
  it('picks each language\'s plural form, and falls back to the one form a language ships', async () => {
    const el = await signIn();
    const localizer = providerOf(el).localizer;
    expect(localizer.t('password.rule.min-length', {count: 1})).to.equal('At least 1 character');
    expect(localizer.t('password.rule.min-length', {count: 8})).to.equal('At least 8 characters');
    await localizer.setLanguage('pl');
    expect(localizer.t('password.rule.min-length', {count: 3})).to.equal('Co najmniej 3 znaki');
    expect(localizer.t('password.rule.min-length', {count: 8})).to.equal('Co najmniej 8 znaków');
    await localizer.setLanguage('de');
    expect(localizer.t('password.rule.min-length', {count: 8})).to.equal('Mindestens 8 Zeichen');
  });
});
