import {esbuildPlugin} from '@web/dev-server-esbuild';
import {browsersFromEnv} from './test/support/browsers.mjs';
import {reactPlugin} from './test/support/react-plugin.mjs';
import {summaryReporter} from './test/support/summary-reporter.mjs';
import {sveltePlugin} from './test/support/svelte-plugin.mjs';
import {forcedColorsPlugin} from './test/support/forced-colors-plugin.mjs';
import {testServersPlugin} from './test/support/servers-plugin.ts';
import {defaultReporter} from '@web/test-runner';

/**
 * `/missing-views-<id>/...` serves the same files as `/...`, except the checkout's lazy views
 * (`dist/cdn/chunks/{forms,payment-details,status,dialog}-*`), which are never found;
 * `/missing-realtime-<id>/...` loses the realtime link's chunk instead, `/missing-qr-<id>/...` the QR
 * encoder's, `/missing-wallet-<id>/...` the browser-wallet chunk's, `/missing-first-screen-<id>/...` the
 * checkout's first screen (its controller, src/elements/checkout/first-screen.ts), `/missing-locale-<id>/...`
 * the Arabic and Hebrew catalogues. A CDN that lost files, for
 * test/e2e/chunks.test.ts.
 */
const LOST = {
  views: /^\/dist\/cdn\/chunks\/(forms|payment-details|status|dialog)-/,
  realtime: /^\/dist\/cdn\/chunks\/realtime-link-/,
  qr: /^\/dist\/cdn\/chunks\/qr-encoder-/,
  wallet: /^\/dist\/cdn\/chunks\/wallet-/,
  'first-screen': /^\/dist\/cdn\/chunks\/first-screen-/,
  'first-paint': /^\/dist\/cdn\/chunks\/first-paint-/,
  locale: /^\/dist\/cdn\/chunks\/(ar|he)-/,
  'place-store': /^\/dist\/cdn\/chunks\/place-store-/,
};
async function chunkFaults(ctx, next) {
  const fault = /^\/missing-(views|realtime|qr|wallet|first-screen|locale)-[\w-]+(\/.*)$/.exec(ctx.path);
  if (!fault) return next();
  const [, kind, path] = fault;
  if (LOST[kind].test(path)) {
    ctx.status = 404;
    return;
  }
  ctx.url = ctx.url.slice(ctx.path.length - path.length);
  return next();
}

/**
 * `/held-first-screen-<id>/...` serves the same files as `/...`, but holds the checkout's
 * first-screen chunk (`/held-first-paint-<id>/...`: the first paint's chunk;
 * `/held-locale-<id>/...`: the Arabic and Hebrew catalogues; `/held-place-store-<id>/...`: the
 * place store's) until
 * `/release-first-screen-<id>` (`/release-locale-<id>`) is asked for: a slow link, ended when a test says so (no fixed delay), for
 * what a checkout does while it waits (test/e2e/chunks.test.ts).
 */
const holds = new Map();
const hold = (id) => {
  if (!holds.has(id)) {
    let release;
    // Bounded: a test that never releases its hold fails on its own, and the server moves on.
    const released = new Promise((resolve) => {
      release = resolve;
      setTimeout(resolve, 20_000).unref();
    });
    holds.set(id, {released, release});
  }
  return holds.get(id);
};
async function heldChunks(ctx, next) {
  const released = /^\/release-([\w-]+)$/.exec(ctx.path);
  if (released) {
    hold(released[1]).release();
    ctx.body = 'released';
    return;
  }
  const held = /^\/held-((first-screen|first-paint|locale|place-store)-[\w-]+?)(\/dist\/.*)$/.exec(ctx.path);
  if (!held) return next();
  const [, id, kind, path] = held;
  // A CDN's header (unpkg and jsDelivr send it): a storefront of another origin imports the chunks.
  ctx.set('Access-Control-Allow-Origin', '*');
  if (LOST[kind].test(path)) await hold(id).released;
  ctx.url = ctx.url.slice(ctx.path.length - path.length);
  return next();
}

export default {
  files: ['test/**/*.test.ts'],
  // The browser builds of packages that have one (Svelte's default build is its server one).
  nodeResolve: {exportConditions: ['browser']},
  // Three engines at once share two cores in CI: one page per engine at a time keeps timings sane.
  // Firefox, alone too: it holds every WebSocket handshake to an address while one hangs, whatever
  // the port, and a test holds one for 10 s (the sandbox's second door spares the other engines).
  concurrency: /,|firefox/.test(process.env.BROWSERS ?? 'chrome') ? 1 : 2,
  // Generous: CI runs three engines at once on two cores.
  testFramework: {config: {timeout: 20000}},
  // A file's own limit, above the 120 s default: test/sandbox/hostile-network.test.ts takes about
  // 110 s in one page alone (its faults wait out real backoffs), and ran past 120 s beside another.
  testsFinishTimeout: 300_000,
  browsers: await browsersFromEnv(),
  middleware: [chunkFaults, heldChunks],
  plugins: [
    // tsconfig so esbuild sees the decorator flags; explicit target so decorators are lowered.
    esbuildPlugin({ts: true, target: 'es2022', tsconfig: './tsconfig.json'}),
    testServersPlugin(),
    reactPlugin(),
    sveltePlugin(),
    forcedColorsPlugin(),
  ],
  coverageConfig: {
    include: ['src/**/*.ts'],
    // Raised as the code grew (measured: 98 % lines, 89 % branches, 98 % functions).
    threshold: {statements: 95, lines: 95, branches: 85, functions: 95},
  },
  reporters: [defaultReporter(), summaryReporter()],
};
