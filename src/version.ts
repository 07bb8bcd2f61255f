/** This build's version, kept equal to package.json's (test/node/ssr.test.mjs checks it). */
export const VERSION = '0.1.0';
