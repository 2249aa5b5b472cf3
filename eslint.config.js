// ESLint flat config: typescript-eslint's recommended rules plus the layer boundaries
// (emulator ← shell ← grading ← ui/cli; no node: modules in the core — the per-folder
// tsconfigs keep the DOM out).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noNode = { group: ['node:*'], message: 'The core runs in the browser too: no node: modules.' };
const layer = (folder, forbidden) => ({
  files: [`src/${folder}/**/*.ts`],
  ignores: ['**/*.test.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          noNode,
          ...forbidden.map((other) => ({
            group: [`**/${other}/**`, `**/${other}`],
            message: `src/${folder} must not import src/${other} (dependencies point one way).`,
          })),
        ],
      },
    ],
  },
});

export default defineConfig(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'public/', 'coverage/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['src/ui/**/*.ts', 'src/components/**/*.ts'], languageOptions: { globals: { ...globals.browser } } },
  layer('emulator', ['shell', 'grading', 'ui', 'cli', 'components']),
  layer('shell', ['grading', 'ui', 'cli', 'components']),
  layer('grading', ['ui', 'cli', 'components']),
);
