/**
 * `emulate-forced-colors`: the page as a payer with a forced colour scheme sees it (Windows'
 * contrast themes; CSS `forced-colors: active`), where the browser can emulate it: Chromium, over
 * the DevTools protocol (puppeteer's own `emulateMediaFeatures` does not take this feature).
 * Answers whether it took; a test skips outside Chromium and fails where it did not take.
 */
export function forcedColorsPlugin() {
  // One DevTools session per page while the scheme is forced (its emulation ends when it is
  // detached): detached when the scheme is lifted, so none outlives its page.
  const sessions = new Map();
  return {
    name: 'emulate-forced-colors',
    async executeCommand({command, payload, session}) {
      if (command !== 'emulate-forced-colors') return undefined;
      if (session.browser.type !== 'puppeteer' || !session.browser.name.startsWith('Chrom')) return false;
      const page = session.browser.getPage(session.id);
      try {
        if (!payload?.active) {
          await sessions.get(page)?.detach();
          sessions.delete(page);
          return true;
        }
        if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
        await sessions.get(page).send('Emulation.setEmulatedMedia', {features: [{name: 'forced-colors', value: 'active'}]});
        return true;
      } catch {
        sessions.delete(page);
        return false;
      }
    },
  };
}
