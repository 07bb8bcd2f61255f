import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import {configs as litConfigs} from 'eslint-plugin-lit';
import {configs as wcConfigs} from 'eslint-plugin-wc';
import importX from 'eslint-plugin-import-x';
import {createTypeScriptImportResolver} from 'eslint-import-resolver-typescript';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  {ignores: ['dist/', 'dist-demo/', 'coverage/', 'node_modules/', 'bench/']},
  js.configs.recommended,
  ...tseslint.configs.strict,
  wcConfigs['flat/recommended'],
  litConfigs['flat/recommended'],
  {
    languageOptions: {
      globals: {...globals.browser, ...globals.node},
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': ['error', {allow: ['warn', 'error', 'log']}],
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: {'import-x': importX},
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({project: './tsconfig.json'})],
    },
    rules: {
      'no-console': ['error', {allow: ['warn']}],
      // The layers flow one way; a cycle means a module is in the wrong room.
      'import-x/no-cycle': 'error',
      // A file past this wants splitting (house style: elements run 50–250 lines).
      'max-lines': ['error', {max: 250}],
    },
  },
  // Formatting is Prettier's (run by `npm run lint`): no style rule of ESLint's competes with it.
  prettier,
);
