/**
 * Browser launchers for web-test-runner, all from Debian packages (nothing downloads a browser).
 * `BROWSERS=chrome,firefox,webkit` picks them; the daily loop defaults to Chromium alone.
 */
import {spawn, spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {createServer} from 'node:net';
import {chromeLauncher} from '@web/test-runner-chrome';

const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
const FIREFOX = '/usr/bin/firefox-esr';
const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/**
 * The oldest Firefox ESR the tests drive: puppeteer-core sends WebDriver BiDi commands (such as
 * `emulation.setScreenOrientationOverride`) that ESR 140 does not know, and every Firefox test
 * file stops on them. 153 is the ESR Debian ships now, and the one these tests pass on.
 */
export const FIREFOX_MIN_MAJOR = 153;

/** The major version of the installed Firefox ESR (`Mozilla Firefox 153.8.0esr` -> 153), or 0 when there is none. */
export function firefoxMajor() {
  if (!existsSync(FIREFOX)) return 0;
  const version = spawnSync(FIREFOX, ['--version'], {encoding: 'utf8'}).stdout ?? '';
  return Number(/Firefox (\d+)\./.exec(version)?.[1] ?? 0);
}

export function findChromium() {
  const candidates = [process.env.CHROME_PATH, ...CHROMIUM_PATHS].filter(Boolean);
  return candidates.find((path) => existsSync(path));
}

/** Debian's packages for each engine the tests drive. */
export const APT_PACKAGES = {
  chrome: ['chromium'],
  firefox: ['firefox-esr'],
  webkit: ['webkit2gtk-driver', 'xvfb', 'xauth'],
};

export const INSTALL_HINT = Object.fromEntries(
  Object.entries(APT_PACKAGES).map(([name, packages]) => [
    name,
    `apt-get update && apt-get install -y --no-install-recommends ${packages.join(' ')}${name === 'chrome' ? '   (or set CHROME_PATH)' : ''}`,
  ]),
);

function chromium() {
  return chromeLauncher({
    launchOptions: {
      executablePath: findChromium(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
    },
    // Two test pages at once (Chromium alone): each keeps the focus as a payer's window would. Else
    // a page opened beside one took it, and that page's focused field lost its ring mid-test.
    createPage: async ({context}) => {
      const page = await context.newPage();
      const cdp = await page.createCDPSession();
      await cdp.send('Emulation.setFocusEmulationEnabled', {enabled: true});
      return page;
    },
  });
}

async function firefox() {
  const puppeteer = await import('puppeteer-core');
  return chromeLauncher({
    puppeteer: puppeteer.default,
    launchOptions: {
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      // Test pages run in background tabs; Firefox would clamp their timers to 1 s. It would also
      // delay every WebSocket handshake to the sandbox after failed ones, in all tabs, for a minute
      // after the last failure: one fault test's refused sockets held later tests' sockets past
      // their waits. A payer's Firefox keeps that delay; the checkout polls meanwhile.
      extraPrefsFirefox: {
        'dom.min_background_timeout_value': 0,
        'dom.min_background_timeout_value_without_budget_throttling': 0,
        'dom.timeout.enable_budget_timer_throttling': false,
        'network.websocket.delay-failed-reconnects': false,
      },
    },
  });
}

/** WebKitGTK's MiniBrowser under its WebDriver, on an Xvfb display the config starts itself. */
async function webkit() {
  const {webdriverLauncher} = await import('@web/test-runner-webdriver');
  const display = await startXvfb();
  const port = await freePort();
  const driver = spawn('WebKitWebDriver', [`--port=${port}`], {env: {...process.env, DISPLAY: display}, stdio: 'ignore'});
  process.on('exit', () => driver.kill());
  await new Promise((r) => setTimeout(r, 800));
  return webdriverLauncher({
    hostname: '127.0.0.1',
    port,
    logLevel: 'error',
    capabilities: {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {binary: MINIBROWSER, args: ['--automation']},
      'wdio:enforceWebDriverClassic': true,
    },
  });
}

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const {port} = server.address();
      server.close(() => resolve(port));
    });
  });
}

function startXvfb() {
  return new Promise((resolve, reject) => {
    const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
    });
    process.on('exit', () => xvfb.kill());
    xvfb.on('error', reject);
    xvfb.stdio[3].once('data', (chunk) => resolve(`:${String(chunk).trim()}`));
  });
}

export async function browsersFromEnv() {
  const names = (process.env.BROWSERS ?? 'chrome')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const launchers = {chrome: chromium, firefox, webkit};
  const result = [];
  for (const name of names) {
    if (!launchers[name]) throw new Error(`Unknown browser "${name}" in BROWSERS (chrome, firefox, webkit).`);
    result.push(await launchers[name]());
  }
  return result;
}
