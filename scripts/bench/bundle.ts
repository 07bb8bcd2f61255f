/**
 * What the script-tag build wrote (dist/cdn), as a storefront loads it: the first paint is the
 * classic loader, the module bundle it imports and every chunk that bundle imports statically
 * (from `chunks.json`, the build's manifest); the rest are chunks fetched on demand. Sizes are
 * per file, as a browser fetches them.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {brotliCompressSync, constants, gzipSync} from 'node:zlib';

const DIR = 'dist/cdn';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

/**
 * The module bundle's file and the chunks it imports statically, directly or not, relative to
 * dist/cdn, entry first. Throws when the module build has not run.
 */
export function moduleFirstPaint(): string[] {
  const manifest = JSON.parse(readFileSync(join(DIR, 'chunks.json'), 'utf8')) as Record<string, ManifestChunk>;
  const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
  if (!entry) throw new Error(`${DIR}/chunks.json names no entry: run npm run build`);
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key]!.imports ?? []) visit(imported);
  };
  visit(entry);
  return [...seen].map((key) => manifest[key]!.file);
}

/** Paths of the first paint's files, loader first. */
export function firstPaintFiles(): string[] {
  return ['pepay-checkout.iife.js', ...moduleFirstPaint()].map((file) => join(DIR, file));
}

/** Paths of the chunks fetched on demand (every chunk of the manifest not in the first paint). */
export function lazyChunkFiles(): string[] {
  const first = new Set(moduleFirstPaint());
  const manifest = JSON.parse(readFileSync(join(DIR, 'chunks.json'), 'utf8')) as Record<string, ManifestChunk>;
  return Object.values(manifest)
    .filter((chunk) => !first.has(chunk.file))
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
