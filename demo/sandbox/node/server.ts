/** Node adapter: the sandbox engine over real HTTP and a real WebSocket (`ws`), on 127.0.0.1. */
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import type {Duplex} from 'node:stream';
import {WebSocketServer} from 'ws';
import {SandboxEngine, type EngineOptions} from '../engine/engine.ts';

const MAX_BODY = 64 * 1024;

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'content-type, accept, x-session-token, x-signature, x-api-key, x-commerce-api-key, idempotency-key',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-expose-headers': 'retry-after, x-request-id',
  'access-control-max-age': '600',
};

export interface SandboxServerOptions extends EngineOptions {
  port?: number;
  host?: string;
  tickMs?: number;
  /** Also listen on a second port (`secondUrl`), the same sandbox behind it. */
  secondDoor?: boolean;
}

export interface RunningSandbox {
  url: string;
  /**
   * The same sandbox on a port of its own, when asked for. Chromium lets one WebSocket handshake at
   * a time go to an address and port (RFC 6455 §4.1; Firefox, to an address whatever the port): a
   * handshake held on purpose holds up every other page's, so a test that holds one comes here.
   */
  secondUrl?: string;
  engine: SandboxEngine;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxServerOptions = {}): Promise<RunningSandbox> {
  const engine = new SandboxEngine(options);
  const wss = new WebSocketServer({noServer: true, maxPayload: 16 * 1024});
  /** Held handshakes, each with the way to answer it once its invoice's stall is lifted. */
  const stalled = new Map<Duplex, () => void>();

  const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node's HTTP server stops listening for errors on a socket it hands over for an upgrade: a
    // browser that resets it (a page closed while its handshake is held or refused) would throw
    // ECONNRESET out of the process. The sandbox drops that socket instead.
    if (socket.listenerCount('error') === 0) socket.on('error', () => socket.destroy());
    const url = req.url ?? '/';
    if (!url.startsWith('/ws/payment')) return reject(socket, 404, 'Not found');
    const auth = engine.authorizeStream(url);
    if (!auth.ok && auth.status === 0) {
      // A handshake held unanswered: answered once the stall is lifted (as a slow server would),
      // dropped after a minute.
      const drop = setTimeout(() => socket.destroy(), 60_000);
      const forget = () => {
        clearTimeout(drop);
        stalled.delete(socket);
      };
      socket.once('close', forget);
      stalled.set(socket, () => {
        socket.off('close', forget);
        forget();
        upgrade(req, socket, head);
      });
      return;
    }
    if (!auth.ok) return reject(socket, auth.status, auth.message);
    wss.handleUpgrade(req, socket, head, (ws) => {
      const detach = engine.attachStream(auth, {
        send: (text) => ws.readyState === ws.OPEN && ws.send(text),
        close: (code, reason) => ws.close(code, reason),
      });
      ws.on('close', detach);
      ws.on('error', detach);
      // Client frames are not part of the protocol: ignored.
    });
  };

  const ticker = setInterval(() => engine.tick(), options.tickMs ?? 1000);
  ticker.unref();

  const door = async (port: number) => {
    const server = createServer((req, res) => {
      // A fault change may lift a stall: held handshakes are tried again (each is held anew if not).
      void serveHttp(engine, req, res).then(() => {
        if (req.url?.endsWith('/faults')) for (const answer of [...stalled.values()]) answer();
      });
    }).on('upgrade', upgrade);
    await new Promise<void>((resolve, rejectListen) => {
      server.once('error', rejectListen);
      server.listen(port, options.host ?? '127.0.0.1', resolve);
    });
    const address = server.address();
    return {server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`};
  };
  const doors = [await door(options.port ?? 0), ...(options.secondDoor ? [await door(0)] : [])];
  return {
    url: doors[0]!.url,
    secondUrl: doors[1]?.url,
    engine,
    close: async () => {
      clearInterval(ticker);
      for (const client of wss.clients) client.terminate();
      for (const socket of stalled.keys()) socket.destroy();
      await Promise.all(
        doors.map(({server}) => {
          server.closeAllConnections();
          return new Promise<void>((resolve) => server.close(() => resolve()));
        }),
      );
    },
  };
}

function reject(socket: Duplex, status: number, message: string): void {
  socket.end(`HTTP/1.1 ${status} ${message}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

async function serveHttp(engine: SandboxEngine, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS).end();
      return;
    }
    const body = await readBody(req);
    if (body === null) {
      res
        .writeHead(413, {...CORS, 'content-type': 'application/json', connection: 'close'})
        .end(JSON.stringify({success: false, error: {code: 'PAYLOAD_TOO_LARGE', message: 'Body too large'}}));
      return;
    }
    const headers: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(req.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    const response = engine.handle({method: req.method ?? 'GET', url: req.url ?? '/', headers, body});
    if (response.delayMs) await new Promise((r) => setTimeout(r, response.delayMs));
    if (res.destroyed) return;
    res.writeHead(response.status, {...CORS, 'cache-control': 'no-store', ...response.headers}).end(response.body);
  } catch {
    if (!res.headersSent) res.writeHead(500, CORS);
    res.end();
  }
}

/** The body as text, or null past the size limit. */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, rejectRead) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is drained unread, so the 413 still reaches the client.
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', rejectRead);
  });
}
