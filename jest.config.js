/** Native-ESM Jest with @swc/jest (type-stripping only; `npm run typecheck` does the type checking). */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  // dist/ is built once, when stale, before any file runs: several files run the built CLI or worker threads.
  globalSetup: '<rootDir>/test/support/build.ts',
  extensionsToTreatAsEsm: ['.ts'],
  // source imports use NodeNext-style '.js' suffixes; map them back to the .ts files
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } }],
  },
};
