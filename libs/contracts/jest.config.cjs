/** Unit tests of the pure contracts rules. */
module.exports = {
  displayName: 'contracts',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  // contracts build on the domain's lists (languages, field-error codes): resolved from its sources.
  moduleNameMapper: { '^@cofinanca/domain$': '<rootDir>/../domain/src/index.ts' },
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
};
