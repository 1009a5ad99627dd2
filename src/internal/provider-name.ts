/** How providers are named on buttons and in lists (the social buttons, "Use another method", connected accounts). */

const NAMES: Record<string, string> = {
  github: 'GitHub',
  gitlab: 'GitLab',
  linkedin: 'LinkedIn',
  twitter: 'X',
};

/**
 * The name a provider goes by: the API's own name for it, else `github` → GitHub, `twitter` → X,
 * else the id capitalised.
 */
export function providerName(id: string, names: Readonly<Record<string, string>> = {}): string {
  return names[id] ?? NAMES[id] ?? id.charAt(0).toUpperCase() + id.slice(1);
}
