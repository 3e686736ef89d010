/** `npm test` runs every project: API (unit + integration), dashboard (unit), browser end-to-end. */
module.exports = {
  projects: [
    '<rootDir>/api/jest.config.js',
    '<rootDir>/dashboard/jest.config.cjs',
    '<rootDir>/dashboard/e2e/jest.config.cjs',
  ],
};
