/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: { isolatedModules: true, allowJs: true, module: 'commonjs', moduleResolution: 'node10', esModuleInterop: true } }],
  },
  // @kubernetes-models/* ship ES modules only: let ts-jest turn them into CommonJS for the schema checks.
  transformIgnorePatterns: ['/node_modules/(?!(@kubernetes-models|is-cidr|cidr-regex|ip-regex|ip-bigint|ip-address)/)'],
  moduleNameMapper: {
    '^@kubernetes-models/(istio|apimachinery)/(.*)$': '<rootDir>/node_modules/@kubernetes-models/$1/$2.js',
    '^@kubernetes-models/(base|validate)$': '<rootDir>/node_modules/@kubernetes-models/$1/dist/index.js',
    '^@kubernetes-models/validate/runtime/(.*)$': '<rootDir>/node_modules/@kubernetes-models/validate/dist/runtime/$1.js',
  },
};
