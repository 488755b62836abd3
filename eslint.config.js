import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const uiLibraries = ['react', 'react-dom', 'react-dom/*', 'react-konva', 'konva', 'konva/*', 'zustand', 'zustand/*', 'comlink', 'three', 'three/*', 'pdfjs-dist', 'pdfjs-dist/*', 'idb', 'immer'];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'public/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // The RF core is pure: it runs the same in Node, in a worker and in tests.
    files: ['propagation/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: uiLibraries.filter((name) => !name.includes('*')).map((name) => ({ name, message: 'propagation/ is pure TypeScript: no UI, store or worker library.' })),
          patterns: [
            { group: uiLibraries.filter((name) => name.includes('*')), message: 'propagation/ is pure TypeScript.' },
            { group: ['**/src/**', '../src/*', '**/workers/**', '../workers/*'], message: 'propagation/ imports neither src/ nor workers/.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'indexedDB', 'self', 'Date', 'performance'],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Pass a seed: propagation/ has no hidden randomness.' }],
    },
  },
  {
    // Workers only wrap propagation/ for the browser.
    files: ['workers/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/src/**', '../src/*'], message: 'workers/ imports only propagation/ and comlink.' },
            { group: ['react', 'react-*', 'konva', 'zustand', 'three', 'idb', 'immer', 'pdfjs-dist'], message: 'workers/ imports only propagation/ and comlink.' },
          ],
        },
      ],
    },
  },
);
