// Jest runs every spec (unit, marble, TCP, differential, real clients) through ts-jest,
// so tests read the TypeScript sources directly; only subprocess tests (the CLIs and
// examples) use the compiled dist/ that `npm test` builds first.
import type { Config } from 'jest';

const config: Config = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/spec', '<rootDir>/examples'],
  testMatch: ['**/*.spec.ts'],
  testTimeout: 20000,
  // Subprocess tests and real servers: leave one core to the processes under test.
  maxWorkers: 2,
};

export default config;
