#!/usr/bin/env node
/**
 * CI's performance gate, from the figures `npm run bench` wrote (bench/results/bench.json): the
 * first paint's size and the first screen's, one round of requests before the payer can act, at
 * most one render per animation frame in a burst, none of the checkout itself while idle on the
 * payment step (only its countdowns tick), and no handle left and a flat heap (the median of three
 * rounds) after the mount/unmount cycles. The budgets are in scripts/budgets.json; tighten one
 * whenever the code allows.
 */
import {readFileSync} from 'node:fs';

const BUDGETS = JSON.parse(readFileSync('scripts/budgets.json', 'utf8'));

const figures = JSON.parse(readFileSync('bench/results/bench.json', 'utf8'));
const handles = Object.values(figures.memory.handles).reduce((sum, n) => sum + n, 0);
const checks = [
  ['first paint, gzip kB', figures.firstPaint.gzip / 1024, BUDGETS.firstPaintGzipKb],
  ['first screen (with the first paint), gzip kB', figures.firstScreen.gzip / 1024, BUDGETS.firstScreenGzipKb],
  ['request rounds before interactive', figures.coldStart.rounds, BUDGETS.requestRounds],
  ['renders per animation frame (burst)', figures.burst.maxRendersPerFrame, BUDGETS.rendersPerFrame],
  ['checkout renders while idle (only the countdown ticks)', figures.frameToDom.idle.rootRenders, BUDGETS.idleRootRenders],
  ['handles left after the cycles', handles, BUDGETS.leakedHandles],
  ['heap growth per mount/unmount cycle, bytes', Math.abs(figures.memory.heapPerCycleBytes), BUDGETS.heapPerCycleBytes],
];
let failed = false;
for (const [name, value, budget] of checks) {
  const ok = value <= budget;
  failed ||= !ok;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${name}: ${Number(value.toFixed(2))} (budget ${budget})`);
}
process.exit(failed ? 1 : 0);
