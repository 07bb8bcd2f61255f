/**
 * Starts the real local servers the browser tests talk to (127.0.0.1 only) and hands their
 * URLs to the tests through the virtual module `/__servers.js`.
 */
import type {Server} from 'node:http';
import {startScriptServer} from './script-server.ts';

export function testServersPlugin() {
  const servers: Server[] = [];
  let config = {scriptUrl: '', sandboxUrl: ''};
  return {
    name: 'pepay-test-servers',
    async serverStart() {
      const script = await startScriptServer();
      servers.push(script.server);
      config = {...config, scriptUrl: script.url};
    },
    async serverStop() {
      await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    },
    serve(context: {path: string}) {
      if (context.path === '/__servers.js') {
        return {body: `export const servers = ${JSON.stringify(config)};`, type: 'js'};
      }
      return undefined;
    },
  };
}
