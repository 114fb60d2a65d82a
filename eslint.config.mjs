// ESLint flat config: ESLint's and typescript-eslint's recommended rules (no type information needed, so no
// parserOptions.project and no tsc run inside lint), plus a few rules that keep this code base's own conventions.
// Formatting is Prettier's job (`npm run format:check`); nothing here fights it.
import js from '@eslint/js'
import { defineConfig } from 'eslint/config'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '__tests__/_temp/', 'reports/', '.stryker-tmp/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { sourceType: 'module', globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      eqeqeq: ['error', 'always'],
      'no-var': 'error',
      'prefer-const': 'error',
      'object-shorthand': ['error', 'always'],
      'no-useless-concat': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }
      ]
    }
  },
  {
    // src/platform.ts is the only place that knows the OS (README, "Development"): everything else gets a Platform.
    files: ['src/**/*.ts'],
    ignores: ['src/platform.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'platform', message: 'Ask the Platform object (src/platform.ts) instead.' },
        { object: 'os', property: 'platform', message: 'Ask the Platform object (src/platform.ts) instead.' }
      ]
    }
  },
  {
    files: ['__tests__/**/*.ts', '__fixtures__/**/*.ts'],
    languageOptions: { globals: { ...globals.jest } }
  },
  {
    // Plain-JS tooling (scripts/, this file, jest.config.js): Node globals, no TypeScript-only rules to apply.
    files: ['**/*.{js,mjs,cjs}'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' }
  }
)
