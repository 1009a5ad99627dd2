/**
 * A web-test-runner command, `emulate-media-features`, that sets any CSS media feature
 * through the Chrome DevTools Protocol: `emulateMedia` from @web/test-runner-commands passes
 * only prefers-color-scheme and prefers-reduced-motion to puppeteer, so `forced-colors` needs this.
 *
 *   await executeServerCommand('emulate-media-features', {features: [{name: 'forced-colors', value: 'active'}]});
 *
 * The list replaces every feature set before (by this command or by `emulateMedia`); `[]` clears them.
 */
export function mediaFeaturesPlugin() {
  /** One DevTools session per page, kept open: overrides end when their session detaches. */
  const sessions = new WeakMap();
  return {
    name: 'emulate-media-features',
    async executeCommand({command, payload, session}) {
      if (command !== 'emulate-media-features') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error(`emulate-media-features needs Chromium through puppeteer, not ${session.browser.type}`);
      const features = payload?.features;
      if (!Array.isArray(features)) throw new Error('emulate-media-features takes {features: [{name, value}]}');
      const page = session.browser.getPage(session.id);
      let cdp = sessions.get(page);
      if (!cdp) {
        cdp = await page.createCDPSession();
        sessions.set(page, cdp);
      }
      await cdp.send('Emulation.setEmulatedMedia', {features});
      return true;
    },
  };
}
