import {defineConfig, type Plugin} from 'vite';

/**
 * Escapes every non-ASCII character as \uXXXX: a storefront page without `<meta charset>` would
 * otherwise decode the classic script as Latin-1 and show "Â·" for "·".
 */
function asciiOnly(): Plugin {
  return {
    name: 'pepay-ascii-only',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk')
          chunk.code = chunk.code.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      }
    },
  };
}

/**
 * The script-tag builds: everything (Lit, zod, QR) inside. `dist/cdn/pepay-checkout.iife.js` is the
 * classic script named by package.json's `unpkg`; `pepay-checkout.es.js` is for `type="module"`.
 * The npm build (unbundled ESM + .d.ts) comes from `tsc -p tsconfig.build.json`.
 */
export default defineConfig({
  plugins: [asciiOnly()],
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
