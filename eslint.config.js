// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Imports that would tie a pure or browser module to a platform it must not know. */
const nodeOnly = ['node:*', 'fs', 'path', 'crypto', 'http', 'net', 'os', 'child_process', 'url'];
const adapters = ['better-sqlite3', 'electron', 'node-thermal-printer', '@napi-rs/canvas'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'release/', 'coverage/', 'docs/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // design.md §6: the domain core imports nothing from Node, SQLite, Electron or React.
    files: ['src/core/**/*.ts'],
    // Tests may use Node (HMAC for signing) and shared test fixtures; the core itself may not.
    ignores: ['src/core/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeOnly, ...adapters, 'react', 'react-dom', 'react/*', 'react-dom/*'],
              message: 'src/core is pure: no Node, SQLite, Electron, printer or React imports.',
            },
            {
              group: ['../*', '!../core/*'],
              message: 'src/core depends on nothing outside src/core.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', 'window', 'document'],
    },
  },
  {
    // The renderer runs in a sandboxed page: it reaches the host only through the contract.
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeOnly, ...adapters],
              message: 'The renderer is a web page: use the host contract instead.',
            },
          ],
        },
      ],
    },
  },
);
