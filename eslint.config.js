// Lint rules, including the ones that keep the layers apart (ARCHITECTURE.md, "Build").
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_ONLY = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'better-sqlite3', 'exceljs'];

/** no-restricted-imports: forbidden module patterns with the reason shown to whoever breaks the rule. */
function forbid(groups) {
  return { 'no-restricted-imports': ['error', { patterns: groups }] };
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'tests/artifacts/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: forbid([
      {
        group: [...NODE_ONLY, 'electron', 'react', 'react-dom', 'antd'],
        message: 'shared/ runs everywhere: no Node, Electron or UI imports.',
      },
      { group: ['**/db/**', '**/electron/**', '**/renderer/**'], message: 'shared/ must not depend on another layer.' },
    ]),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...forbid([
        { group: [...NODE_ONLY, 'electron'], message: 'The renderer never touches Node, SQLite or files: call the API.' },
        { group: ['**/db/**', '**/electron/**'], message: 'The renderer talks to the service layer only through renderer/src/api.' },
      ]),
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: forbid([
      { group: ['electron', '**/electron/**'], message: 'db/ runs without Electron (CLI, browser mode, tests).' },
      { group: ['**/renderer/**'], message: 'db/ must not import the renderer.' },
    ]),
  },
  {
    files: ['electron/**/*.ts'],
    rules: forbid([{ group: ['**/renderer/**'], message: 'The main process must not import renderer code.' }]),
  },
);
