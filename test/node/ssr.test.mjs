// The npm build imported in Node, as a server-side renderer would: nothing may throw.
import assert from 'node:assert/strict';
import {test} from 'node:test';

test('the class entry imports in Node and exposes the public API', async () => {
  const api = await import('../../dist/index.js');
  for (const name of [
    'PepayCheckout',
    'PepayCheckoutButton',
    'PepayCheckoutDialog',
    'PepayQr',
    'PayorClient',
    'PepayError',
    'openCheckout',
    'defineElements',
  ]) {
    assert.equal(typeof api[name], 'function', name);
  }
  assert.equal(api.ERROR_CODES.length, 11);
});

test('the registering entry imports in Node without a custom element registry', async () => {
  await import('../../dist/define.js');
  const {defineElements} = await import('../../dist/registry.js');
  assert.doesNotThrow(() => defineElements());
});

test('the API client works in Node and still refuses merchant keys', async () => {
  const {PayorClient} = await import('../../dist/index.js');
  assert.throws(() => new PayorClient({sessionToken: 'sk_live_x', signature: 'y'}), /merchant API key/);
});

test('package.json points at files the build wrote', async () => {
  const {readFile, access} = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));
  const paths = [
    pkg.main,
    pkg.types,
    pkg.unpkg,
    pkg.customElements,
    ...Object.values(pkg.exports).flatMap((e) => (typeof e === 'string' ? [e] : Object.values(e))),
  ];
  for (const path of paths.filter((p) => p.startsWith('./'))) await access(new URL(`../../${path}`, import.meta.url));
});

test('VERSION is package.json version (guarded registration compares it)', async () => {
  const {readFile} = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));
  const {VERSION} = await import('../../dist/index.js');
  assert.equal(VERSION, pkg.version);
});
