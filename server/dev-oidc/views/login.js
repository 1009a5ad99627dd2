/** The development provider's sign-in page: an email (any email) and a name. */
import {html} from './html.js';
import {layout} from './layout.js';

/**
 * @param {{action: string, client: {name: string, host: string}, email?: string, name?: string, error?: string}} page
 *   `action`: the form's URL. `error`: why the email was refused (shown under the field).
 * @returns {string}
 */
export function loginPage({action, client, email = '', name = '', error}) {
  return layout({
    title: 'Sign in',
    body: html`<p class="lead">to continue to <strong>${client.name}</strong> <span class="origin origin-line">${client.host}</span></p>
<form method="post" action="${action}">
<div class="field">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="email" spellcheck="false" required value="${email}" autofocus${
      error ? html` aria-invalid="true" aria-describedby="email-error"` : ''
    }>
${error ? html`<p id="email-error" class="error">${error}</p>` : ''}
</div>
<div class="field">
<label for="name">Name</label>
<input id="name" name="name" type="text" autocomplete="name" value="${name}" aria-describedby="name-hint">
<p id="name-hint" class="hint">Optional: the part of the email before the @ otherwise.</p>
</div>
<div class="actions">
<button type="submit" name="action" value="sign-in" class="primary">Continue</button>
<button type="submit" name="action" value="cancel" formnovalidate>Cancel</button>
</div>
</form>
<p class="note">Test accounts: any email signs in, no password. Each email is its own person.</p>`,
  });
}
