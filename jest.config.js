const { availableParallelism } = require('node:os');

/** @type {import('jest').Config} */
module.exports = {
  // Every core (Jest's default leaves one idle: one worker on a 2-core machine). The e2e suites spend their time in
  // the processes they start, so each worker keeps a core busy.
  maxWorkers: Math.max(2, availableParallelism()),
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  reporters: ['default', '<rootDir>/test/support/summaryReporter.js'],
  transform: { '^.+\\.[tj]s$': '<rootDir>/test/support/esbuildTransform.js' },
  // @kubernetes-models/* ship ES modules only: let esbuild turn them into CommonJS for the schema checks.
  transformIgnorePatterns: ['/node_modules/(?!(@kubernetes-models|is-cidr|cidr-regex|ip-regex|ip-bigint|ip-address)/)'],
  moduleNameMapper: {
    '^@kubernetes-models/(istio|apimachinery)/(.*)$': '<rootDir>/node_modules/@kubernetes-models/$1/$2.js',
    '^@kubernetes-models/(base|validate)$': '<rootDir>/node_modules/@kubernetes-models/$1/dist/index.js',
    '^@kubernetes-models/validate/runtime/(.*)$': '<rootDir>/node_modules/@kubernetes-models/validate/dist/runtime/$1.js',
  },
};
