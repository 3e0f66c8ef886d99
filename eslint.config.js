// Lint for the whole repository (ESLint 9 flat config). Besides the usual checks it enforces where
// code runs: a wrong import across a process boundary fails CI instead of a review (STYLE.md).
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));

const noNode = {
  paths: nodeBuiltins.map((name) => ({ name, message: 'Node built-ins are not available here.' })),
  patterns: [{ group: ['node:*'], message: 'Node built-ins are not available here.' }],
};
const noElectron = [
  { name: 'electron', message: 'Only main/shell/ and preload/ may import electron.' },
  { name: 'electron-store', message: 'Only main/shell/ may use electron-store.' },
];
const outOf = (folders, message) => ({
  group: folders.flatMap((folder) => [`**/${folder}`, `**/${folder}/**`]),
  message,
});

export default defineConfig(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/', '.tmp/'] },

  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // Three programs: tsconfig.json (main, preload, shared, tools, unit tests), tsconfig.web.json (renderer), tsconfig.e2e.json (browser tests).
        project: ['./tsconfig.json', './tsconfig.web.json', './tsconfig.e2e.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Fire-and-forget promises are marked with `void`; callbacks returning promises are common in Electron.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // Handlers are `async (input, ctx) => output` by design (DESIGN.md §2), even when they do not await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Plain JavaScript (this file, bin/) is outside both TypeScript programs.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },

  // shared/: runs in every process. zod and its own files only.
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...noNode.paths, ...noElectron, { name: 'react', message: 'shared/ has no UI.' }],
          patterns: [
            ...noNode.patterns,
            { group: ['react-dom', 'react-dom/*', 'react/*'], message: 'shared/ has no UI.' },
            outOf(['main', 'renderer', 'preload', 'test', 'tools'], 'shared/ imports only itself and zod.'),
          ],
        },
      ],
    },
  },

  // main/ outside the shell: plain Node, so handlers and the store run under vitest.
  {
    files: ['main/**/*.ts'],
    ignores: ['main/shell/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: noElectron,
          patterns: [
            outOf(['renderer', 'preload'], 'main/ never reaches into the renderer or the preload.'),
            outOf(['shell'], 'Only the shell knows about Electron; the core must not depend on it.'),
          ],
        },
      ],
    },
  },
  {
    files: ['main/shell/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [outOf(['renderer', 'preload'], 'main/ never reaches into the renderer or the preload.')] },
      ],
    },
  },

  // renderer/: the sandboxed browser page. shared/ and its own files only.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          paths: [...noNode.paths, ...noElectron],
          patterns: [
            ...noNode.patterns,
            outOf(['main', 'preload'], 'The renderer talks to main only through window.safehold.'),
          ],
        },
      ],
    },
  },

  // preload/: electron plus constants and types from shared/. Nothing else.
  {
    files: ['preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...noNode.paths, { name: 'electron-store', message: 'Not in the preload.' }],
          patterns: [
            ...noNode.patterns,
            {
              regex: '^(?!electron$|(\\.\\./)+shared/)',
              message: 'The preload imports only electron and shared/ constants and types.',
            },
          ],
        },
      ],
    },
  },

  // No data in logs: main/ and preload/ may warn or error (with codes), never console.log.
  {
    files: ['main/**/*.ts', 'preload/**/*.ts'],
    rules: { 'no-console': ['error', { allow: ['warn', 'error'] }] },
  },

  // Tests poke at untyped values (JSON, page.evaluate results) on purpose.
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
