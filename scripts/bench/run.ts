#!/usr/bin/env tsx
/**
 * `npm run bench`: the checkout measured in headless Chromium against the sandbox (127.0.0.1), as
 * a storefront loads it (the classic script tag). Writes bench/results/bench.json and prints a
 * table; `node scripts/budgets.mjs` gates CI on these figures. Needs `npm run build` first.
 *
 * Figures: sizes (raw, gzip -9, brotli 11) of the first paint and of the peers' script-tag
 * bundles; cold start to skeleton and to interactive with 50 ms added to every answer, and the
 * request rounds before interactive (medians of 7); frame-to-DOM p50/p95, and renders while idle
 * on the payment step; renders per animation frame in a 1,000-frame burst; heap and live handles
 * after 200 mount/unmount cycles; requests per minute while live and while the socket is refused.
 */
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import puppeteer, {PredefinedNetworkConditions, type Browser, type NetworkConditions, type Page} from 'puppeteer-core';
import {startSandbox} from '../../demo/sandbox/node/server.ts';
import {instrumentPage, mountScript, storefront} from './page.ts';
import {firstPaintFiles, firstScreenChunks, lazyChunkFiles, sizesOf, sizesOfFiles, type Sizes} from './bundle.ts';
import {peerSizes} from './peers.ts';

const RUNS = 7;
const LATENCY_MS = 50;
const ROUNDS_LATENCY_MS = 400;
const CYCLES = 200;
const BURST = 1000;
const CDN = 'dist/cdn';

