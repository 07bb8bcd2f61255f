/**
 * The script-tag bundles of the nearest peers, from their npm tarballs (`npm pack`, cached in
 * bench/.peers/): the entry file plus every chunk it imports statically, as a page loads them
 * before the widget can show anything.
 */
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {sizesOfFiles, type Sizes} from './bundle.ts';

/** Package and the file a storefront's `<script>` loads, as their READMEs document. */
const PEERS = [
  {name: '@getalby/bitcoin-connect', entry: 'dist/index.umd.js'},
  {name: '@reown/appkit-cdn', entry: 'dist/appkit.js'},
  {name: '@depay/widgets', entry: 'dist/umd/index.bundle.js'},
];

const CACHE = 'bench/.peers';

export interface PeerFigure {
  name: string;
  version: string | null;
  files: number;
  sizes: Sizes | null;
  error?: string;
}

export function peerSizes(): PeerFigure[] {
  mkdirSync(CACHE, {recursive: true});
  return PEERS.map(({name, entry}) => {
    try {
      const dir = unpack(name);
      const files = withStaticImports(join(dir, entry));
      const version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {version: string}).version;
      return {name, version, files: files.length, sizes: sizesOfFiles(files)};
    } catch (error) {
      return {name, version: null, files: 0, sizes: null, error: String(error).slice(0, 200)};
    }
  });
}

function unpack(name: string): string {
  const dir = join(CACHE, name.replace('/', '+'));
  if (existsSync(join(dir, 'package.json'))) return dir;
  mkdirSync(dir, {recursive: true});
  const tarball = execFileSync('npm', ['pack', name, '--silent', '--pack-destination', dir], {encoding: 'utf8'}).trim().split('\n').at(-1)!;
  execFileSync('tar', ['xzf', join(dir, tarball), '-C', dir, '--strip-components=1']);
  return dir;
}

/** The file and, transitively, every relative module it imports statically (not `import()`). */
function withStaticImports(entry: string, seen = new Set<string>()): string[] {
  if (seen.has(entry) || !existsSync(entry)) return [];
  seen.add(entry);
  const code = readFileSync(entry, 'utf8');
  const imports = [...code.matchAll(/(?:^|[;\n}])\s*(?:import|export)\s*(?:[^'"()]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g)].map(
    (m) => m[1]!,
  );
  return [entry, ...imports.flatMap((path) => withStaticImports(join(dirname(entry), path), seen))];
}
