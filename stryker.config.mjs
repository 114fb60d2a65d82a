// Mutation testing (`npm run mutate`): Stryker changes one thing in a module of src/ (a condition, a comparison, a
// string...) and runs the unit tests that reach it; a mutant no test notices is a gap in the tests. CONTRIBUTING.md
// says how to read the report. Flags go through npm: `npm run mutate -- --mutate 'src/plan/*.ts' --concurrency 2`.
import jestConfig from './jest.config.js'

const unit = jestConfig.projects.find((p) => p.displayName === 'unit')

/**
 * Every module of src/. Those with nothing to mutate (types only: model's types, mount-table.ts, share/protocol.ts)
 * simply give no mutants; CONTRIBUTING.md's table lists each module with its score or why it has none.
 */
const TARGETS = ['src/**/*.ts']

/**
 * `STRYKER_TESTS=a.test.ts,b.test.ts` runs only those unit suites (of __tests__/): a module's own tests. platform.ts
 * and fsops.ts are reached by nearly every unit test, so a run over all of them takes days on two cores; a score
 * against the own suites alone is a lower bound of the whole suite's, and the one issue 24 asks for.
 */
const ownTests = process.env.STRYKER_TESTS
  ? process.env.STRYKER_TESTS.split(',').map((f) => `<rootDir>/__tests__/${f.trim()}`)
  : undefined

export default {
  mutate: TARGETS,
  testRunner: 'jest',
  // The unit project alone (end-to-end tests run dist/, which a mutant of src/ never reaches), as ESM like `npm test`.
  jest: {
    projectType: 'custom',
    // Some tests run the bundled share and post workers (dist/, copied into the sandbox as it is): they reach the
    // action's side of each mutant, the workers' side is driven in process elsewhere (share.test.ts).
    config: { ...unit, displayName: undefined, testTimeout: 60000, ...(ownTests && { testMatch: ownTests }) },
    enableFindRelatedTests: true
  },
  testRunnerNodeArgs: ['--experimental-vm-modules', '--no-warnings'],
  // Each mutant runs only the tests that reached its code in the first (instrumented) run.
  coverageAnalysis: 'perTest',
  // Two cores shared with others: one test process unless asked for more (--concurrency N).
  concurrency: 1,
  timeoutMS: 30000,
  // json: reports/mutation/mutation.json, which scripts/mutation-scores.mjs judges module by module.
  reporters: ['html', 'json', 'clear-text', 'progress-append-only'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  thresholds: { high: 90, low: 85, break: null },
  // Only what the unit tests load (dist/ too: some run the bundled share and post workers), not the lab or reports.
  ignorePatterns: ['lab', 'node_modules/.cache', 'reports', 'coverage', '__tests__/_temp', '__tests__/_artifacts'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always'
}
