/** The development provider's other pages: errors, and the sign-out question and answer. */
import {SafeHtml, html} from './html.js';
import {layout} from './layout.js';

/**
 * @param {{message: string, details?: Record<string, unknown>}} page
 *   `details`: the OAuth error fields (error, error_description…), shown for the developer.
 * @returns {string}
 */
export function errorPage({message, details = {}}) {
  const rows = Object.entries(details).filter(([, value]) => value !== undefined && value !== '');
  return layout({
    title: 'Something went wrong',
    body: html`<p class="lead">${message}</p>
${rows.length ? html`<dl class="details">${rows.map(([key, value]) => html`<dt>${key}</dt><dd>${String(value)}</dd>`)}</dl>` : ''}
<p class="note">Start again from the app's sign-in page.</p>`,
  });
}

/**
 * The sign-out question (RP-initiated logout). `form` is oidc-provider's own hidden form markup
 * (id op.logoutForm, its xsrf field; it escapes its values); the buttons submit it from outside.
 * @param {{form: string, host: string}} page
 * @returns {string}
 */
export function logoutPage({form, host}) {
  return layout({
    title: 'Sign out?',
    body: html`<p class="lead">Sign out of Dev Identity at <span class="origin">${host}</span>?</p>
${new SafeHtml(form)}
<div class="actions">
<button type="submit" form="op.logoutForm" name="logout" value="yes" class="primary" autofocus>Sign out</button>
<button type="submit" form="op.logoutForm">Stay signed in</button>
</div>`,
  });
}

/** After signing out. @returns {string} */
export function signedOutPage() {
  return layout({title: 'Signed out', body: html`<p class="lead">You are signed out of Dev Identity.</p>`});
}
