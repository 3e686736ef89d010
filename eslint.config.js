// One lint setup for the whole repository (flat config, typescript-eslint).
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

module.exports = tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'dashboard/build/**',
      'dashboard/app/graphql/**',
      'dashboard/e2e/screenshots/**',
      '.data/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        performance: 'readonly',
        Buffer: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-require-imports': 'off',
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration through api/src/config.ts (or dashboard env.server.ts).',
        },
      ],
    },
  },
  {
    // Places allowed to read the environment: the config modules, servers and test/ops tooling.
    files: [
      'api/src/config.ts',
      'api/src/launch/**',
      'api/test/**',
      '**/*.test.{ts,tsx}',
      'api/bench/**',
      'dashboard/server.js',
      'dashboard/app/utils/env.server.ts',
      'dashboard/e2e/**',
      'dashboard/test/**',
      'dashboard/vite.config.ts',
      'codegen.ts',
      '**/*.config.{js,cjs,mjs,ts}',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
);
