/**
 * What the script-tag build wrote (dist/cdn), as a storefront loads it: the first paint is the
 * classic loader, the module bundle it imports and every chunk that bundle imports statically
 * (from `chunks.json`, the build's manifest); the rest are chunks fetched on demand.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';

const DIR = 'dist/cdn';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

/** Paths of the first paint's files, loader first. */
export function firstPaintFiles(): string[] {
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
  return [join(DIR, 'pepay-checkout.iife.js'), ...[...seen].map((key) => join(DIR, manifest[key]!.file))];
}

/** Paths of the chunks fetched on demand (everything in dist/cdn/chunks not in the first paint). */
export function lazyChunkFiles(): string[] {
  const manifest = JSON.parse(readFileSync(join(DIR, 'chunks.json'), 'utf8')) as Record<string, ManifestChunk>;
  const first = new Set(firstPaintFiles());
  return Object.values(manifest)
    .map((chunk) => join(DIR, chunk.file))
    .filter((file) => !first.has(file));
}
