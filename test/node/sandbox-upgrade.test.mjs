// A WebSocket handshake the browser resets (a page closed while its handshake is refused or held)
// must not stop the sandbox: Node hands the socket over without an error listener, and a CI run
// of the three engines stopped on that ECONNRESET in WebKit.
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {connect, createServer} from 'node:net';
import {test} from 'node:test';

const root = new URL('../../', import.meta.url);

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** `npm run sandbox` on a free port; resolves once it says it listens. */
async function startSandbox() {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo/sandbox/node/main.ts'], {
    cwd: root,
    env: {...process.env, PORT: String(port)},
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => String(chunk).includes('listening') && resolve());
    child.once('exit', (code) => reject(new Error(`sandbox exited ${code}: ${stderr}`)));
  });
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(`exited ${code}: ${stderr}`)));
  return {url: `http://127.0.0.1:${port}`, port, child, exited};
}

/** Sends a WebSocket handshake for `path`, waits until the server has it, then resets the connection. */
async function handshakeThenReset(port, path) {
  const socket = connect(port, '127.0.0.1');
  await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  socket.on('error', () => {});
  socket.write(
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
  );
  // A refused handshake is answered at once; a held one is not answered at all.
  await Promise.race([new Promise((resolve) => socket.once('data', resolve)), new Promise((resolve) => setTimeout(resolve, 300))]);
  socket.resetAndDestroy();
  await new Promise((resolve) => socket.once('close', resolve));
}

async function json(url, init) {
  const response = await fetch(url, init);
  assert.ok(response.ok, `${url}: ${response.status}`);
  return response.json();
}

test('the sandbox lives on when a refused or a held WebSocket handshake is reset by the browser', {timeout: 30_000}, async () => {
  const sandbox = await startSandbox();
  try {
    const s = await json(`${sandbox.url}/sandbox/invoices`, {method: 'POST', body: '{}'});
    const payor = {'x-session-token': s.session_token, 'x-signature': s.signature};
    const [token] = await json(`${sandbox.url}/api/v1/payments/available-tokens`, {headers: payor});
    const address = await json(`${sandbox.url}/api/v1/payments/payment-addresses`, {
      method: 'POST',
      headers: {...payor, 'content-type': 'application/json'},
      body: JSON.stringify({network: token.network, tokenId: token.id}),
    });
    await json(`${sandbox.url}/sandbox/invoices/${s.invoice_id}/faults`, {method: 'POST', body: JSON.stringify({ws: {stall: true}})});

    const held = `/ws/payment?format=event_v1&token=${address.ws_connection.token}`;
    for (const path of ['/not-a-stream', '/ws/payment?format=event_v1&token=forged', held]) {
      await handshakeThenReset(sandbox.port, path);
      const answer = await Promise.race([fetch(`${sandbox.url}/sandbox/invoices/${s.invoice_id}`).then((r) => r.status), sandbox.exited]);
      assert.equal(answer, 200, path);
    }
  } finally {
    sandbox.child.kill();
  }
});
