import {defineConfig} from 'vite';

/**
 * `npm run build:demo`: the hosted demo as a static site (dist-demo/) that needs no server: the
 * sandbox engine runs inside the page. Relative base, so any static host and any sub-path work.
 */
export default defineConfig({
  root: 'demo',
  base: './',
  build: {outDir: '../dist-demo', emptyOutDir: true, target: 'es2022'},
});
