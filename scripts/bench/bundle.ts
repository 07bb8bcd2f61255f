/**
 * What the script-tag build wrote (dist/cdn), as a storefront loads it: the first paint is the
 * classic loader, the first-paint entry it imports and every chunk that imports statically (from
 * `chunks.json`, the build's manifest); the first screen is fetched beside it; the rest are chunks
 * fetched on demand. Sizes are per file, as a browser fetches them.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {brotliCompressSync, constants, gzipSync} from 'node:zlib';

const DIR = 'dist/cdn';
const PLACE_STORE = 'src/controllers/place-store.ts';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

type Manifest = Record<string, ManifestChunk>;

function readManifest(): Manifest {
  return JSON.parse(readFileSync(join(DIR, 'chunks.json'), 'utf8')) as Manifest;
}

/** The files of `key`'s chunk and of every chunk it imports statically, directly or not, `key`'s first. */
function staticClosure(manifest: Manifest, key: string): string[] {
  const seen = new Set<string>();
  const visit = (k: string) => {
    if (seen.has(k)) return;
    seen.add(k);
    for (const imported of manifest[k]!.imports ?? []) visit(imported);
  };
  visit(key);
  return [...seen].map((k) => manifest[k]!.file);
}

/**
 * The first-paint entry's file (`pepay-checkout.paint.js`, src/cdn/paint.ts) and the chunks it
 * imports statically, directly or not, relative to dist/cdn, entry first. Throws when the module
 * build has not run.
 */
export function moduleFirstPaint(): string[] {
  const manifest = readManifest();
  if (!manifest['src/cdn/paint.ts']) throw new Error(`${DIR}/chunks.json names no first paint: run npm run build`);
  return staticClosure(manifest, 'src/cdn/paint.ts');
}

/**
 * What the classic loader fetches beside the first-paint entry, relative to dist/cdn: the chunks
 * it imports statically, then what the first screen waits for (`firstScreenChunks`); the place
 * store's as well when the origin keeps a place (`placeStoreChunks`).
 */
export function fetchedAlongside(): string[] {
  const [, ...firstPaint] = moduleFirstPaint();
  return [...firstPaint, ...firstScreenChunks()];
}

/**
 * What the checkout's first screen waits for beyond the first paint: the first-screen chunk
 * (src/elements/checkout/first-screen.ts) and the chunks it imports statically that the first
 * paint has not.
 */
export function firstScreenChunks(): string[] {
  const manifest = readManifest();
  // The chunk of its group (vite.config.ts), named in the manifest after the group.
  const key = Object.keys(manifest).find((k) => k.startsWith('_first-screen-'));
  if (!key) throw new Error(`${DIR}/chunks.json has no first-screen chunk: run npm run build`);
  const first = new Set(moduleFirstPaint());
  return staticClosure(manifest, key).filter((file) => !first.has(file));
}

/**
 * What the first screen also waits for when the origin keeps a place (a payer who comes back): the
 * place store's chunk (src/controllers/place-store.ts: the load restores the place from it,
 * src/controllers/requests.ts) and what it imports statically that neither of the others has.
 */
export function placeStoreChunks(): string[] {
  const before = new Set([...moduleFirstPaint(), ...firstScreenChunks()]);
  return staticClosure(readManifest(), PLACE_STORE).filter((file) => !before.has(file));
}

/** Paths of the first paint's files, loader first. */
export function firstPaintFiles(): string[] {
  return ['pepay-checkout.iife.js', ...moduleFirstPaint()].map((file) => join(DIR, file));
}

/** Paths of the chunks fetched on demand (every chunk of the manifest but the entries and the first paint's). */
export function lazyChunkFiles(): string[] {
  const first = new Set(moduleFirstPaint());
  return Object.values(readManifest())
    .filter((chunk) => !chunk.isEntry && !first.has(chunk.file))
    .map((chunk) => join(DIR, chunk.file));
}

export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

/** Raw, gzip -9 and brotli 11 bytes. */
export function sizesOf(code: Buffer): Sizes {
  return {
    raw: code.length,
    gzip: gzipSync(code, {level: 9}).length,
    brotli: brotliCompressSync(code, {params: {[constants.BROTLI_PARAM_QUALITY]: 11}}).length,
  };
}

/** The files as a browser fetches them: each compressed on its own, summed. */
export function sizesOfFiles(files: string[]): Sizes {
  return files
    .map((file) => sizesOf(readFileSync(file)))
    .reduce((sum, s) => ({raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip, brotli: sum.brotli + s.brotli}));
}
