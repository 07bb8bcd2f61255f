/** Compiles `.svelte` files for the browser tests (the README's Svelte snippet is one). */
import {readFile} from 'node:fs/promises';
import {compile} from 'svelte/compiler';

export function sveltePlugin() {
  return {
    name: 'svelte',
    resolveMimeType: (context) => (context.path.endsWith('.svelte') ? 'js' : undefined),
    async transform(context) {
      if (!context.path.endsWith('.svelte')) return undefined;
      const source = await readFile(new URL(`../..${context.path}`, import.meta.url), 'utf8');
      return {body: compile(source, {filename: context.path, generate: 'client'}).js.code};
    },
  };
}
