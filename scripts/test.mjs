#!/usr/bin/env node
/**
 * `npm test`: every test, in a real browser, with the coverage gate. Finds Chromium first
 * (CHROME_PATH, then the usual paths). A browser that is missing is installed from Debian's
 * packages when the command runs as root on a machine with apt-get (as on a fresh CI machine);
 * elsewhere it says exactly how to get one.
 * Extra arguments go to web-test-runner (e.g. `npm test -- --files test/api/client.test.ts`).
 */
import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {APT_PACKAGES, FIREFOX_MIN_MAJOR, findChromium, firefoxMajor, INSTALL_HINT} from '../test/support/browsers.mjs';

const wanted = (process.env.BROWSERS ?? 'chrome').split(',');
const installed = {
  chrome: () => Boolean(findChromium()),
  // An older Firefox ESR counts as missing: apt-get installs the current one over it.
  firefox: () => firefoxMajor() >= FIREFOX_MIN_MAJOR,
  webkit: () => existsSync('/usr/bin/WebKitWebDriver'),
};
const missing = wanted.filter((name) => installed[name] && !installed[name]());
const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
if (missing.length && canInstall) {
  const packages = missing.flatMap((name) => APT_PACKAGES[name]);
  console.log(`== installing ${packages.join(' ')} (apt-get, as root)`);
  const apt = (args) => spawnSync('apt-get', args, {stdio: 'inherit', env: {...process.env, DEBIAN_FRONTEND: 'noninteractive'}});
  if (apt(['update', '-qq']).status !== 0 || apt(['install', '-y', '-qq', '--no-install-recommends', ...packages]).status !== 0)
    process.exit(1);
}
for (const name of missing) {
  if (installed[name]()) continue;
  const major = name === 'firefox' ? firefoxMajor() : 0;
  const found = major ? `Firefox ESR ${major} is older than ${FIREFOX_MIN_MAJOR}` : `No ${name} browser found`;
  const why = canInstall ? 'apt-get could not install it' : 'this is not a root shell with apt-get';
  console.error(`${found}, and ${why}. Install it with:\n  ${INSTALL_HINT[name]}`);
  process.exit(1);
}

// The tests load the built bundles, the built static demo and import the npm build: build first.
for (const script of ['build', 'build:demo']) {
  const build = spawnSync('npm', ['run', '--silent', script], {stdio: ['ignore', 'ignore', 'inherit']});
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Node tests (server-side import of the npm build); their counts join the browser summary.
const node = spawnSync(process.execPath, ['--test', '--test-reporter=tap', 'test/node/'], {encoding: 'utf8'});
process.stdout.write(node.stdout);
process.stderr.write(node.stderr);
const count = (label) => Number(node.stdout.match(new RegExp(`^# ${label} (\\d+)`, 'm'))?.[1] ?? 0);
process.env.PEPAY_NODE_PASSED = String(count('pass'));
// A test cancelled (its promise left pending, a timeout) counts as failed.
process.env.PEPAY_NODE_FAILED = String(count('fail') + count('cancelled') || (node.status === 0 ? 0 : 1));
// Their names, for the summary's `failed:` lines (top-level TAP results only).
process.env.PEPAY_NODE_FAILURES = JSON.stringify([...node.stdout.matchAll(/^not ok \d+ - (.*)$/gm)].map((m) => m[1]));

const args = process.argv.slice(2);
const coverage = args.includes('--files') ? [] : ['--coverage'];
const run = spawnSync(
  process.execPath,
  ['--import', 'tsx', 'node_modules/@web/test-runner/dist/bin.js', '--config', 'web-test-runner.config.mjs', ...coverage, ...args],
  {stdio: 'inherit'},
);
process.exit(run.status || (node.status === 0 ? 0 : 1));
