// `npm start` with a port already taken (a second `npm start`, say): one clear line naming the
// variable that moves it, and nothing started (README "The demo").
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {createServer} from 'node:net';
import {test} from 'node:test';

const root = new URL('../../', import.meta.url);

/** A server holding a free port of 127.0.0.1 until closed. */
async function holdPort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

for (const [variable, what] of [
  ['PORT', 'the sandbox'],
  ['DEMO_PORT', 'the demo page'],
]) {
  test(`a taken ${variable} is said in one line and starts nothing`, async () => {
    const held = await holdPort();
    const port = held.address().port;
    // The other port: one that is free (the held one's neighbour is not guaranteed free, so ask).
    const other = await holdPort();
    const otherPort = other.address().port;
    await new Promise((resolve) => other.close(resolve));
    const env = {...process.env, PORT: String(otherPort), DEMO_PORT: String(otherPort), [variable]: String(port)};
    const run = spawnSync(process.execPath, ['scripts/start.mjs'], {cwd: root, env, encoding: 'utf8', timeout: 30_000});
    held.close();
    assert.equal(run.status, 1, run.stderr);
    assert.equal(
      run.stderr.trim(),
      `Port ${port} (${what}) is already in use, perhaps by another npm start. Stop it, or choose another: ${variable}=<port> npm start`,
    );
    assert.equal(run.stdout, '');
  });
}

// Found by a merchant probe: `npm run sandbox` on a taken port printed a whole EADDRINUSE stack.
test('npm run sandbox on a taken PORT is said in one line', async () => {
  const held = await holdPort();
  const port = held.address().port;
  const env = {...process.env, PORT: String(port)};
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'demo/sandbox/node/main.ts'], {
    cwd: root,
    env,
    encoding: 'utf8',
    timeout: 30_000,
  });
  held.close();
  assert.equal(run.status, 1, run.stderr);
  assert.equal(
    run.stderr.trim(),
    `Port ${port} (the sandbox) is already in use, perhaps by another sandbox. Stop it, or choose another: PORT=<port> npm run sandbox`,
  );
  assert.equal(run.stdout, '');
});
