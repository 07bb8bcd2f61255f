/**
 * `emulate-forced-colors`: the page as a payer with a forced colour scheme sees it (Windows'
 * contrast themes; CSS `forced-colors: active`), where the browser can emulate it: Chromium, over
 * the DevTools protocol (puppeteer's own `emulateMediaFeatures` does not take this feature).
 * Answers whether it took; a test skips outside Chromium and fails where it did not take.
 */
export function forcedColorsPlugin() {
  // One DevTools session per page, kept open: its emulation ends when it is detached.
  const sessions = new Map();
  return {
    name: 'emulate-forced-colors',
    async executeCommand({command, payload, session}) {
      if (command !== 'emulate-forced-colors') return undefined;
      if (session.browser.type !== 'puppeteer') return false;
      try {
        const page = session.browser.getPage(session.id);
        if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
        const features = [{name: 'forced-colors', value: payload?.active ? 'active' : 'none'}];
        await sessions.get(page).send('Emulation.setEmulatedMedia', {features});
        return true;
      } catch {
        return false;
      }
    },
  };
}
