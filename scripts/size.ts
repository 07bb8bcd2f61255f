#!/usr/bin/env tsx
/**
 * Measures the script-tag build (gzip -9, each file as a browser fetches it) and fails when the
 * classic script tag's first paint, or its first screen, is over budget. Writes the figures to
 * bench/results/size.json.
 */
import {join} from 'node:path';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {firstPaintFiles, firstScreenChunks, lazyChunkFiles, sizesOf} from './bench/bundle.ts';
import budgets from './budgets.json' with {type: 'json'};

/**
 * First paint of the classic script tag: the loader, the first-paint entry and the chunks it imports
 * statically (Lit, the card and its skeleton, the choice of language, the button). The first
 * screen: with it, what the loader fetches beside it for the checkout to start (controller,
 * machine, API client, zod, token list).
 */
const BUDGET_KB = budgets.firstPaintGzipKb;
const FIRST_SCREEN_BUDGET_KB = budgets.firstScreenGzipKb;

const measure = (path: string) => {
  const {raw, gzip} = sizesOf(readFileSync(path));
  return {path, bytes: raw, gzipBytes: gzip};
};
const sum = (files: ReturnType<typeof measure>[]) => files.reduce((total, f) => total + f.gzipBytes, 0);
const firstPaint = firstPaintFiles().map(measure);
const firstScreen = firstScreenChunks().map((file) => measure(join('dist/cdn', file)));
const alongside = new Set(firstScreen.map((f) => f.path));
const onDemand = lazyChunkFiles()
  .filter((path) => !alongside.has(path))
  .map(measure);
mkdirSync('bench/results', {recursive: true});
writeFileSync(
  'bench/results/size.json',
  JSON.stringify(
    {
      budgetKb: BUDGET_KB,
      firstPaint: {gzipBytes: sum(firstPaint), files: firstPaint},
      firstScreenBudgetKb: FIRST_SCREEN_BUDGET_KB,
      firstScreen: {gzipBytes: sum(firstPaint) + sum(firstScreen), files: [...firstPaint, ...firstScreen]},
      onDemand,
    },
    null,
    2,
  ) + '\n',
);
const kb = (n: number) => (n / 1024).toFixed(2);
for (const f of firstPaint) console.log(`first paint  ${f.path}: ${kb(f.bytes)} kB, ${kb(f.gzipBytes)} kB gzip`);
for (const f of firstScreen) console.log(`first screen ${f.path}: ${kb(f.bytes)} kB, ${kb(f.gzipBytes)} kB gzip`);
for (const f of onDemand) console.log(`on demand    ${f.path}: ${kb(f.bytes)} kB, ${kb(f.gzipBytes)} kB gzip`);
const firstScreenBytes = sum(firstPaint) + sum(firstScreen);
console.log(`first paint: ${kb(sum(firstPaint))} kB gzip; first screen (with it): ${kb(firstScreenBytes)} kB gzip`);
let over = false;
for (const [what, bytes, budget] of [
  ['first paint', sum(firstPaint), BUDGET_KB],
  ['first screen', firstScreenBytes, FIRST_SCREEN_BUDGET_KB],
] as const) {
  if (bytes <= budget * 1024) continue;
  console.error(`The ${what} is ${kb(bytes)} kB gzip, over its ${budget} kB budget.`);
  over = true;
}
if (over) process.exit(1);
console.log(`within the ${BUDGET_KB} kB (first paint) and ${FIRST_SCREEN_BUDGET_KB} kB (first screen) gzip budgets`);
