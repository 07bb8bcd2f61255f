#!/usr/bin/env node
/**
 * `npm start`: the sandbox (PORT, default 8787) and the demo page (DEMO_PORT, default 5173),
 * both on 127.0.0.1. Ctrl-C stops both.
 */
import {spawn} from 'node:child_process';
import {createServer} from 'vite';

const sandboxPort = Number(process.env.PORT ?? 8787);
const demoPort = Number(process.env.DEMO_PORT ?? 5173);
const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;

const sandbox = spawn(process.execPath, ['--import', 'tsx', 'demo/sandbox/node/main.ts'], {
  stdio: 'inherit',
  env: {...process.env, PORT: String(sandboxPort)},
});
sandbox.on('exit', (code) => {
  console.error(`sandbox exited (${code}); stopping.`);
  process.exit(code ?? 1);
});

const demo = await createServer({
  root: 'demo',
  configFile: false,
  server: {host: '127.0.0.1', port: demoPort, strictPort: true},
});
await demo.listen();
const query = sandboxPort === 8787 ? '' : `?sandbox=${encodeURIComponent(sandboxUrl)}`;
console.log(`Demo: http://127.0.0.1:${demoPort}/${query}`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    sandbox.kill();
    void demo.close().then(() => process.exit(0));
  });
}
