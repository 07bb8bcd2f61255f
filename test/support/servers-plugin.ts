/**
 * Starts the real local servers the browser tests talk to (127.0.0.1 only) and hands their
 * URLs to the tests through the virtual module `/__servers.js`.
 */
import type {Server} from 'node:http';
import {startSandbox, type RunningSandbox} from '../../demo/sandbox/node/server.ts';
import {startScriptServer} from './script-server.ts';

export function testServersPlugin() {
  const servers: Server[] = [];
  let sandbox: RunningSandbox | undefined;
  let config = {scriptUrl: '', sandboxUrl: '', sandboxSecondUrl: ''};
  return {
    name: 'pepay-test-servers',
    async serverStart() {
      const script = await startScriptServer();
      servers.push(script.server);
      // Fast clock ticks and heartbeats keep realtime tests short. The replay window is shared by
      // every invoice of the three browsers: kept large, so that one browser's burst of payments
      // cannot push another test's events out of `since=` replay while its socket is down.
      // The second door is for a test that holds a WebSocket handshake (see RunningSandbox).
      sandbox = await startSandbox({tickMs: 100, heartbeatMs: 1000, retention: 100_000, secondDoor: true});
      config = {scriptUrl: script.url, sandboxUrl: sandbox.url, sandboxSecondUrl: sandbox.secondUrl!};
    },
    async serverStop() {
      await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
      await sandbox?.close();
    },
    serve(context: {path: string}) {
      if (context.path === '/__servers.js') {
        return {body: `export const servers = ${JSON.stringify(config)};`, type: 'js'};
      }
      return undefined;
    },
  };
}
