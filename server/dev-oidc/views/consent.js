/** The development provider's consent screen: what the app asks for, Allow or Deny. */
import {html} from './html.js';
import {layout} from './layout.js';

/** What each scope lets the app see, as the consent screen says it. */
const SCOPE_TEXT = /** @type {Record<string, string>} */ ({
  openid: 'Know it is you (your account ID)',
  email: 'See your email address',
  profile: 'See your name',
  offline_access: 'Stay connected while you are away',
});

/**
 * @param {{action: string, client: {name: string, host: string}, person: {email: string, name: string}, scopes: string[]}} page
 * @returns {string}
 */
export function consentPage({action, client, person, scopes}) {
  return layout({
    title: `Allow ${client.name}?`,
    body: html`<p class="lead">The app at <span class="origin">${client.host}</span> wants to:</p>
<ul class="scopes">
${scopes.map((scope) => html`<li>${SCOPE_TEXT[scope] ?? scope}</li>`)}
</ul>
<p class="account">Signed in as <strong>${person.name}</strong> <span class="email">${person.email}</span></p>
<form method="post" action="${action}">
<div class="actions">
<button type="submit" name="decision" value="allow" class="primary" autofocus>Allow</button>
<button type="submit" name="decision" value="deny">Deny</button>
</div>
</form>`,
  });
}
