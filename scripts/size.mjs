#!/usr/bin/env node
/**
 * Measures the script-tag bundles (gzip -9) and fails when the classic bundle is over budget.
 * Writes the figures to bench/results/size.json.
 */
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {gzipSync} from 'node:zlib';

/**
 * First paint of the classic script tag (the QR encoder comes later, on demand). Tightened as the
 * code allows. Raised from 33 to 40 kB by issue 16 (checks on every payment instruction, Trusted
 * Types) and issue 14 (the remembered place, "I already paid" in words, what happened to the
 * money, copy and token feedback): about 6 kB gzip, all of it in the one classic file until lazy
 * classic chunks with a shared runtime (issue 11) take the address step and the last screens out.
 */
const BUDGET_KB = 40;
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const files = {classic: pkg.unpkg, module: pkg.exports['./cdn'], qrEncoder: './dist/cdn/pepay-qr-encoder.iife.js'};
const figures = {};
for (const [name, path] of Object.entries(files)) {
  const bytes = readFileSync(path);
  figures[name] = {path, bytes: bytes.length, gzipBytes: gzipSync(bytes, {level: 9}).length};
}
mkdirSync('bench/results', {recursive: true});
writeFileSync('bench/results/size.json', JSON.stringify({budgetKb: BUDGET_KB, ...figures}, null, 2) + '\n');
const kb = (n) => (n / 1024).toFixed(2);
for (const [name, f] of Object.entries(figures)) console.log(`${name.padEnd(9)} ${f.path}: ${kb(f.bytes)} kB, ${kb(f.gzipBytes)} kB gzip`);
if (figures.classic.gzipBytes > BUDGET_KB * 1024) {
  console.error(`The classic bundle is ${kb(figures.classic.gzipBytes)} kB gzip, over its ${BUDGET_KB} kB budget.`);
  process.exit(1);
}
console.log(`within the ${BUDGET_KB} kB gzip budget`);
