/**
 * The licences of the packages bundled into the script-tag build (Lit's BSD-3-Clause, zod's,
 * uqr's and mipd's MIT), written beside it as `dist/cdn/THIRD-PARTY-LICENSES.txt`: the minified
 * chunks carry no comments, and each licence asks that its notice travel with the code.
 */
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Plugin} from 'vite';

export const LICENCES_FILE = 'THIRD-PARTY-LICENSES.txt';

/**
 * The npm package a module id belongs to (`lit-html`, `@lit/reactive-element`), or null for our
 * own: the last `node_modules` in the path, so a nested dependency is credited to itself.
 */
function packageOf(id: string): string | null {
  const found = [...id.matchAll(/node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/g)].at(-1);
  return found ? found[1]!.replace('\\', '/') : null;
}

function notice(name: string): string {
  const dir = join('node_modules', name);
  const {version, license} = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {version: string; license: string};
  const file = readdirSync(dir).find((entry) => /^licen[cs]e/i.test(entry));
  if (!file) throw new Error(`${name} ships no licence file to copy`);
  return `${name}@${version} (${license})\n\n${readFileSync(join(dir, file), 'utf8').trim()}`;
}

export function thirdPartyLicences(): Plugin {
  return {
    name: 'pepay-third-party-licences',
    generateBundle(_options, bundle) {
      const packages = new Set<string>();
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        for (const id of Object.keys(output.modules)) {
          const name = packageOf(id);
          if (name) packages.add(name);
        }
      }
      const notices = [...packages].sort().map(notice);
      this.emitFile({type: 'asset', fileName: LICENCES_FILE, source: `${notices.join(`\n\n${'-'.repeat(72)}\n\n`)}\n`});
    },
  };
}
