/**
 * In-page adapter: the same sandbox engine, running inside the page, for the static hosted demo.
 * Requests to IN_PAGE_ORIGIN (fetch and WebSocket) are answered by the engine; everything else
 * goes to the network as usual.
 */
import {SandboxEngine} from '../engine/engine.ts';

export const IN_PAGE_ORIGIN = 'https://sandbox.pepay.invalid';
const WS_ORIGIN = IN_PAGE_ORIGIN.replace(/^https/, 'wss');

export function installInPageSandbox(): SandboxEngine {
  const engine = new SandboxEngine({heartbeatMs: 15_000});
  setInterval(() => engine.tick(), 1000);
  const networkFetch = window.fetch.bind(window);

  window.fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (url.origin !== IN_PAGE_ORIGIN) return networkFetch(input, init);
    init.signal?.throwIfAborted();
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => (headers[name] = value));
    const response = engine.handle({
      method: init.method ?? 'GET',
      url: url.pathname + url.search,
      headers,
      body: typeof init.body === 'string' ? init.body : '',
    });
    await new Promise((resolve) => setTimeout(resolve, response.delayMs));
    init.signal?.throwIfAborted();
    return new Response(response.body, {status: response.status, headers: response.headers});
  };

  const NetworkWebSocket = window.WebSocket;
  /** A WebSocket whose other end is the engine (for wss://sandbox.pepay.invalid only). */
  class InPageWebSocket extends EventTarget {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSING = 2;
    static readonly CLOSED = 3;
    readonly CONNECTING = 0;
    readonly OPEN = 1;
    readonly CLOSING = 2;
    readonly CLOSED = 3;
    readyState = 0;
    readonly url: string;
    private detach: (() => void) | null = null;

    constructor(url: string | URL, protocols?: string | string[]) {
      super();
      this.url = String(url);
      const target = new URL(this.url);
      if (target.origin !== WS_ORIGIN) return new NetworkWebSocket(url, protocols) as unknown as InPageWebSocket;
      setTimeout(() => {
        const auth = engine.authorizeStream(target.pathname + target.search);
        if (!auth.ok) return this.finish(1006, auth.message, true);
        this.readyState = 1;
        this.dispatchEvent(new Event('open'));
        this.detach = engine.attachStream(auth, {
          send: (data) => setTimeout(() => this.readyState === 1 && this.dispatchEvent(new MessageEvent('message', {data}))),
          close: (code, reason) => this.finish(code, reason, false),
        });
      });
    }

    send(): void {
      // Client frames are not part of the payor protocol.
    }

    close(code = 1000, reason = ''): void {
      this.finish(code, reason, false);
    }

    private finish(code: number, reason: string, failed: boolean): void {
      if (this.readyState === 3) return;
      this.readyState = 3;
      this.detach?.();
      this.detach = null;
      if (failed) this.dispatchEvent(new Event('error'));
      this.dispatchEvent(new CloseEvent('close', {code, reason, wasClean: !failed}));
    }
  }
  window.WebSocket = InPageWebSocket as unknown as typeof WebSocket;
  return engine;
}
