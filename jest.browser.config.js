/**
 * npm run test:browser: the Next.js example and the cookie session in Debian's
 * Chromium (playwright-core). Not part of npm test: it builds the example first.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/browser'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }],
  },
  globalSetup: '<rootDir>/tests/browser/global-setup.ts',
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/examples/'],
  testTimeout: 60_000,
};
