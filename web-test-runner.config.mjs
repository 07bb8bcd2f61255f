import {esbuildPlugin} from '@web/dev-server-esbuild';
import {browsersFromEnv} from './test/support/browsers.mjs';
import {reactPlugin} from './test/support/react-plugin.mjs';
import {summaryReporter} from './test/support/summary-reporter.mjs';
import {sveltePlugin} from './test/support/svelte-plugin.mjs';
import {testServersPlugin} from './test/support/servers-plugin.ts';
import {defaultReporter} from '@web/test-runner';

export default {
  files: ['test/**/*.test.ts'],
  // The browser builds of packages that have one (Svelte's default build is its server one).
  nodeResolve: {exportConditions: ['browser']},
  // Three engines at once share two cores in CI: one page per engine at a time keeps timings sane.
  concurrency: (process.env.BROWSERS ?? 'chrome').includes(',') ? 1 : 2,
  // Generous: CI runs three engines at once on two cores.
  testFramework: {config: {timeout: 20000}},
  browsers: await browsersFromEnv(),
  plugins: [
    // tsconfig so esbuild sees the decorator flags; explicit target so decorators are lowered.
    esbuildPlugin({ts: true, target: 'es2022', tsconfig: './tsconfig.json'}),
    testServersPlugin(),
    reactPlugin(),
    sveltePlugin(),
  ],
  coverageConfig: {
    include: ['src/**/*.ts'],
    // Raised as the code grew (measured: 98 % lines, 89 % branches, 98 % functions).
    threshold: {statements: 95, lines: 95, branches: 85, functions: 95},
  },
  reporters: [defaultReporter(), summaryReporter()],
};
