/** `npm test` runs every project: API (unit + integration), dashboard (unit), browser end-to-end. */
module.exports = {
  projects: [
    '<rootDir>/api/jest.config.js',
    '<rootDir>/dashboard/jest.config.cjs',
    '<rootDir>/dashboard/e2e/jest.config.cjs',
  ],
  // A global option: Jest ignores it inside project configs. Integration and browser tests
  // start real servers; a test waiting for a TOTP step can take up to 30 s.
  testTimeout: 120_000,
};
