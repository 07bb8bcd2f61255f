// What `npm pack` puts in the tarball a merchant installs before the package is on the registry
// (README "Before it is on the registry"): everything package.json points at, the whole
// script-tag build and the editors' data.
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {readFile} from 'node:fs/promises';
import {test} from 'node:test';

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(await readFile(new URL('package.json', root), 'utf8'));

test('npm pack ships every file package.json names, the script-tag build and the editor data', async () => {
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {cwd: root, encoding: 'utf8', timeout: 60_000}),
  );
  assert.equal(packed.filename, `pepay-checkout-${pkg.version}.tgz`);
  const files = new Set(packed.files.map((f) => f.path));
  const named = [pkg.main, pkg.types, pkg.unpkg, pkg['web-types'], pkg.customElements];
  for (const entry of Object.values(pkg.exports)) named.push(...(typeof entry === 'string' ? [entry] : Object.values(entry)));
  for (const path of named) assert.ok(files.has(path.replace(/^\.\//, '')), path);
  const chunks = JSON.parse(await readFile(new URL('dist/cdn/chunks.json', root), 'utf8'));
  for (const chunk of Object.values(chunks)) assert.ok(files.has(`dist/cdn/${chunk.file}`), chunk.file);
  for (const file of ['dist/vscode.html-custom-data.json', 'dist/vscode.css-custom-data.json', 'dist/cdn/THIRD-PARTY-LICENSES.txt']) {
    assert.ok(files.has(file), file);
  }
  assert.ok(![...files].some((path) => path.startsWith('src/') || path.startsWith('test/')));

  // The README's commands and editor settings name this tarball and these files, as written.
  const readme = await readFile(new URL('README.md', root), 'utf8');
  assert.ok(readme.includes(`npm pack   # writes ${packed.filename}`));
  assert.ok(readme.includes(`npm install ../pepay-checkout/${packed.filename}`));
  const settings = [...readme.matchAll(/"\.\/node_modules\/@pepay\/checkout\/([^"]+)"/g)].map((match) => match[1]);
  assert.equal(settings.length, 2);
  for (const path of settings) assert.ok(files.has(path), path);
});
