#!/usr/bin/env node
/**
 * `npm start`: the sandbox (PORT, default 8787) and the demo page (DEMO_PORT, default 5173),
 * both on 127.0.0.1. Ctrl-C stops both. A port already taken (a second `npm start`, say) is said
 * in one line, with the variable that moves it, before anything starts.
 */
import {spawn} from 'node:child_process';
import {createServer as createNetServer} from 'node:net';
import {createServer} from 'vite';

const sandboxPort = Number(process.env.PORT ?? 8787);
const demoPort = Number(process.env.DEMO_PORT ?? 5173);
const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;

/** Whether 127.0.0.1:`port` can be listened on now. */
const isFree = (port) =>
  new Promise((resolve) => {
    const probe = createNetServer()
      .once('error', () => resolve(false))
      .once('listening', () => probe.close(() => resolve(true)))
      .listen(port, '127.0.0.1');
  });

for (const [port, what, variable] of [
  [sandboxPort, 'the sandbox', 'PORT'],
  [demoPort, 'the demo page', 'DEMO_PORT'],
]) {
  if (!(await isFree(port))) {
    console.error(
      `Port ${port} (${what}) is already in use, perhaps by another npm start. Stop it, or choose another: ${variable}=<port> npm start`,
    );
    process.exit(1);
  }
}

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