const sandbox = await startSandbox({port: 0});
/** Added to every script the storefront serves during the cold starts, as to every answer of the API. */
let scriptLatencyMs = 0;
const site = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  // The script-tag build as a storefront serves it: the loader, the bundle and its chunks.
  if (/^\/(pepay-checkout\.(iife|es|paint)|chunks\/[\w-]+)\.js$/.test(path)) {
    const script = readFileSync(`${CDN}${path}`);
    return void setTimeout(() => res.writeHead(200, {'content-type': 'text/javascript'}).end(script), scriptLatencyMs);
  }
  if (path === '/mount.js') return res.writeHead(200, {'content-type': 'text/javascript'}).end(mountScript);
  res.writeHead(200, {'content-type': 'text/html'}).end(storefront());
});
await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
const siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--no-first-run',
  // No machine here reaches the internet: each of the sandbox's token icons would wait for a DNS
  // failure, and a pending image load keeps its element (so its checkout's tree) alive until then:
  // the network's time, not a leak, and noise of hundreds of kB in the heap figures. Failed at once.
  '--host-resolver-rules=MAP assets.pepay.io ~NOTFOUND',
];
const launch = (extra: string[] = []) =>
  puppeteer.launch({executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium', headless: true, args: [...ARGS, ...extra]});
const browser = await launch();

interface Session {
  invoice_id: string;
  session_token: string;
  signature: string;
}
interface Logged {
  method: string;
  path: string;
  at: number;
}

const sim = async (path: string, body: unknown = {}) =>
  (await fetch(`${sandbox.url}/sandbox/invoices${path}`, {method: 'POST', body: JSON.stringify(body)})).json() as Promise<unknown>;
const session = async (options: Record<string, unknown> = {}) => (await sim('', {customer_email: 'a@example.com', ...options})) as Session;
const requests = async (s: Session) =>
  ((await (await fetch(`${sandbox.url}/sandbox/invoices/${s.invoice_id}`)).json()) as {requests: Logged[]}).requests;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What the pages' loaders could not fetch: any makes the run fail (its figures would not be the build's). */
const loadFailures: string[] = [];

async function open(browserOrContext: Pick<Browser, 'newPage'>, s: Session, network?: NetworkConditions): Promise<Page> {
  const page = await browserOrContext.newPage();
  page.on('console', (message) => void (message.text().startsWith('Pepay Checkout: cannot load') && loadFailures.push(message.text())));
  if (network) await page.emulateNetworkConditions(network);
  await page.evaluateOnNewDocument(instrumentPage);
  const query = new URLSearchParams({session: s.session_token, signature: s.signature, api: sandbox.url});
  await page.goto(`${siteUrl}/?${query}`);
  return page;
}

/** Waits in the page until the checkout is on `step`. */
const onStep = (page: Page, step: string) =>
  page.waitForFunction((wanted) => document.querySelector('pepay-checkout')?.state?.step === wanted, {timeout: 15_000}, step);

async function choosePayment(page: Page): Promise<void> {
  await onStep(page, 'select-token');
  await page.waitForFunction(() =>
    document
      .querySelector('pepay-checkout')!
      .shadowRoot!.querySelector('pepay-token-list')
      ?.shadowRoot?.querySelector('button[data-token="201"]'),
  );
  await page.evaluate(() =>
    document
      .querySelector('pepay-checkout')!
      .shadowRoot!.querySelector('pepay-token-list')!
      .shadowRoot!.querySelector<HTMLButtonElement>('button[data-token="201"]')!
      .click(),
  );
  await onStep(page, 'awaiting-payment');
}

/** A checkout on the payment step of a new `amountUsd` invoice, its stream live. */
async function livePayment(amountUsd: number): Promise<{s: Session; page: Page}> {
  const s = await session({amount_usd: amountUsd});
  const page = await open(browser, s);
  await choosePayment(page);
  await page.waitForFunction(() => document.querySelector('pepay-checkout')!.state.connection === 'live', {timeout: 15_000});
  return {s, page};
}

/**
 * One cold start in a new browser context (nothing cached), every answer and every script
 * `latencyMs` late, or over an emulated `network`: the loader, then the bundle beside its chunks
 * (first paint and first screen), then the API. Returns its marks and how many rounds of requests
 * went out before the payer could act.
 */
async function coldStartOnce(latencyMs: number, network?: NetworkConditions) {
  const s = await session();
  await sim(`/${s.invoice_id}/faults`, {latencyMs});
  scriptLatencyMs = latencyMs;
  const context = await browser.createBrowserContext();
  try {
    const page = await open(context, s, network);
    await page.waitForFunction(() => window.__bench.marks.interactive, {timeout: 15_000, polling: 50});
    const marks = await page.evaluate(() => window.__bench.marks);
    // Every answer takes latencyMs: a request sent after an answer of the round before arrives at
    // least that long after the first request of that round. So a request arriving sooner than
    // that went out with it. Only requests before the payer could act count (a focus re-read
    // afterwards is not on the way).
    const times = (await requests(s)).filter((r) => r.method === 'GET' && r.at <= marks.interactiveAt!).map((r) => r.at);
    let rounds = 0;
    let roundStart = -Infinity;
    for (const t of times.sort((a, b) => a - b)) {
      if (t - roundStart < latencyMs) continue;
      rounds++;
      roundStart = t;
    }
    return {skeletonMs: marks.skeleton!, interactiveMs: marks.interactive!, rounds};
  } finally {
    scriptLatencyMs = 0;
    await context.close();
  }
}

/**
 * Times from RUNS cold starts at LATENCY_MS; rounds from three more at ROUNDS_LATENCY_MS, where the
 * jitter of preflights and of two busy cores (up to tens of ms) cannot pass for a round.
 */
async function coldStart() {
  const runs = [];
  for (let run = 0; run < RUNS; run++) runs.push(await coldStartOnce(LATENCY_MS));
  const slow = [];
  for (let run = 0; run < 3; run++) slow.push(await coldStartOnce(ROUNDS_LATENCY_MS));
  // A phone on a poor link, where bytes count: Chrome DevTools' "Slow 4G" on every request.
  const phone = [];
  for (let run = 0; run < 3; run++) phone.push(await coldStartOnce(0, PredefinedNetworkConditions['Slow 4G']));
  return {
    runs: RUNS,
    latencyMs: LATENCY_MS,
    skeletonMs: Math.round(median(runs.map((r) => r.skeletonMs))),
    interactiveMs: Math.round(median(runs.map((r) => r.interactiveMs))),
    roundsLatencyMs: ROUNDS_LATENCY_MS,
    rounds: Math.max(...slow.map((r) => r.rounds)),
    slow4g: {
      runs: phone.length,
      skeletonMs: Math.round(median(phone.map((r) => r.skeletonMs))),
      interactiveMs: Math.round(median(phone.map((r) => r.interactiveMs))),
    },
  };
}

async function frameToDom() {
  const {s, page} = await livePayment(100);
  await page.evaluate(() => {
    const proto = customElements.get('pepay-checkout')!.prototype as {updated: () => void};
    const updated = proto.updated;
    window.__bench.updates = [];
    proto.updated = function (this: unknown) {
      window.__bench.updates.push(performance.now());
      return updated.call(this);
    };
    window.__bench.frames.length = 0;
  });
  for (let i = 0; i < 20; i++) {
    await sim(`/${s.invoice_id}/pay`, {amount: 0.5});
    await sleep(150);
  }
  await sleep(500);
  const {frames, updates} = await page.evaluate(() => ({frames: window.__bench.frames, updates: window.__bench.updates}));
  // Each payment sends three frames; each is on the page by the first render after it arrives.
  const delays = frames.map((t) => (updates.find((u) => u >= t) ?? Infinity) - t).filter(Number.isFinite);
  const idle = await idleRenders(page);
  await page.close();
  return {frames: frames.length, p50Ms: Math.round(percentile(delays, 0.5)), p95Ms: Math.round(percentile(delays, 0.95)), idle};
}

/**
 * Renders while nothing happens on the payment step (stream live, countdown running): only the
 * countdown should update, once a second. A measuring window, after the last payment's news has
 * settled: the checkout has not rendered for a second (its session re-reads may land later than a
 * fixed wait on a loaded machine: one did in CI). At most 10 s of settling, so renders that never
 * stop are measured all the same.
 */
async function idleRenders(page: Page) {
  const IDLE_MS = 3000;
  const rendered = () => page.evaluate(() => window.__bench.updates.length);
  for (let settling = 0, before = -1; settling < 10; settling++) {
    const now = await rendered();
    if (now === before) break;
    before = now;
    await sleep(1000);
  }
  await page.evaluate(() => {
    window.__bench.updates = [];
    window.__bench.ticks = 0;
    const proto = customElements.get('pepay-countdown')!.prototype as {updated: () => void};
    const updated = proto.updated;
    proto.updated = function (this: unknown) {
      window.__bench.ticks!++;
      return updated.call(this);
    };
  });
  await sleep(IDLE_MS);
  const {root, countdown} = await page.evaluate(() => ({root: window.__bench.updates.length, countdown: window.__bench.ticks!}));
  return {seconds: IDLE_MS / 1000, rootRenders: root, countdownRenders: countdown};
}

async function burst() {
  const {s, page} = await livePayment(1000);
  await page.evaluate(() => {
    const el = document.querySelector('pepay-checkout') as unknown as {render: () => unknown};
    const render = el.render.bind(el);
    const counts = (window.__bench.perFrame = [0]);
    el.render = () => {
      counts[counts.length - 1]!++;
      return render();
    };
    const frame = () => {
      counts.push(0);
      if (!window.__bench.stop) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    window.__bench.frames.length = 0;
  });
  const invoice = s.invoice_id;
  // Quote updates, each lowering what is still due: every one is news the checkout must apply.
  for (let start = 0; start < BURST; start += 100) {
    await Promise.all(
      Array.from({length: 100}, (_, k) => {
        const i = start + k;
        const frame = {
          id: `evt_burst-${i}`,
          object: 'event',
          type: 'payment_quote.updated',
          data: {object: {object: 'payment_quote', invoice_id: invoice, amount_remaining: 1_000_000 - i}},
        };
        return sim(`/${invoice}/push-frame`, frame);
      }),
    );
  }
  await page.waitForFunction((n) => window.__bench.frames.length >= n, {timeout: 20_000}, BURST);
  await sleep(300);
  const perFrame = await page.evaluate(() => {
    window.__bench.stop = true;
    return window.__bench.perFrame;
  });
  await page.close();
  return {frames: BURST, renders: perFrame.reduce((a, b) => a + b, 0), maxRendersPerFrame: Math.max(...perFrame)};
}

/**
 * Heap and handles after mount/unmount cycles, in a browser of its own whose JavaScript stays
 * interpreted: code the optimising compilers write while the cycles run is on the heap too (tens
 * of kB a round, until the code settles), and is not the checkout's memory.
 */
async function cycles() {
  const s = await session();
  const interpreted = await launch(['--js-flags=--no-sparkplug --no-maglev --no-turbofan']);
  try {
    const page = await open(interpreted, {...s, session_token: ''} as Session);
    const cdp = await page.createCDPSession();
    const openHandles = () =>
      page.evaluate(() => {
        const h = window.__bench.handles;
        return {timeouts: h.timeouts.size, intervals: h.intervals.size, sockets: h.sockets.size, channels: h.channels};
      });
    /**
     * Waits up to `ms` for every socket to close and every timer to run: a socket's closing
     * handshake and a checkout's last timer take milliseconds. What is still open then was left.
     */
    const settle = (ms: number) =>
      page
        .waitForFunction(() => window.__bench.handles.sockets.size === 0 && window.__bench.handles.timeouts.size === 0, {
          polling: 50,
          timeout: ms,
        })
        .catch(() => undefined);
    /** The heap after a forced collection, once nothing pending holds a checkout. */
    const heap = async () => {
      await settle(2000);
      // The benchmark's own record of frames is not the checkout's memory.
      await page.evaluate(() => void (window.__bench.frames.length = 0));
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const run = (n: number) =>
      page.evaluate(
        async (count, token, signature, api) => {
          await customElements.whenDefined('pepay-checkout');
          for (let i = 0; i < count; i++) {
            const el = document.createElement('pepay-checkout');
            Object.assign(el, {sessionToken: token, signature, apiBase: api});
            document.body.append(el);
            while (el.state.step !== 'select-token') await new Promise((r) => setTimeout(r, 5));
            el.remove();
          }
        },
        n,
        s.session_token,
        s.signature,
        sandbox.url,
      );
    await run(Number(process.env['BENCH_WARMUP'] ?? 200));
    // Three rounds of 200, each from a collected heap: the median is the figure, the spread its noise.
    const perCycle: number[] = [];
    let handles = await openHandles();
    for (let round = 0; round < 3; round++) {
      const before = await heap();
      await run(CYCLES);
      await settle(2000);
      handles = await openHandles();
      perCycle.push(Math.round(((await heap()) - before) / CYCLES) || 0); // never -0
    }
    return {cycles: CYCLES, heapPerCycleBytes: median(perCycle), heapPerCycleRounds: perCycle, handles};
  } finally {
    await interpreted.close();
  }
}

async function requestsPerMinute(refused: boolean) {
  const s = await session();
  if (refused) await sim(`/${s.invoice_id}/faults`, {ws: {refuse: true}});
  const page = await open(browser, s);
  await choosePayment(page);
  await sleep(3000);
  const from = Date.now();
  await sleep(20_000);
  const count = (await requests(s)).filter((r) => r.at >= from).length;
  await page.close();
  return Math.round((count * 60_000) / 20_000);
}

declare global {
  interface Window {
    __bench: {
      frames: number[];
      updates: number[];
      ticks?: number;
      perFrame: number[];
      stop?: boolean;
      marks: {skeleton?: number; interactive?: number; interactiveAt?: number};
      handles: {timeouts: Set<number>; intervals: Set<number>; sockets: Set<WebSocket>; channels: number};
    };
  }
}

const only = {cold: coldStart, frame: frameToDom, memory: cycles}[process.env['BENCH_ONLY'] ?? ''];
if (only) {
  // A quick look at one figure while working on it (BENCH_ONLY=cold, frame or memory): printed, not written.
  console.log(await only());
  if (loadFailures.length) console.error(`The storefront could not load the build: ${loadFailures[0]}`);
  await browser.close();
  site.close();
  await sandbox.close();
  process.exit(0);
}

try {
  const files = firstPaintFiles();
  const firstPaint = sizesOfFiles(files);
  const alongside = firstScreenChunks().map((file) => `${CDN}/${file}`);
  const firstScreen = sizesOfFiles([...files, ...alongside]);
  const peers = peerSizes();
  const figures = {
    date: new Date().toISOString(),
    firstPaint: {files, ...firstPaint},
    // The first paint and what the loader fetches beside it for the checkout to start.
    firstScreen: {files: [...files, ...alongside], ...firstScreen},
    chunks: lazyChunkFiles()
      .filter((file) => !alongside.includes(file))
      .map((file) => ({file, ...sizesOf(readFileSync(file))})),
    // Against our first screen, not our first paint: a peer's script-tag bundle is all it needs to show its widget.
    peers: peers.map((p) => ({...p, ratioGzip: p.sizes ? +(p.sizes.gzip / firstScreen.gzip).toFixed(2) : null})),
    coldStart: await coldStart(),
    frameToDom: await frameToDom(),
    burst: await burst(),
    memory: await cycles(),
    requestsPerMinute: {live: await requestsPerMinute(false), socketRefused: await requestsPerMinute(true)},
  };
  if (loadFailures.length) throw new Error(`The storefront could not load the build: ${loadFailures[0]}`);
  mkdirSync('bench/results', {recursive: true});
  writeFileSync('bench/results/bench.json', JSON.stringify(figures, null, 2) + '\n');
  const kb = (s: Sizes | null) =>
    s ? `${(s.raw / 1024).toFixed(1)} / ${(s.gzip / 1024).toFixed(1)} / ${(s.brotli / 1024).toFixed(1)} kB` : 'n/a';
  console.log(`first paint (raw / gzip / brotli)   ${kb(firstPaint)}, ${files.length} files`);
  console.log(`first screen, with the first paint   ${kb(figures.firstScreen)}, ${figures.firstScreen.files.length} files`);
  for (const chunk of figures.chunks) console.log(`  on demand: ${chunk.file.slice(CDN.length + 1)}`.padEnd(50) + kb(chunk));
  for (const p of figures.peers)
    console.log(`  ${p.name}@${p.version ?? '?'}`.padEnd(37) + `${kb(p.sizes)}  (${p.ratioGzip ?? '?'}x our first screen, gzip)`);
  const c = figures.coldStart;
  console.log(
    `cold start, ${c.latencyMs} ms per answer     skeleton ${c.skeletonMs} ms, interactive ${c.interactiveMs} ms; ${c.rounds} round(s) at ${c.roundsLatencyMs} ms per answer`,
  );
  console.log(
    `cold start, Slow 4G (median of ${c.slow4g.runs})  skeleton ${c.slow4g.skeletonMs} ms, interactive ${c.slow4g.interactiveMs} ms`,
  );
  console.log(`frame to DOM                        p50 ${figures.frameToDom.p50Ms} ms, p95 ${figures.frameToDom.p95Ms} ms`);
  const idle = figures.frameToDom.idle;
  console.log(
    `idle for ${idle.seconds} s on the payment step     root renders ${idle.rootRenders}, countdown renders ${idle.countdownRenders}`,
  );
  console.log(
    `burst of ${BURST} frames                 ${figures.burst.renders} renders, at most ${figures.burst.maxRendersPerFrame} per frame`,
  );
  const m = figures.memory;
  console.log(
    `${m.cycles} mount/unmount cycles ×3       heap ${m.heapPerCycleBytes} B/cycle (rounds ${m.heapPerCycleRounds.join(', ')}), handles ${JSON.stringify(m.handles)}`,
  );
  console.log(
    `requests per minute                 live ${figures.requestsPerMinute.live}, socket refused ${figures.requestsPerMinute.socketRefused}`,
  );
} finally {
  await browser.close();
  site.close();
  await sandbox.close();
}
