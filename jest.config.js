/** Native-ESM Jest with @swc/jest (type-stripping only; `npm run typecheck` does the type checking). */
import { availableParallelism } from 'node:os';

export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  // dist/ is built once, when stale, before any file runs: several files run the built CLI or worker threads.
  globalSetup: '<rootDir>/test/support/build.ts',
  // Jest's default (one worker fewer than the cores) runs the files one after another on two cores;
  // the files spend much of their time in child processes and worker threads, so two workers at least.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  // A guard against a hung test, not a time limit: with files running side by side on a busy machine a
  // test that takes 2 s alone may take several times that.
  testTimeout: 30_000,
  extensionsToTreatAsEsm: ['.ts'],
  // source imports use NodeNext-style '.js' suffixes; map them back to the .ts files
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } }],
  },
};
