/**
 * Places a top-layer panel (a `popover`) next to its trigger, inside the viewport. The panel is
 * out of the page's layout (no ancestor's `overflow: hidden` clips it), so its place is
 * computed: below the trigger, aligned with the trigger's inline end (its right edge in a
 * left-to-right element); flipped to the other edge when that side would leave the screen, above
 * the trigger when there is no room below, and held `margin` away from the viewport's edges as a
 * last resort. Written as `--_panel-top` and `--_panel-left` (custom properties through the
 * CSSOM: no style attribute in markup, a strict CSP holds), which the panel's CSS uses — so a
 * narrow-screen sheet can ignore them.
 */
export function placeNextTo(panel: HTMLElement, trigger: Element, {margin = 8, gap = 8} = {}): void {
  const anchor = trigger.getBoundingClientRect();
  const width = panel.offsetWidth;
  const height = panel.offsetHeight;
  const viewportWidth = document.documentElement.clientWidth;
  const viewportHeight = document.documentElement.clientHeight;
  const rtl = getComputedStyle(panel).direction === 'rtl';
  const fits = (left: number) => left >= margin && left + width <= viewportWidth - margin;
  const atEnd = rtl ? anchor.left : anchor.right - width;
  const atStart = rtl ? anchor.right - width : anchor.left;
  const left = fits(atEnd) ? atEnd : fits(atStart) ? atStart : Math.max(margin, Math.min(atEnd, viewportWidth - margin - width));
  const below = anchor.bottom + gap;
  const above = anchor.top - gap - height;
  const top = below + height <= viewportHeight - margin || above < margin ? below : above;
  panel.style.setProperty('--_panel-left', `${Math.round(left)}px`);
  panel.style.setProperty('--_panel-top', `${Math.round(Math.max(margin, top))}px`);
  panel.dataset.side = top === below ? 'bottom' : 'top';
}
