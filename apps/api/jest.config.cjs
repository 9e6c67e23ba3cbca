/** API tests: unit specs beside the code, integration specs in test/ booting the whole app on a real database. */
const path = require('node:path');
const root = path.resolve(__dirname, '../..');

module.exports = {
  displayName: 'api',
  rootDir: __dirname,
  testEnvironment: 'node',
  // `*.pg-spec.ts` need a PostgreSQL server (e.g. creating databases): they run when DATABASE_URL is set.
  testMatch: [
    '<rootDir>/src/**/*.spec.ts',
    '<rootDir>/test/**/*.e2e-spec.ts',
    ...(process.env.DATABASE_URL ? ['<rootDir>/test/**/*.pg-spec.ts'] : []),
  ],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleNameMapper: {
    '^@cofinanca/domain$': path.join(root, 'libs/domain/src/index.ts'),
    '^@cofinanca/contracts$': path.join(root, 'libs/contracts/src/index.ts'),
    '^@cofinanca/migrations$': path.join(root, 'migrations/index.ts'),
  },
  globalSetup: '<rootDir>/test/utils/global-setup.ts',
  globalTeardown: '<rootDir>/test/utils/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 2,
};
