/**
 * One polite live region for the whole page, in the document (so it keeps speaking when the
 * element that announced is hidden or removed, such as a sign-in card after success). Its
 * styles are inline and `!important`, set through the CSSOM (allowed under a strict CSP), so
 * no page stylesheet can show it.
 */
let region: HTMLElement | null = null;

const VISUALLY_HIDDEN: Record<string, string> = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  margin: '-1px',
  padding: '0',
  border: '0',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  'clip-path': 'inset(50%)',
  'white-space': 'nowrap',
  display: 'block',
};

/** Creates the region ahead of time: screen readers only announce changes to regions they already know. */
export function ensureAnnouncer(): HTMLElement | null {
  if (region?.isConnected) return region;
  if (typeof document === 'undefined' || !document.body) return null;
  region = document.createElement('div');
  region.setAttribute('role', 'status');
  region.setAttribute('aria-live', 'polite');
  region.setAttribute('aria-atomic', 'true');
  region.setAttribute('data-auth-announcer', '');
  for (const [name, value] of Object.entries(VISUALLY_HIDDEN)) region.style.setProperty(name, value, 'important');
  document.body.append(region);
  return region;
}

/** Says `message` politely, in `lang`. Saying the same text twice says it twice. */
export function announce(message: string, lang?: string): void {
  const node = ensureAnnouncer();
  if (!node) return;
  node.textContent = '';
  if (lang) node.lang = lang;
  // A fresh text node on a later frame, so a repeated message is announced again.
  requestAnimationFrame(() => {
    node.textContent = message;
  });
}
