/**
 * The page every screen of the development provider shares: the document, its stylesheet
 * (a file, STYLESHEET_PATH; no inline styles or scripts, so PAGE_CSP holds) and the card.
 */
import {html} from './html.js';

/** Where the provider serves dev-oidc.css. */
export const STYLESHEET_PATH = '/dev-oidc.css';

/**
 * The provider's Content-Security-Policy, on every response. Forms may post to the provider
 * itself and to `formTargets` (the clients' origins: a finished interaction redirects there, and
 * form-action covers redirects). The pages here have no script; oidc-provider's own auto-submit
 * pages (form_post, sign-out without a session) add their inline script's hash to script-src.
 * @param {string[]} formTargets
 */
export const pageCsp = (formTargets) =>
  [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    `form-action 'self'${formTargets.map((origin) => ` ${origin}`).join('')}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');

/**
 * @param {{title: string, body: import('./html.js').SafeHtml}} page
 * @returns {string}
 */
export function layout({title, body}) {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="robots" content="noindex">
<title>${title} · Dev Identity</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<main class="card" aria-labelledby="page-title">
<p class="brand"><span class="brand-mark" aria-hidden="true">◆</span> Dev Identity <span class="badge">development only</span></p>
<h1 id="page-title">${title}</h1>
${body}
</main>
</body>
</html>
`.value;
}
