// The script-tag build carries no comments, so the licences of what it bundles travel beside it
// (dist/cdn/THIRD-PARTY-LICENSES.txt): every npm package its source maps name, with its notice.
import assert from 'node:assert/strict';
import {readdir, readFile} from 'node:fs/promises';
import {test} from 'node:test';

const cdn = new URL('../../dist/cdn/', import.meta.url);

async function bundledPackages() {
  const maps = [
    ...(await readdir(cdn)).filter((name) => name.endsWith('.js.map')),
    ...(await readdir(new URL('chunks/', cdn))).filter((name) => name.endsWith('.js.map')).map((name) => `chunks/${name}`),
  ];
  const packages = new Set();
  for (const map of maps) {
    for (const source of JSON.parse(await readFile(new URL(map, cdn), 'utf8')).sources) {
      const found = [...source.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)\//g)].at(-1);
      if (found) packages.add(found[1]);
    }
  }
  return packages;
}

test('every package bundled into the script-tag build has its licence notice in THIRD-PARTY-LICENSES.txt', async () => {
  const licences = await readFile(new URL('THIRD-PARTY-LICENSES.txt', cdn), 'utf8');
  const packages = await bundledPackages();
  for (const name of ['lit-html', 'zod', 'uqr', 'mipd']) assert.ok(packages.has(name), `${name} is bundled`);
  for (const name of packages) {
    const pkg = JSON.parse(await readFile(new URL(`../../node_modules/${name}/package.json`, import.meta.url), 'utf8'));
    const start = licences.indexOf(`${name}@${pkg.version} (${pkg.license})\n`);
    assert.ok(start >= 0, name);
    const text = licences.slice(start, licences.indexOf('\n---', start) >>> 0);
    assert.match(text, pkg.license === 'MIT' ? /Permission is hereby granted/ : /Redistribution and use/, name);
    assert.match(text, /Copyright/, name);
  }
});
