/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }],
  },
  // Compiles the project once (Strapi.compile) and gives the run a fresh database folder.
  globalSetup: '<rootDir>/tests/global-setup.ts',
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/examples/'],
  // Two processes on one SQLite file prove nothing about servers; npm run test:db runs them.
  // Chromium and a Next.js build: npm run test:browser (jest.browser.config.js).
  testPathIgnorePatterns: ['/node_modules/', '/tests/browser/', ...((process.env.TEST_DB ?? 'sqlite') === 'sqlite' ? ['/tests/multi-instance/'] : [])],
  testTimeout: 60_000,
};
