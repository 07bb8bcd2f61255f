/** Helpers for tests that drive the real sandbox over HTTP and WebSocket. */
import {servers} from './servers.js';

export const sandboxUrl = servers.sandboxUrl;
export const wsBase = sandboxUrl.replace(/^http/, 'ws');

export interface Session {
  invoice_id: string;
  session_token: string;
  signature: string;
  payment_url: string;
  order_id: string | null;
}

export async function createSession(options: Record<string, unknown> = {}): Promise<Session> {
  const response = await fetch(`${sandboxUrl}/sandbox/invoices`, {method: 'POST', body: JSON.stringify(options)});
  if (!response.ok) throw new Error(`create session: ${response.status} ${await response.text()}`);
  return response.json() as Promise<Session>;
}

export async function simulate(invoiceId: string, action: string, body: unknown = {}): Promise<Response> {
  return fetch(`${sandboxUrl}/sandbox/invoices/${invoiceId}/${action}`, {method: 'POST', body: JSON.stringify(body)});
}

export interface SandboxView {
  invoice: {status: string; amount_paid: number; amount_remaining: number};
  locked: {network: string; tokenId: number; address: string} | null;
  allocation: {address: string; network: string; tokenId: number} | null;
  addresses_issued: number;
  customer_email: string | null;
  answers: Record<string, string>;
  order: {status: string; substatus: string | null} | null;
  open_streams: number;
  events: {id: string; type: string; data: {object: Record<string, unknown>}}[];
  requests: {method: string; path: string; headers: Record<string, string>; body: string; at: number}[];
}

export async function inspect(invoiceId: string): Promise<SandboxView> {
  const response = await fetch(`${sandboxUrl}/sandbox/invoices/${invoiceId}`);
  return response.json() as Promise<SandboxView>;
}

/**
 * How many requests the invoice's log holds once it has stopped growing for half a second (10 s
 * at most): a request already on the wire lands before a test watches for new ones, however
 * loaded the machine. Something that repeats (a poll every 2 s) still shows in a longer window.
 */
export async function requestsOnceQuiet(invoiceId: string): Promise<number> {
  const started = Date.now();
  let count = (await inspect(invoiceId)).requests.length;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = (await inspect(invoiceId)).requests.length;
    if (now === count || Date.now() - started > 10_000) return now;
    count = now;
  }
}

export async function payorFetch(session: Session, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${sandboxUrl}${path}`, {
    ...init,
    headers: {'x-session-token': session.session_token, 'x-signature': session.signature, ...init.headers},
  });
}

/** A real WebSocket that records every frame, with a way to wait for one. */
export function openSocket(url: string) {
  const socket = new WebSocket(url);
  const frames: Record<string, unknown>[] = [];
  const waiters: (() => void)[] = [];
  const opened = new Promise<boolean>((resolve) => {
    socket.addEventListener('open', () => resolve(true));
    socket.addEventListener('error', () => resolve(false));
  });
  const closed = new Promise<CloseEvent>((resolve) => socket.addEventListener('close', resolve));
  socket.addEventListener('message', (event: MessageEvent<string>) => {
    frames.push(JSON.parse(event.data) as Record<string, unknown>);
    for (const wake of waiters.splice(0)) wake();
  });
  async function waitFor(predicate: (frames: Record<string, unknown>[]) => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(frames)) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for frames; got ${JSON.stringify(frames.map((f) => f['type']))}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }
  const events = () => frames.filter((f) => f['object'] === 'event');
  return {socket, frames, events, opened, closed, waitFor};
}
