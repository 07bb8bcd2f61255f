/**
 * Prints `wtr: N passed, N failed, N skipped` as the run's last line, which CI reads.
 * A test file that fails to load counts as one failure.
 */
export function summaryReporter() {
  return {
    onTestRunFinished({sessions}) {
      // Node-side tests ran first (scripts/test.mjs); one summary line covers both.
      let passed = Number(process.env.PEPAY_NODE_PASSED ?? 0);
      let failed = Number(process.env.PEPAY_NODE_FAILED ?? 0);
      let skipped = 0;
      const count = (suite) => {
        for (const test of suite.tests) {
          if (test.skipped) skipped++;
          else if (test.passed) passed++;
          else failed++;
        }
        for (const child of suite.suites) count(child);
      };
      for (const session of sessions) {
        if (session.testResults) count(session.testResults);
        if (!session.passed && (!session.testResults || session.errors?.length)) failed++;
      }
      process.on('exit', () => console.log(`wtr: ${passed} passed, ${failed} failed, ${skipped} skipped`));
    },
  };
}
