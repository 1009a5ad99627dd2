/**
 * Keeps a panel anchored under its trigger inside the viewport: the panel's CSS aligns it with
 * one edge of the trigger (its inline end by default); when that edge would push it off-screen
 * and the other would not, it flips to the other (`data-align="left" | "right"`, physical, so a
 * right-to-left element on a left-to-right page is placed by where it really is).
 */
export function alignWithinViewport(panel: HTMLElement, trigger: Element, margin = 8): void {
  panel.removeAttribute('data-align');
  const rect = panel.getBoundingClientRect();
  if (getComputedStyle(panel).position === 'fixed') return; // a sheet: already placed by its CSS
  const anchor = trigger.getBoundingClientRect();
  const viewport = document.documentElement.clientWidth;
  if (rect.left >= margin && rect.right <= viewport - margin) return;
  const fitsLeftAligned = anchor.left + rect.width <= viewport - margin;
  const fitsRightAligned = anchor.right - rect.width >= margin;
  if (rect.left < margin && fitsLeftAligned) panel.setAttribute('data-align', 'left');
  else if (rect.right > viewport - margin && fitsRightAligned) panel.setAttribute('data-align', 'right');
}
