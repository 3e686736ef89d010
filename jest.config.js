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
  // Two suites at a time on the 2-core CI machine: most suites wait on their own servers, workers and browsers
  // (Jest's default, cores - 1, ran one at a time: 29 minutes). Suites whose figures depend on the machine's load
  // measure what they assert at the source (a bucket's windows, what reached the simulator), not by wall time.
  maxWorkers: 2,
};
