/** Kept equal to package.json's version (a lint-free check in test/api/version.test.ts). */
export const VERSION = '0.1.0';
