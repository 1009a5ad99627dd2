// The demo app served by `npm start`: the elements against the embedded identity API.
import '../src/define.js';
import type {AuthProvider} from '../src/elements/provider/provider.js';
import {directionOf, PSEUDO_LOCALE, SUPPORTED_LOCALES} from '../src/i18n/locales.js';

const provider = document.querySelector<AuthProvider>('#provider')!;
const signIn = document.querySelector<HTMLElement>('#sign-in')!;
const signUp = document.querySelector<HTMLElement>('#sign-up')!;
const language = document.querySelector<HTMLSelectElement>('#language')!;

/** Each signed-in page and the sections it shows. */
const PAGES = {home: ['home', 'home-organizations'], team: ['team'], settings: ['settings']} as const;
const ROUTES = Object.keys(PAGES) as Array<keyof typeof PAGES>;

function showRoute(): void {
  const wantsSignUp = location.hash === '#sign-up';
  signUp.hidden = !wantsSignUp;
  signIn.hidden = wantsSignUp;
  // The invitation page stands alone; signed in: Home, Team (the active organization) or
  // Settings (the profiles inline; their own pages in the hash, #/security, #/members).
  const invitation = location.pathname === '/invitation';
  document.querySelector<HTMLElement>('#invitation')!.hidden = !invitation;
  document.querySelector<HTMLElement>('#signed-out')!.hidden = invitation;
  document.querySelector<HTMLElement>('#signed-in')!.hidden = invitation;
  const route = ROUTES.find((name) => location.pathname === `/${name}`) ?? 'home';
  for (const [name, ids] of Object.entries(PAGES)) for (const id of ids) document.querySelector<HTMLElement>(`#${id}`)!.hidden = name !== route;
  for (const link of document.querySelectorAll<HTMLAnchorElement>('nav.pages a')) {
    if (link.dataset.route === route) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}
addEventListener('hashchange', showRoute);
addEventListener('popstate', showRoute);
document.querySelector('nav.pages')!.addEventListener('click', (event) => {
  const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-route]');
  if (!link || (event as MouseEvent).ctrlKey || (event as MouseEvent).metaKey) return;
  event.preventDefault();
  history.pushState(null, '', link.pathname);
  showRoute();
});
showRoute();

// Every shipped language, named in itself; the choice is remembered for the next visit.
for (const locale of SUPPORTED_LOCALES) {
  const name = locale === PSEUDO_LOCALE ? 'Pseudo (en-XA)' : new Intl.DisplayNames([locale], {type: 'language'}).of(locale);
  language.append(new Option(name ?? locale, locale));
}
const theme = document.querySelector<HTMLSelectElement>('#theme')!;

function applyPreferences(): void {
  provider.locale = language.value;
  document.documentElement.lang = language.value;
  document.documentElement.dir = directionOf(language.value);
  provider.theme = theme.value;
  document.documentElement.dataset.theme = theme.value;
}
language.value = localStorage.getItem('demo-language') ?? 'en';
theme.value = localStorage.getItem('demo-theme') ?? 'light';
applyPreferences();
for (const select of [language, theme]) {
  select.addEventListener('change', () => {
    localStorage.setItem(`demo-${select.id}`, select.value);
    applyPreferences();
  });
}

provider.addEventListener('auth-session-change', ({state}) => {
  document.querySelector('#user-name')!.textContent = state.user?.name ?? '';
  document.querySelector('#user-email')!.textContent = state.user?.email || state.user?.phoneNumber || '';
  document.querySelector<HTMLElement>('#token')!.hidden = true;
  if (state.status === 'signed-out' && location.hash !== '#sign-up' && location.pathname !== '/invitation') history.replaceState(null, '', '/');
  showRoute();
});

document.querySelector('#get-token')!.addEventListener('click', async () => {
  const token = await provider.activeClient?.getToken();
  const output = document.querySelector<HTMLElement>('#token')!;
  const payload = token?.split('.')[1];
  output.textContent = payload ? JSON.stringify(JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))), null, 2) : String(token);
  output.hidden = false;
});

// The demo's own API (demo/reports-backend.js): it verifies the token and reads its org claim.
document.querySelector('#load-reports')!.addEventListener('click', async () => {
  const output = document.querySelector<HTMLElement>('#reports')!;
  try {
    const token = await provider.activeClient?.getToken();
    const response = await fetch('/api/reports', {headers: token ? {authorization: `Bearer ${token}`} : {}});
    output.textContent = `${response.status} ${response.statusText}\n${JSON.stringify(await response.json(), null, 2)}`;
  } catch (error) {
    output.textContent = String(error);
  }
  output.hidden = false;
});
provider.addEventListener('auth-org-change', () => {
  document.querySelector<HTMLElement>('#reports')!.hidden = true;
});
