// ESM jest (NestJS 12 is ESM-only); @swc/jest compiles TypeScript with decorator metadata.
export default {
  rootDir: 'src',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'es6' },
      },
    ],
  },
  testMatch: ['**/__tests__/**/*.spec.ts', '**/test/**/*.spec.ts'],
  globalSetup: '<rootDir>/../test/global-setup.mjs',
  globalTeardown: '<rootDir>/../test/global-teardown.mjs',
  cacheDirectory: '<rootDir>/../../.cache/jest',
  testTimeout: 60000,
};
