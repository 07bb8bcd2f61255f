/**
 * A scriptable HTTP server for client tests: a test queues exact responses (status, headers,
 * body, raw text, delay) for a path, makes its calls, then reads back what the server received.
 * Listens on 127.0.0.1 only. Paths are namespaced by the test so files can run side by side.
 */
import {createServer, type IncomingMessage, type Server} from 'node:http';

export interface ScriptedResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Sent verbatim instead of `body`, to test malformed JSON. */
  raw?: string;
  delayMs?: number;
}

interface LoggedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  at: number;
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'content-type, x-session-token, x-signature, accept',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-expose-headers': 'retry-after, x-request-id, request-id',
};

export async function startScriptServer(): Promise<{server: Server; url: string}> {
  const queues = new Map<string, ScriptedResponse[]>();
  const log: LoggedRequest[] = [];

  const server = createServer((req, res) => {
    void handle(req).then(
      ({status, headers, text}) => {
        res.writeHead(status, {...CORS, ...headers});
        res.end(text);
      },
      () => {
        res.writeHead(500, CORS);
        res.end();
      },
    );
  });

  async function handle(req: IncomingMessage): Promise<{status: number; headers: Record<string, string>; text: string}> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = await readBody(req);
    if (req.method === 'OPTIONS') return {status: 204, headers: {}, text: ''};
    if (url.pathname === '/__script') {
      const {path, responses} = JSON.parse(body) as {path: string; responses: ScriptedResponse[]};
      queues.set(path, [...(queues.get(path) ?? []), ...responses]);
      return json(200, {ok: true});
    }
    if (url.pathname === '/__log') {
      const prefix = url.searchParams.get('prefix') ?? '';
      return json(
        200,
        log.filter((r) => r.path.startsWith(prefix)),
      );
    }
    log.push({method: req.method ?? 'GET', path: url.pathname + url.search, headers: req.headers, body, at: Date.now()});
    const next = queues.get(url.pathname)?.shift();
    if (!next) return json(404, {success: false, error: {code: 'NOT_SCRIPTED', message: `nothing queued for ${url.pathname}`}});
    if (next.delayMs) await new Promise((r) => setTimeout(r, next.delayMs));
    const text = next.raw ?? (next.body === undefined ? '' : JSON.stringify(next.body));
    return {status: next.status ?? 200, headers: {'content-type': 'application/json', ...next.headers}, text};
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {server, url: `http://127.0.0.1:${port}`};
}

function json(status: number, value: unknown) {
  return {status, headers: {'content-type': 'application/json'}, text: JSON.stringify(value)};
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}
