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
  testPathIgnorePatterns: [
    '/node_modules/',
    '/tests/browser/',
    ...((process.env.TEST_DB ?? 'sqlite') === 'sqlite' ? ['/tests/multi-instance/'] : []),
    // Strapi 5 refresh mode refuses our JWT cookie at boot (users-permissions' refresh
    // cookie is the session there: tests/e2e/refresh-*.test.ts); these files are its suite.
    ...(process.env.TEST_STRAPI === '5' && process.env.UP_JWT_MANAGEMENT !== 'legacy-support'
      ? ['/tests/e2e/cookie-session.test.ts', '/tests/e2e/cookie-host-prefix.test.ts', '/tests/e2e/cookie-csrf-cors.test.ts']
      : []),
  ],
  testTimeout: 60_000,
};
