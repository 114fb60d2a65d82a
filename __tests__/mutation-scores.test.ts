// The per-module mutation score the mutation workflow fails on: read from a report in Stryker's JSON schema
// (mutation-testing-report-schema: files → mutants → status), judged per module, not by the run's total.
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { parse } from 'yaml'
import { ROOT } from '../scripts/run-action.mjs'
import { scores } from '../scripts/mutation-scores.mjs'
import { importersOf, outcome, withMutant } from '../scripts/static-mutants.mjs'
import { tempDir } from './helpers/stage.js'

const mutants = (counts: Record<string, number>) =>
  Object.entries(counts).flatMap(([status, n]) => Array.from({ length: n }, () => ({ status })))

const REPORT = {
  schemaVersion: '2',
  files: {
    'src/strong.ts': { mutants: mutants({ Killed: 80, Timeout: 9, Survived: 10, CompileError: 5, Ignored: 3 }) },
    'src/weak.ts': { mutants: mutants({ Killed: 16, Survived: 2, NoCoverage: 2 }) },
    'src/types.ts': { mutants: [] }
  }
}

describe('mutation scores per module', () => {
  it('counts killed and timed-out mutants as detected, survivors and uncovered ones not, invalid ones not at all', () => {
    expect(scores(REPORT)).toEqual([
      { file: 'src/strong.ts', detected: 89, undetected: 10, score: (100 * 89) / 99 },
      { file: 'src/types.ts', detected: 0, undetected: 0, score: undefined },
      { file: 'src/weak.ts', detected: 16, undetected: 4, score: 80 }
    ])
  })

  const run = (...args: string[]) => {
    const dir = tempDir()
    const file = path.join(dir, 'mutation.json')
    fs.writeFileSync(file, JSON.stringify(REPORT))
    const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'mutation-scores.mjs'), file, ...args], {
      encoding: 'utf8'
    })
    fs.rmSync(dir, { recursive: true })
    return result
  }

  it('fails naming each module under the floor, though the run as a whole is above it', () => {
    const { status, stdout, stderr } = run()
    expect(status).toBe(1)
    expect(stdout).toMatch(/\| src\/weak\.ts \| 80\.0% \(under the floor\) \| 16 \| 4 \|/)
    expect(stdout).toMatch(/\| src\/strong\.ts \| 89\.9% \| 89 \| 10 \|/)
    expect(stdout).toMatch(/\| src\/types\.ts \| no mutants \|/)
    expect(stderr).toContain('under 85%: src/weak.ts')
  })

  it('passes when every module with mutants reaches the floor given', () => {
    expect(run('--floor', '80')).toMatchObject({ status: 0, stderr: '' })
  })
})

describe('the mutation workflow', () => {
  const groups = () =>
    (
      parse(fs.readFileSync(path.join(ROOT, '.github', 'workflows', 'mutation.yml'), 'utf8')) as {
        jobs: { mutate: { strategy: { matrix: { include: { files: string; tests?: string }[] } } } }
      }
    ).jobs.mutate.strategy.matrix.include

  it('mutates every module of src/ in exactly one group', () => {
    const grouped = groups().flatMap((g) => g.files.split(','))
    const modules = (dir: string): string[] =>
      fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
        const rel = `${dir}/${e.name}`
        return e.isDirectory() ? modules(rel) : e.name.endsWith('.ts') ? [rel] : []
      })
    expect([...grouped].sort()).toEqual(modules('src').sort())
  })

  it("names only unit suites that exist as a group's own tests", () => {
    const named = groups().flatMap((g) => g.tests?.split(',') ?? [])
    expect(named.length).toBeGreaterThan(0)
    expect(named.filter((t) => !t.endsWith('.test.ts') || !fs.existsSync(path.join(ROOT, '__tests__', t)))).toEqual([])
  })
})

describe('static mutants, run after Stryker (scripts/static-mutants.mjs)', () => {
  it("puts the replacement where the report's 1-based line and column say, and nowhere else", () => {
    const source = "const A = 'post'\nconst TABLE = { x: 1, y: 2 }\n"
    const at = (line: number, column: number) => ({ line, column })
    expect(withMutant(source, { location: { start: at(1, 11), end: at(1, 17) }, replacement: '""' })).toBe(
      'const A = ""\nconst TABLE = { x: 1, y: 2 }\n'
    )
    expect(withMutant(source, { location: { start: at(2, 15), end: at(2, 29) }, replacement: '{}' })).toBe(
      "const A = 'post'\nconst TABLE = {}\n"
    )
  })

  it('runs the suites that import the module, statically or with await import, and no others', () => {
    const dir = tempDir()
    fs.writeFileSync(path.join(dir, 'a.test.ts'), "import { x } from '../src/undo-state.js'\n")
    fs.writeFileSync(path.join(dir, 'b.test.ts'), "const { y } = await import('../src/undo-state.js')\n")
    fs.writeFileSync(path.join(dir, 'c.test.ts'), "import { z } from '../src/undo-state-extra.js'\n")
    fs.writeFileSync(path.join(dir, 'd.e2e.test.ts'), "import { x } from '../src/undo-state.js'\n")
    try {
      expect(importersOf('src/undo-state.ts', dir).sort()).toEqual(['a.test.ts', 'b.test.ts'])
    } finally {
      fs.rmSync(dir, { recursive: true })
    }
  })

  it('reads the report it is given, and leaves a module edited since the report as it was', () => {
    const dir = tempDir()
    const file = path.join(dir, 'mutation.json')
    const stale = { status: 'Ignored', statusReason: 'Static mutant', location: {}, replacement: '' }
    fs.writeFileSync(file, JSON.stringify({ files: { 'src/names.ts': { source: 'not this', mutants: [stale] } } }))
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'static-mutants.mjs'), file], {
      encoding: 'utf8'
    })
    const after = JSON.parse(fs.readFileSync(file, 'utf8')) as { files: Record<string, { mutants: unknown[] }> }
    fs.rmSync(dir, { recursive: true })
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('src/names.ts: changed since the report was written')
    expect(after.files['src/names.ts'].mutants).toEqual([stale])
  })

  it('counts a failing suite as killed, a passing one as survived, one killed at its bound as timed out', () => {
    expect(outcome({ status: 1, signal: null })).toBe('Killed')
    expect(outcome({ status: 0, signal: null })).toBe('Survived')
    expect(outcome({ status: null, signal: 'SIGKILL', error: { code: 'ETIMEDOUT' } })).toBe('Timeout')
  })
})
