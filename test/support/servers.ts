/** URLs of the local servers the test runner started (see servers-plugin.ts). */
export interface TestServers {
  scriptUrl: string;
  sandboxUrl: string;
  /** The same sandbox on a port of its own (demo/sandbox/node/server.ts `secondUrl`). */
  sandboxSecondUrl: string;
}

// A virtual module served by the test-runner plugin; a variable keeps bundlers from resolving it.
const moduleUrl = '/__servers.js';
export const servers = ((await import(moduleUrl)) as {servers: TestServers}).servers;
