// Browser tests against the whole portal started as a user starts it (see support/stack.ts).
// Needs a built API and dashboard (`npm run build`) and Debian's chromium (`apt-get install -y chromium`).
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.e2e.test.ts'],
  // Each suite starts PostgreSQL, the API and the dashboard (room to boot; ports are picked free).
  testTimeout: 120_000,
  transform: {
    '^.+\\.(t|j)sx?$|\\.mjs$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
      },
    ],
  },
  // otplib (TOTP codes for the two-factor test) needs @scure/@noble, which ship only ESM; Jest's module system
  // cannot require() ESM on Node 20, so those are compiled to CommonJS like the test files.
  transformIgnorePatterns: ['/node_modules/(?!(@scure|@noble|@otplib|otplib)/)'],
};
