import js from '@eslint/js'
import boundaries from 'eslint-plugin-boundaries'
import checkFile from 'eslint-plugin-check-file'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: ['dist', 'data', 'node_modules', 'test-results', 'playwright-report', 'bench/results'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // Fastify plugins and hooks are async by contract, whether or not they await.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
    },
  },
  {
    // File and folder names in kebab-case; a middle part names the role (`users.repo.ts`).
    files: [
      'src/**/*.{ts,tsx}',
      'server/**/*.ts',
      'e2e/**/*.ts',
      'bench/**/*.ts',
      'scripts/**/*.{js,mjs,ts}',
    ],
    plugins: { 'check-file': checkFile },
    rules: {
      'check-file/filename-naming-convention': [
        'error',
        { '**/*.{ts,tsx,js,mjs}': 'KEBAB_CASE' },
        { ignoreMiddleExtensions: true },
      ],
      'check-file/folder-naming-convention': ['error', { '**/': 'KEBAB_CASE' }],
    },
  },
  {
    // The architecture's lines, checked on every import (docs/architecture.md draws them).
    files: ['src/**', 'server/**'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { project: './tsconfig.json' } },
      'boundaries/include': ['src/**', 'server/**'],
      'boundaries/elements': [
        { type: 'shared', pattern: 'src/shared' },
        // The wording of both languages: the relay words its CSV exports with it too.
        { type: 'locales', pattern: 'src/locales' },
        // Builders of test data, for the app's tests and the relay's alike.
        { type: 'testing', pattern: 'src/testing' },
        { type: 'feature', pattern: 'src/features/*', capture: ['feature'] },
        { type: 'spa', pattern: 'src' },
        { type: 'simulator', pattern: 'server/simulator' },
        { type: 'relay', pattern: 'server' },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          policies: [
            {
              // The contract both sides speak depends on neither of them.
              from: { element: { type: 'shared' } },
              disallow: {
                to: { element: { types: { anyOf: ['feature', 'spa', 'relay', 'simulator'] } } },
              },
              message: 'src/shared is the contract: it imports nothing of the SPA or the relay',
            },
            {
              // Features meet in src/app, never in each other.
              from: { element: { type: 'feature' } },
              disallow: {
                to: {
                  element: {
                    type: 'feature',
                    captured: { feature: '!{{ from.element.captured.feature }}' },
                  },
                },
              },
              message:
                'a feature may not import another feature ({{ to.element.captured.feature }}): compose them in src/app',
            },
            {
              from: { element: { types: { anyOf: ['feature', 'spa'] } } },
              disallow: { to: { element: { types: { anyOf: ['relay', 'simulator'] } } } },
              message: 'the SPA may not import the relay: share through src/shared',
            },
            {
              // The relay talks to the platform (or the simulator) over the network only.
              from: { element: { type: 'relay' } },
              disallow: { to: { element: { types: { anyOf: ['simulator', 'feature', 'spa'] } } } },
              message: 'the relay may not import the simulator or the SPA',
            },
            {
              from: { element: { type: 'simulator' } },
              disallow: { to: { element: { types: { anyOf: ['relay', 'feature', 'spa'] } } } },
              message: "the simulator is written from the platform's documents, not from the relay",
            },
          ],
        },
      ],
    },
  },
  {
    // Playwright fixtures receive a `use` callback that is not React's hook.
    files: ['e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
)
