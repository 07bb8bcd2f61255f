import {defineConfig} from 'vite';

/**
 * The script-tag builds: everything (Lit, zod, QR) inside. `dist/cdn/pepay-checkout.iife.js` is the
 * classic script named by package.json's `unpkg`; `pepay-checkout.es.js` is for `type="module"`.
 * The npm build (unbundled ESM + .d.ts) comes from `tsc -p tsconfig.build.json`.
 */
export default defineConfig({
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    lib: {
      entry: 'src/cdn.ts',
      name: 'PepayCheckoutBundle',
      formats: ['iife', 'es'],
      fileName: (format) => `pepay-checkout.${format}.js`,
    },
  },
});
