import {basename, dirname} from 'node:path';
import {defineConfig, type Plugin, type UserConfig} from 'vite';
import {fetchedAlongside} from './scripts/bench/bundle.ts';

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
 * Lit inside the script-tag bundles creates no Trusted Types policy of its own: the name
 * `lit-html` belongs to the page's Lit, when it has one (creating it twice throws under
 * `trusted-types` without `'allow-duplicates'`, and the element would never be defined). The
 * bundle's Lit uses our `pepay-checkout` policy instead (src/trusted-types.ts).
 */
function litTrustedTypesPolicy(): Plugin {
  const policyModule = new URL('./src/trusted-types.ts', import.meta.url).pathname;
  const creation =
    /\b(\w+)\s*\?\s*\1\.createPolicy\(\s*["']lit-html["']\s*,\s*\{\s*createHTML:\s*\(?(\w+)\)?\s*=>\s*\2,?\s*\}\s*\)\s*:\s*(?:void 0|undefined)/;
  return {
    name: 'pepay-lit-trusted-types-policy',
    transform(code, id) {
      if (!/[\\/]lit-html[\\/](development[\\/])?lit-html\.js$/.test(id)) return null;
      if (!creation.test(code)) this.error('lit-html no longer creates its Trusted Types policy as litTrustedTypesPolicy expects');
      return `import {litPolicy as __pepayLitPolicy} from ${JSON.stringify(policyModule)};\n${code.replace(creation, '__pepayLitPolicy()')}`;
    },
  };
}

/**
 * The checkout's first screen as one chunk: the modules that src/elements/checkout/first-screen.ts
 * imports statically, directly or not (the first paint's own stay there). Without it they would
 * be split into many small chunks shared with the later views, each fetched and compressed on its
 * own; every later view needs the first screen anyway. `test` reads the module graph the plugin
 * records, once parsing is over.
 */
function firstScreenGroup(): {plugin: Plugin; test: (id: string) => boolean} {
  const imports = new Map<string, readonly string[]>();
  let members: Set<string> | null = null;
  const closure = () => {
    const seen = new Set<string>();
    const visit = (id: string) => {
      if (seen.has(id)) return;
      seen.add(id);
      for (const imported of imports.get(id) ?? []) visit(imported);
    };
    for (const id of imports.keys()) if (id.endsWith('/elements/checkout/first-screen.ts')) visit(id);
    return seen;
  };
  return {
    plugin: {name: 'pepay-first-screen-group', moduleParsed: (info) => void imports.set(info.id, info.importedIds)},
    test: (id) => (members ??= closure()).has(id),
  };
}

/**
 * Names a chunk after what it holds: a view after its folder (`chunks/payment-details-<hash>.js`),
 * the QR encoder and the checkout's first screen as such; everything the first paint needs is one
 * chunk, `first-paint`.
 */
function chunkFileName(chunk: {facadeModuleId: string | null}): string {
  const facade = chunk.facadeModuleId ?? '';
  if (facade.endsWith('/define.ts')) return `chunks/${basename(dirname(facade))}-[hash].js`;
  if (facade.includes('/node_modules/uqr/')) return 'chunks/qr-encoder-[hash].js';
  if (facade.endsWith('/checkout/first-screen.ts')) return 'chunks/first-screen-[hash].js';
  return 'chunks/[name]-[hash].js';
}

/** One script-tag artifact per mode, all in dist/cdn (`npm run build:cdn` builds both, module first). */
const artifacts: Record<string, () => UserConfig> = {
  // `pepay-checkout.iife.js`, the classic script named by package.json's `unpkg`: a loader that
  // imports the module bundle next to it.
  classic: () => ({
    plugins: [asciiOnly()],
    // The chunks the module bundle imports statically and the checkout's first screen, from the
    // manifest its build wrote: the loader fetches them beside the bundle instead of after it.
    define: {__PEPAY_ALONGSIDE__: JSON.stringify(fetchedAlongside())},
    build: {
      emptyOutDir: false,
      lib: {entry: 'src/cdn/classic.ts', name: 'PepayCheckoutLoader', formats: ['iife'], fileName: () => 'pepay-checkout.iife.js'},
    },
  }),
  // `pepay-checkout.es.js` for `type="module"` and for the loader, with its lazy chunks beside it.
  // Minified in full (a library build keeps an ES bundle's whitespace); `chunks.json` lists what
  // imports what, for the size figures.
  module: () => {
    const firstScreen = firstScreenGroup();
    return {
      plugins: [asciiOnly(), litTrustedTypesPolicy(), firstScreen.plugin],
      build: {
        emptyOutDir: true,
        manifest: 'chunks.json',
        lib: {entry: 'src/cdn/module.ts', formats: ['es'], fileName: () => 'pepay-checkout.es.js'},
        rollupOptions: {
          output: {
            minify: true,
            chunkFileNames: chunkFileName,
            codeSplitting: {
              groups: [
                {name: 'first-paint', tags: ['$initial'], priority: 2},
                {name: 'first-screen', test: firstScreen.test, priority: 1},
              ],
            },
          },
        },
      },
    };
  },
};

/**
 * The script-tag builds: Lit, zod and the rest inside, the parts the first screen does not need in
 * chunks. The npm build (unbundled ESM + .d.ts) comes from `tsc -p tsconfig.build.json`.
 */
export default defineConfig(({mode}) => {
  const artifact = artifacts[mode]?.();
  if (!artifact) throw new Error(`vite build --mode ${Object.keys(artifacts).join(' | ')}`);
  return {...artifact, build: {outDir: 'dist/cdn', target: 'es2022', sourcemap: true, ...artifact.build}};
});
