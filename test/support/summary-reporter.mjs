/**
 * Prints `wtr: N passed, N failed, N skipped` as the run's last line, which CI reads, and just
 * before it one line per failed test (engine, file, test, first line of its error): CI keeps only
 * the end of a long log, and a failure must be named there to be fixed.
 * A test file that fails to load counts as one failure; a run stopped by an error in Node, as one.
 */
export function summaryReporter() {
  let finished = false;
  return {
    start() {
      // An error thrown out of a Node-side server stops web-test-runner before the run finishes,
      // and it then says nothing CI keeps: name the error and count the run as failed.
      let stoppedBy;
      process.on('uncaughtException', (error) => (stoppedBy ??= error));
      process.on('exit', () => {
        if (finished) return;
        // Straight to stdout: web-test-runner's progress bar holds console output back, and loses it here.
        const why = String(stoppedBy?.stack ?? stoppedBy ?? 'before the run finished')
          .split('\n', 2)
          .join(' ');
        process.stdout.write(`failed: the test runner stopped: ${why}\nwtr: 0 passed, 1 failed, 0 skipped\n`);
      });
    },
    onTestRunFinished({sessions}) {
      finished = true;
      // Node-side tests ran first (scripts/test.mjs); one summary line covers both.
      let passed = Number(process.env.PEPAY_NODE_PASSED ?? 0);
      let failed = Number(process.env.PEPAY_NODE_FAILED ?? 0);
      let skipped = 0;
      const failures = JSON.parse(process.env.PEPAY_NODE_FAILURES ?? '[]').map((name) => `failed: node test/node > ${name}`);
      const count = (suite, session, path) => {
        for (const test of suite.tests) {
          if (test.skipped) skipped++;
          else if (test.passed) passed++;
          else {
            failed++;
            failures.push(failureLine(session, [...path, test.name], test.error?.message));
          }
        }
        for (const child of suite.suites) count(child, session, [...path, child.name]);
      };
      for (const session of sessions) {
        if (session.testResults) count(session.testResults, session, []);
        if (!session.passed && (!session.testResults || session.errors?.length)) {
          failed++;
          failures.push(failureLine(session, ['(the file)'], session.errors?.[0]?.message));
        }
      }
      process.on('exit', () => {
        for (const failure of failures) console.log(failure);
        console.log(`wtr: ${passed} passed, ${failed} failed, ${skipped} skipped`);
      });
    },
  };
}

const failureLine = (session, names, message = '') =>
  `failed: ${session.browser?.name ?? '?'} ${session.testFile} > ${names.filter(Boolean).join(' > ')}: ${String(message).split('\n')[0].slice(0, 300)}`;
