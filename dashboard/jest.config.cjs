// Unit and component tests of the dashboard. Browser tests live in e2e/ with their own config.
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'dashboard',
  rootDir: __dirname,
  testEnvironment: 'node', // component tests opt into jsdom with a `@jest-environment jsdom` docblock
  // jsdom would pick packages' "browser" builds, some of them ESM-only (Remix's multipart parser); tests run in Node.
  testEnvironmentOptions: { customExportConditions: ['node', 'require', 'default'] },
  testMatch: ['<rootDir>/app/**/*.test.{ts,tsx}', '<rootDir>/test/**/*.test.{ts,tsx}'],
  transform: {
    '^.+\\.(t|j)sx?$|\\.mjs$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // d3 ships only ESM, which Jest cannot require() on Node 20: compiled to CommonJS like the tests (the chart's
  // layout is computed with it on the server).
  transformIgnorePatterns: ['/node_modules/(?!(d3-[a-z-]+|internmap)/)'],
  moduleNameMapper: {
    // Vite's `?url` imports (stylesheets, the language files) mean nothing to a test.
    '\\.(css|json)\\?url$': '<rootDir>/test/support/file-stub.cjs',
  },
  setupFiles: ['<rootDir>/test/support/catalogues.ts'],
};
