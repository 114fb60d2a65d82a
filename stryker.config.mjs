// Mutation testing (`npm run mutate`): Stryker changes one thing in a module of src/ (a condition, a comparison, a
// string...) and runs the unit tests that reach it; a mutant no test notices is a gap in the tests. CONTRIBUTING.md
// says how to read the report. Flags go through npm: `npm run mutate -- --mutate src/plan.ts --concurrency 2`.
import jestConfig from './jest.config.js'

const unit = jestConfig.projects.find((p) => p.displayName === 'unit')

/** The modules that parse, validate settings, plan, apply, report, explain and detect mounts. */
const TARGETS = [
  'src/spec.ts',
  'src/settings.ts',
  'src/plan.ts',
  'src/apply.ts',
  'src/result.ts',
  'src/report.ts',
  'src/tally.ts',
  'src/summary.ts',
  'src/present.ts',
  'src/knowledge.ts',
  'src/families.ts',
  'src/mount-sources.ts',
  'src/mounts.ts',
  'src/mounts-macos.ts',
  'src/mounts-windows.ts'
]

export default {
  mutate: TARGETS,
  testRunner: 'jest',
  // The unit project alone (end-to-end tests run dist/, which a mutant of src/ never reaches), as ESM like `npm test`.
  jest: {
    projectType: 'custom',
    // executors.test.ts and cleanup.test.ts run the bundled share and post workers (dist/), which answer otherwise
    // inside Stryker's sandbox (UNKNOWN; links not removed); they test the workers' protocol, which no mutant of
    // these modules changes.
    config: {
      ...unit,
      displayName: undefined,
      testTimeout: 60000,
      testPathIgnorePatterns: [
        ...unit.testPathIgnorePatterns,
        '/__tests__/executors\\.test\\.ts$',
        '/__tests__/cleanup\\.test\\.ts$'
      ]
    },
    enableFindRelatedTests: true
  },
  testRunnerNodeArgs: ['--experimental-vm-modules', '--no-warnings'],
  // Each mutant runs only the tests that reached its code in the first (instrumented) run.
  coverageAnalysis: 'perTest',
  // Two cores shared with others: one test process unless asked for more (--concurrency N).
  concurrency: 1,
  timeoutMS: 30000,
  reporters: ['html', 'clear-text', 'progress-append-only'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  thresholds: { high: 90, low: 85, break: null },
  // Only what the unit tests load (dist/ too: some run the bundled share worker), not the lab or reports.
  ignorePatterns: [
    'dist',
    'lab',
    'node_modules/.cache',
    'reports',
    'coverage',
    '__tests__/_temp',
    '__tests__/_artifacts'
  ],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always'
}
