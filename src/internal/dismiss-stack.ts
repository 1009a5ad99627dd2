/**
 * What Escape may close, most recently opened last: only the top one reacts. Dialogs register
 * themselves; anything else that Escape dismisses (a menu, a popover, inside a dialog or not)
 * does too, so one Escape closes the menu and leaves the dialog around it open.
 *
 * Its own module so a menu can use it without loading the dialog's code.
 */
const dismissStack: Element[] = [];

export function pushDismissible(element: Element): void {
  removeDismissible(element);
  dismissStack.push(element);
}

export function removeDismissible(element: Element): void {
  const index = dismissStack.indexOf(element);
  if (index >= 0) dismissStack.splice(index, 1);
}

export function isTopDismissible(element: Element): boolean {
  return dismissStack[dismissStack.length - 1] === element;
}
