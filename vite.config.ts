import {basename, dirname} from 'node:path';
import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import {defineConfig, type Plugin, type UserConfig} from 'vite';
import {fetchedAlongside, placeStoreChunks} from './scripts/bench/bundle.ts';
import {thirdPartyLicences} from './scripts/third-party-licences.ts';

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
 * Our `css` style sheets minified (comments, whitespace: lightningcss, through Lit's own plugin):
 * they ship as written otherwise, the first paint's too. A `css` template of declarations only
 * (the dark palette, spliced into rules) is no sheet lightningcss can read: it stays as written.
 * `html` templates stay as written: their whitespace is text the payer sees.
 */
function cssMinified(): Plugin {
  return minifyLiterals({
    include: ['src/**/*.ts'],
    failOnError: true,
    options: {
      shouldMinify: () => false,
      shouldMinifyCSS: (template) => template.tag === 'css' && template.parts.some((part) => part.text.includes('{')),
    },
  }) as unknown as Plugin;
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
 * The first paint and the checkout's first screen as one chunk each, from the module graph the
 * plugin records (`test` runs once parsing is over):
 * - `firstPaint`: what src/cdn/paint.ts imports statically, directly or not, and what the modal
 *   needs to open before the first screen is here (what its define.ts shares with it);
 * - `firstScreen`: the rest of what src/elements/checkout/first-screen.ts imports statically, and
 *   what the place store (src/controllers/place-store.ts, a chunk of its own) shares with others.
 * Left to themselves, the shared modules would be split into many small chunks, each fetched and
 * compressed on its own; the module entry (src/cdn/module.ts), which imports both, stays its own.
 */
function checkoutGroups(): {plugin: Plugin; firstPaint: (id: string) => boolean; firstScreen: (id: string) => boolean} {
  const imports = new Map<string, readonly string[]>();
  const closureOf = (suffix: string) => {
    const seen = new Set<string>();
    const visit = (id: string) => {
      if (seen.has(id)) return;
      seen.add(id);
      for (const imported of imports.get(id) ?? []) visit(imported);
    };
    for (const id of imports.keys()) if (id.endsWith(suffix)) visit(id);
    return seen;
  };
  let groups: {paint: Set<string>; screen: Set<string>} | null = null;
  const decide = () => {
    const screen = closureOf('/elements/checkout/first-screen.ts');
    const modal = closureOf('/elements/dialog/define.ts');
    const paint = new Set([...closureOf('/src/cdn/paint.ts'), ...[...screen].filter((id) => modal.has(id))]);
    // A load where a place is kept asks for the place store beside its reads, and waits for it: what
    // it shares with other chunks is here already, not in a chunk asked for once it has arrived (a
    // round trip later).
    const place = closureOf('/controllers/place-store.ts');
    const shared = [...place].filter((id) => [...imports].some(([importer, ids]) => !place.has(importer) && ids.includes(id)));
    return {paint, screen: new Set([...screen, ...shared].filter((id) => !paint.has(id)))};
  };
  return {
    plugin: {name: 'pepay-checkout-groups', moduleParsed: (info) => void imports.set(info.id, info.importedIds)},
    firstPaint: (id) => (groups ??= decide()).paint.has(id),
    firstScreen: (id) => (groups ??= decide()).screen.has(id),
  };
}

/**
 * Names a chunk after what it holds: a view after its folder (`chunks/payment-details-<hash>.js`),
 * the QR encoder as such; the first paint and the first screen after their groups
 * (`checkoutGroups`), the rest after a module in them.
 */
function chunkFileName(chunk: {facadeModuleId: string | null}): string {
  const facade = chunk.facadeModuleId ?? '';
  if (facade.endsWith('/define.ts')) return `chunks/${basename(dirname(facade))}-[hash].js`;
  if (facade.includes('/node_modules/uqr/')) return 'chunks/qr-encoder-[hash].js';
  return 'chunks/[name]-[hash].js';
}

/** One script-tag artifact per mode, all in dist/cdn (`npm run build:cdn` builds both, module first). */
const artifacts: Record<string, () => UserConfig> = {
  // `pepay-checkout.iife.js`, the classic script named by package.json's `unpkg`: a loader that
  // imports the first paint next to it.
  classic: () => ({
    plugins: [asciiOnly()],
    // The chunks the first paint imports statically and the checkout's first screen (and the place
    // store's, for an origin that keeps a place), from the manifest the module build wrote: the
    // loader fetches them beside it instead of after it.
    define: {__PEPAY_ALONGSIDE__: JSON.stringify(fetchedAlongside()), __PEPAY_PLACE_STORE__: JSON.stringify(placeStoreChunks())},
    build: {
      emptyOutDir: false,
      lib: {entry: 'src/cdn/classic.ts', name: 'PepayCheckoutLoader', formats: ['iife'], fileName: () => 'pepay-checkout.iife.js'},
    },
  }),
  // `pepay-checkout.paint.js` for the loader, `pepay-checkout.es.js` for `type="module"`, with
  // their chunks beside them.
  // Minified in full (a library build keeps an ES bundle's whitespace); `chunks.json` lists what
  // imports what, for the size figures.
  module: () => {
    const groups = checkoutGroups();
    return {
      plugins: [cssMinified(), asciiOnly(), litTrustedTypesPolicy(), groups.plugin, thirdPartyLicences()],
      build: {
        emptyOutDir: true,
        manifest: 'chunks.json',
        // The first paint, which the classic loader imports, and the module entry, which imports it
        // and the first screen (src/cdn/module.ts).
        lib: {
          entry: {'pepay-checkout.paint': 'src/cdn/paint.ts', 'pepay-checkout.es': 'src/cdn/module.ts'},
          formats: ['es'],
          fileName: (_format, name) => `${name}.js`,
        },
        rollupOptions: {
          // VERSION written into the module entry, not imported from the first paint: the entry must
          // import nothing statically, or it would start fetching the first screen one round trip late.
          optimization: {inlineConst: {mode: 'all'}},
          output: {
            minify: true,
            // No comments: the pure annotations are for bundlers, and nothing bundles these files
            // again (about 0.3 kB gzip of the first screen).
            comments: false,
            chunkFileNames: chunkFileName,
            codeSplitting: {
              groups: [
                {name: 'first-paint', test: groups.firstPaint},
                {name: 'first-screen', test: groups.firstScreen},
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
