/**
 * Redirect targets (after sign-in, sign-up, sign-out) must stay on the page's origin or an
 * allowlisted origin. Anything else is refused and logged, never followed.
 */
export interface RedirectPolicy {
  /** The page's URL, which relative targets resolve against (defaults to `location.href`). */
  base?: string;
  /** Extra origins that may be redirected to, such as `https://app.example.com`. */
  allowedOrigins?: readonly string[];
}

/** The absolute URL to go to, or null when the target is not allowed. */
export function safeRedirectUrl(target: string | null | undefined, policy: RedirectPolicy = {}): string | null {
  if (!target) return null;
  const base = policy.base ?? globalThis.location?.href;
  if (!base) return null;
  let url: URL;
  try {
    url = new URL(target, base);
  } catch {
    return null;
  }
  const origin = new URL(base).origin;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const allowed = new Set([origin, ...(policy.allowedOrigins ?? []).map(normalizeOrigin)]);
  return allowed.has(url.origin) ? url.href : null;
}

function normalizeOrigin(origin: string): string {
  try {
    return new URL(origin).origin;
  } catch {
    return origin;
  }
}

/**
 * A link target as the integrator wrote it (`#sign-up`, `/sign-up`), when it is allowed: the
 * browser resolves it when the link is followed, so in a single-page app it points at the page
 * the user is on then, not the one where the element first rendered.
 */
export function safeLinkTarget(target: string | null | undefined, policy: RedirectPolicy = {}): string | null {
  return target && safeRedirectUrl(target, policy) ? target.trim() : null;
}

/** Follows a redirect target when it is allowed; logs and refuses otherwise. Returns whether it navigated. */
export function followRedirect(
  target: string | null | undefined,
  policy: RedirectPolicy = {},
  navigate: (url: string) => void = (url) => globalThis.location.assign(url),
): boolean {
  if (!target) return false;
  const url = safeRedirectUrl(target, policy);
  if (!url) {
    console.warn(`[auth-elements] refused redirect to ${JSON.stringify(target)}: not this origin nor allowlisted`);
    return false;
  }
  navigate(url);
  return true;
}

/** A link to any site, as long as it is http(s): never `javascript:` or `data:`. */
export function safeLinkUrl(target: string | null | undefined): string | null {
  if (!target) return null;
  try {
    const url = new URL(target, globalThis.location?.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * An organization's page from a template such as `/orgs/:slug` or `/orgs/:id/settings`: each
 * `:slug` and `:id` replaced by the organization's, URL-encoded. Follow it with `followRedirect`,
 * which still checks where it leads.
 */
export function organizationUrl(template: string, organization: {id: string; slug: string}): string {
  return template.replace(/:(slug|id)\b/g, (_, key: 'slug' | 'id') => encodeURIComponent(organization[key]));
}
