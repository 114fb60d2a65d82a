// What the tests need to be right on every runner of ci.yml's unit job (Linux, macOS, Windows), checked on any of
// them: paths from file URLs through fileURLToPath, the helpers that touch the disk on the platform they run on, and
// what the runner's files look like on Windows. Suites that cannot be right on Windows skip there, saying why
// (CONTRIBUTING.md lists them).
import * as fs from 'node:fs'
import * as path from 'node:path'
import { parseOutputs, ROOT } from '../scripts/run-action.mjs'

/** Every file below `dir` (relative to the repository) whose name ends in one of `extensions`. */
function sources(dir: string, extensions: string[]): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && extensions.some((extension) => entry.name.endsWith(extension)))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
}

/** The lines of these files that match `pattern`, as `file:line: text`. */
function matching(files: string[], pattern: RegExp): string[] {
  return files.flatMap((file) =>
    fs
      .readFileSync(path.join(ROOT, file), 'utf8')
      .split('\n')
      .flatMap((line, i) => (pattern.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : []))
  )
}

const TESTS = [...sources('__tests__', ['.ts']), ...sources('__fixtures__', ['.ts']), ...sources('scripts', ['.mjs'])]
const SELF = '__tests__/portability.test.ts'

it('reads the test files, the helpers and the scripts', () => {
  expect(TESTS).toEqual(expect.arrayContaining(['__tests__/helpers/stage.ts', 'scripts/run-action.mjs', SELF]))
})

it('turns file URLs into paths with fileURLToPath, never .pathname (`/D:/a/...` on Windows, %20 for a space)', () => {
  const others = TESTS.filter((file) => file !== SELF)
  expect(matching(others, /\.pathname\b/)).toEqual([])
})

it('has the helpers and scripts that touch the disk work on the platform they run on, never a named one', () => {
  const helpers = [...sources('__tests__/helpers', ['.ts']), ...sources('scripts', ['.mjs'])]
  expect(matching(helpers, /platformFor\(\s*['"`]|\bplatform:\s*['"`]/)).toEqual([])
})

it("reads GITHUB_OUTPUT as @actions/core writes it on Windows, each line ended by os.EOL ('\\r\\n')", () => {
  const file = 'created<<ghadelimiter_1\r\n3\r\nghadelimiter_1\r\nresults<<ghadelimiter_2\r\n[]\r\nghadelimiter_2\r\n'
  expect(parseOutputs(file)).toEqual({ created: '3', results: '[]' })
  expect(parseOutputs(file.replace(/\r\n/g, '\n'))).toEqual({ created: '3', results: '[]' })
})
