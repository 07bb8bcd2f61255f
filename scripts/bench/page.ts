/**
 * What the benchmark runs inside the page, before the bundle loads (as a string for
 * `evaluateOnNewDocument`): counters for renders, frames and live handles.
 */
export const instrumentPage = `(() => {
  // tsx compiles this script with esbuild's keepNames: functions handed to page.evaluate call __name.
  window.__name = (fn) => fn;
  const bench = (window.__bench = {frames: [], handles: {timeouts: new Set(), intervals: new Set(), sockets: new Set(), channels: 0}});
  const setT = window.setTimeout.bind(window), clearT = window.clearTimeout.bind(window);
  const setI = window.setInterval.bind(window), clearI = window.clearInterval.bind(window);
  window.setTimeout = (fn, ms, ...args) => {
    const id = setT(() => { bench.handles.timeouts.delete(id); typeof fn === 'function' && fn(...args); }, ms);
    bench.handles.timeouts.add(id);
    return id;
  };
  window.clearTimeout = (id) => { bench.handles.timeouts.delete(id); clearT(id); };
  window.setInterval = (fn, ms, ...args) => { const id = setI(fn, ms, ...args); bench.handles.intervals.add(id); return id; };
  window.clearInterval = (id) => { bench.handles.intervals.delete(id); clearI(id); };
  const NativeSocket = window.WebSocket;
  window.WebSocket = class extends NativeSocket {
    constructor(url, protocols) {
      super(url, protocols);
      bench.handles.sockets.add(this);
      this.addEventListener('close', () => bench.handles.sockets.delete(this));
      // Registered before the checkout's own listener: the arrival time of every frame.
      this.addEventListener('message', () => bench.frames.push(performance.now()));
    }
  };
  // Cold-start marks: the card on screen (skeleton), then a token the payer can press.
  bench.marks = {};
  const watch = () => {
    const root = document.querySelector('pepay-checkout')?.shadowRoot;
    if (root && !bench.marks.skeleton && root.querySelector('[part=card]')) bench.marks.skeleton = performance.now();
    const list = root?.querySelector('pepay-token-list')?.shadowRoot;
    if (list?.querySelector('button[data-token]:not([disabled])')) {
      bench.marks.interactive = performance.now();
      // On the wall clock too, to compare with the sandbox's request log (same machine).
      bench.marks.interactiveAt = Date.now();
    } else requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
  const NativeChannel = window.BroadcastChannel;
  window.BroadcastChannel = class extends NativeChannel {
    constructor(name) { super(name); bench.handles.channels++; }
    close() { bench.handles.channels--; super.close(); }
  };
})();`;

/** The storefront page: the classic bundle and one checkout, its session from the query string. */
export function storefront(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><script src="/pepay-checkout.iife.js"></script></head>
<body><script src="/mount.js"></script></body></html>`;
}

export const mountScript = `(() => {
  const q = new URLSearchParams(location.search);
  if (!q.get('session')) return;
  const el = document.createElement('pepay-checkout');
  el.setAttribute('session-token', q.get('session'));
  el.setAttribute('signature', q.get('signature'));
  el.setAttribute('api-base', q.get('api'));
  document.body.append(el);
})();`;
