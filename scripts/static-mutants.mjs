// Stryker's static mutants, run after it. A mutant of a module-level value (a table, a constant) runs once at
// import, so Stryker cannot tell which tests reach it and runs every suite that loads the module: for the guard
// modules, the whole unit suite per mutant, 94% of a run's time (measured). `npm run mutate -- --ignoreStatic`
// leaves them `Ignored`; this script puts each into a copy of the project in turn, runs the module's own suites
// (STRYKER_TESTS, as stryker.config.mjs reads it, else the suites that import the module), and writes the outcome
// into the report, so that scripts/mutation-scores.mjs counts them.
//
//   node scripts/static-mutants.mjs [REPORT] [--timeout-ms 300000]
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const STATIC = /static/i

/** The source with one mutant in place. Stryker's report counts lines and columns from 1. */
export function withMutant(source, { location, replacement }) {
  const starts = [0]
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1)
  const at = ({ line, column }) => starts[line - 1] + column - 1
  return source.slice(0, at(location.start)) + replacement + source.slice(at(location.end))
}

/** The unit suites (file names in __tests__/) that import `module` (src/…), statically or with `await import`. */
export function importersOf(module, testsDir) {
  const name = module.replace(/^src\//, '../src/').replace(/\.ts$/, '.js')
  return fs
    .readdirSync(testsDir)
    .filter((f) => f.endsWith('.test.ts') && !f.endsWith('.e2e.test.ts'))
    .filter((f) => fs.readFileSync(path.join(testsDir, f), 'utf8').includes(`'${name}'`))
}

/** Killed, Survived or Timeout (counted as detected, as Stryker counts it) from one jest run. */
export function outcome({ status, signal, error }) {
  if (signal || error?.code === 'ETIMEDOUT') return 'Timeout'
  return status === 0 ? 'Survived' : 'Killed'
}

function sandbox() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ln-action-static-'))
  for (const name of fs.readdirSync(ROOT)) {
    if (['node_modules', '.git', '.stryker-tmp', 'reports', 'coverage', 'lab'].includes(name)) continue
    fs.cpSync(path.join(ROOT, name), path.join(dir, name), { recursive: true })
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'))
  return dir
}

function runSuites(dir, suites, timeout) {
  const jest = path.join(dir, 'node_modules', 'jest', 'bin', 'jest.js')
  const args = ['--experimental-vm-modules', '--no-warnings', jest, ...suites.map((s) => `__tests__/${s}`)]
  return spawnSync(process.execPath, [...args, '--selectProjects', 'unit', '--bail', '--silent'], {
    cwd: dir,
    timeout,
    killSignal: 'SIGKILL',
    stdio: 'ignore'
  })
}

function main(argv) {
  const timeoutAt = argv.indexOf('--timeout-ms')
  const timeout = timeoutAt === -1 ? 300000 : Number(argv[timeoutAt + 1])
  const file =
    argv.find((a, i) => !a.startsWith('--') && (timeoutAt === -1 || i !== timeoutAt + 1)) ??
    'reports/mutation/mutation.json'
  const report = JSON.parse(fs.readFileSync(file, 'utf8'))
  const dir = sandbox()
  try {
    for (const [module, entry] of Object.entries(report.files)) {
      const statics = entry.mutants.filter((m) => m.status === 'Ignored' && STATIC.test(m.statusReason ?? ''))
      if (statics.length === 0) continue
      const own = process.env.STRYKER_TESTS
      const suites = own ? own.split(',').map((s) => s.trim()) : importersOf(module, `${dir}/__tests__`)
      const original = fs.readFileSync(path.join(dir, module), 'utf8')
      // Locations are offsets into the source Stryker saw: a module edited since would be mutated in the wrong place.
      if (entry.source !== undefined && entry.source !== original) {
        console.log(`${module}: changed since the report was written; its static mutants are left as they are`)
        continue
      }
      for (const mutant of statics) {
        fs.writeFileSync(path.join(dir, module), withMutant(original, mutant))
        Object.assign(mutant, { status: outcome(runSuites(dir, suites, timeout)), statusReason: 'static, run alone' })
        console.log(`${module}:${mutant.location.start.line} ${mutant.mutatorName}: ${mutant.status}`)
      }
      fs.writeFileSync(path.join(dir, module), original)
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
  fs.writeFileSync(file, JSON.stringify(report))
}

if (fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main(process.argv.slice(2))
