// ESM TypeScript through ts-jest; run with node --experimental-vm-modules (see package.json). Two projects: unit
// tests, which import src/ (`npm run coverage` measures them alone), and end-to-end tests of the bundled action.
const common = {
  testEnvironment: 'node',
  // Stryker's sandbox (`npm run mutate`) holds a copy of the tests and of src/.
  modulePathIgnorePatterns: ['<rootDir>/.stryker-tmp/'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.test.json' }] }
}

export default {
  testTimeout: 60000,
  // Every file of src/, also those no unit test loads: a module only end-to-end tests reach counts as uncovered.
  collectCoverageFrom: ['src/**/*.ts'],
  coverageReporters: ['text-summary', 'text', 'html'],
  coverageThreshold: { global: { lines: 90 } },
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['**/__tests__/**/*.test.ts'],
      testPathIgnorePatterns: ['\\.e2e\\.test\\.ts$', '<rootDir>/.stryker-tmp/']
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['**/__tests__/**/*.e2e.test.ts'],
      testPathIgnorePatterns: ['<rootDir>/.stryker-tmp/']
    }
  ]
}
