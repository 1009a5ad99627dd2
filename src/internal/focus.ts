/**
 * Keeping keyboard focus somewhere sensible when what the user acted on goes away (a card that
 * completes, content that swaps on sign-in or sign-out, a card replaced by another). Every
 * element uses these, so none of them leaves focus on `<body>`.
 */

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The focused element, looking inside shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** True when focus is on nothing the user can see: the body, a removed node or a hidden one. */
export function focusIsLost(): boolean {
  const active = deepActiveElement();
  if (!active || active === document.body || active === document.documentElement) return true;
  return !active.isConnected || !active.checkVisibility();
}

/** True when focus is on `host`, in its light-DOM children or in its shadow root. */
export function focusIsWithin(host: Element): boolean {
  return host.matches(':focus-within');
}

/**
 * The first thing inside `root` (light DOM, in document order) that takes focus and is shown:
 * a focusable node, or a custom element whose shadow root delegates focus.
 */
export function firstFocusable(root: Element): HTMLElement | null {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode() as HTMLElement | null; node; node = walker.nextNode() as HTMLElement | null) {
    if (node.hidden) continue;
    if ((node.matches(FOCUSABLE) || node.shadowRoot?.delegatesFocus) && node.checkVisibility()) return node;
  }
  return null;
}

/** Two frames: every element's update is done and the new layout known. */
const afterRender = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Once the change under way has rendered: if focus was lost, move it to `target()` (when that
 * is shown). Several callers may ask at once; the first one that finds a target wins.
 * `waitMs`: for a change the page makes later (a router reacting to a followed link), keep
 * watching that long for the focus to be lost.
 */
export async function restoreFocusIfLost(target: () => HTMLElement | null | undefined, waitMs = 0): Promise<void> {
  await afterRender();
  const until = performance.now() + waitMs;
  while (!focusIsLost()) {
    if (performance.now() >= until) return;
    await nextFrame();
  }
  const node = target();
  if (node?.isConnected && node.checkVisibility()) node.focus();
}

/**
 * When an overlay (a dialog) closes, hand focus back to what opened it (Lion's rule): once the
 * change has rendered, and only if focus is still inside `container` or lost. Never pulls focus
 * back from where the user or the page moved it; a removed or hidden `target` is skipped.
 */
export async function returnFocus(target: Element | null | undefined, container: Element): Promise<void> {
  await afterRender();
  if (!focusIsWithin(container) && !focusIsLost()) return;
  if (target instanceof HTMLElement && target.isConnected && target.checkVisibility()) target.focus();
}
