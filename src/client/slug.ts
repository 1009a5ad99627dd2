/**
 * Organization slugs: the rule the reference server (server/organization-rules.js) and the
 * memory adapter enforce, and the slug a name suggests.
 */

/** Slugs the reference server accepts: lower-case letters and digits, single hyphens between, 2–48 characters. */
export const SLUG_PATTERN = /^(?=.{2,48}$)[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The longest slug. */
export const SLUG_MAX_LENGTH = 48;

export function isValidSlug(slug: string): boolean {
  return SLUG_PATTERN.test(slug);
}

/**
 * The slug a name suggests: lower-case ASCII (diacritics dropped by NFKD, "Émile" → "emile"),
 * every run of anything else a single hyphen, none at either end, at most 48 characters.
 */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/, '');
}
