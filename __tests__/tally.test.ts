// The report as results stream in: they come back in spec order whatever order executors give them, the log and
// the results file are written as they come, and only a bounded sample is kept for annotations and the summary.
import { jest } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import * as core from '../__fixtures__/core.js'
import type { LinkResult } from '../src/model.js'
import { platformFor } from '../src/platform.js'
import { settingsFor, tempDir } from './helpers/stage.js'

jest.unstable_mockModule('@actions/core', () => core)
const { inSpecOrder, MAX_EARLY } = await import('../src/executor.js')
const { MAX_ROWS, MAX_WARNINGS, Tally } = await import('../src/tally.js')

let runnerTemp: string
beforeEach(() => {
  jest.clearAllMocks()
  runnerTemp = tempDir()
  process.env.RUNNER_TEMP = runnerTemp
})
afterEach(() => {
  delete process.env.RUNNER_TEMP
  fs.rmSync(runnerTemp, { recursive: true, force: true })
})

function result(i: number, status: LinkResult['status'] = 'created'): LinkResult {
  const failed = status === 'failed'
  return {
    line: i + 1,
    path: `/ws/l${i}`,
    target: '/ws/data/x',
    text: 'data/x',
    type: 'symlink',
    kind: failed ? '' : 'symlink',
    status,
    code: failed ? 'EPERM' : '',
    errno: failed ? 1 : null,
    syscall: failed ? 'symlink' : '',
    filesystem: 'ext4',
    message: failed ? 'no' : '',
    hint: '',
    warnings: []
  }
}

const where = { settings: settingsFor('/ws'), workspace: '/ws', platform: platformFor('linux') }
const tallyOf = (expected: number) => new Tally(where, { log: true, expected })
const loggedLines = (): string[] => core.info.mock.calls.flatMap(([text]) => text.split('\n'))

describe('inSpecOrder', () => {
  it('hands results on in spec order, each once, whatever order they come in', () => {
    const seen: number[] = []
    const emit = inSpecOrder((r) => seen.push(r.line))
    for (const i of [2, 0, 4, 1, 3, 6, 5]) {
      emit(i, result(i))
      // Nothing is handed on before every result ahead of it has come.
      expect(seen).toEqual(Array.from({ length: seen.length }, (_, n) => n + 1))
    }
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7])
  })

  it('has a maker wait while too many are held for one before its own, until half of them are handed on', async () => {
    const seen: number[] = []
    const emit = inSpecOrder((r) => seen.push(r.line))
    // Index 0 is another's (a share's, say) and has not come; this maker's, 1 onwards, are held.
    for (let i = 1; i <= MAX_EARLY; i++) emit(i, result(i))
    expect(emit.caughtUp(MAX_EARLY)).toBeUndefined()
    emit(MAX_EARLY + 1, result(MAX_EARLY + 1))
    let resumed = false
    const waited = emit.caughtUp(MAX_EARLY + 1)!.then(() => (resumed = true))
    await Promise.resolve()
    expect(resumed).toBe(false)
    emit(0, result(0))
    await waited
    expect(seen).toHaveLength(MAX_EARLY + 2)
    expect(emit.caughtUp(MAX_EARLY + 1)).toBeUndefined()
  })

  it('keeps the maker waiting while more than half of the most it may hold are still held', async () => {
    const emit = inSpecOrder(() => undefined)
    // Two of another's missing: 0, and 101.
    for (let i = 1; i <= MAX_EARLY + 2; i++) if (i !== 101) emit(i, result(i))
    let resumed = false
    const waited = emit.caughtUp(MAX_EARLY + 2)!.then(() => (resumed = true))
    emit(0, result(0))
    await new Promise(setImmediate)
    // 0 to 100 handed on; MAX_EARLY - 99 still held.
    expect(resumed).toBe(false)
    emit(101, result(101))
    await waited
  })

  it('never has the maker of the one missing wait, however many of another’s are held', () => {
    const emit = inSpecOrder(() => undefined)
    // Another's results (a fast share's), MAX_EARLY + 1 of them, wait for this maker's 0..99, made up to 49 so far.
    for (let i = 100; i <= 100 + MAX_EARLY; i++) emit(i, result(i))
    for (let i = 0; i < 50; i++) emit(i, result(i))
    expect(emit.caughtUp(49)).toBeUndefined()
  })
})

describe('Tally', () => {
  it('logs links while they are still coming, in groups of lines, before it is closed', () => {
    const tally = tallyOf(2500)
    for (let i = 0; i < 2000; i++) tally.add(result(i))
    expect(core.startGroup).toHaveBeenCalledWith('Links (2500)')
    expect(loggedLines()).toHaveLength(2000)
    for (let i = 2000; i < 2500; i++) tally.add(result(i))
    tally.close()
    expect(loggedLines()).toHaveLength(2500)
    expect(loggedLines()[2499]).toContain('l2499')
    expect(core.endGroup).toHaveBeenCalledTimes(1)
  })

  it.each([0, 1, 250, 251, 1001])('writes every one of %i results to the results file, in order', (n) => {
    const tally = tallyOf(n)
    for (let i = 0; i < n; i++) tally.add(result(i))
    const { resultsFile } = tally.close()
    expect(path.dirname(resultsFile)).toBe(runnerTemp)
    const written = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as LinkResult[]
    expect(written.map((r) => r.line)).toEqual(Array.from({ length: n }, (_, i) => i + 1))
  })

  it('writes each result to the results file and the output exactly as JSON.stringify writes it', () => {
    // The same fields in another order: `line` last.
    const { line, ...rest } = result(10)
    const results: LinkResult[] = [
      result(0),
      result(1),
      result(2, 'failed'),
      result(3, 'failed'),
      result(4),
      { ...result(5), path: '/ws/"quoted"\\back\nline\u{1f600}\ud800', text: 'a\tb' },
      { ...result(6), warnings: ['TARGET does not exist'] },
      { ...result(7), message: 'said', hint: 'do "this"' },
      { ...result(8), endLine: 9 },
      { ...result(9), plan: 'create' },
      { ...rest, line },
      { ...result(11), line: undefined as unknown as number },
      result(12)
    ]
    const tally = tallyOf(results.length)
    for (const r of results) tally.add(r)
    const { results: output, resultsFile } = tally.close()
    expect(fs.readFileSync(resultsFile, 'utf8')).toBe(`[\n${results.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`)
    expect(output).toBe(JSON.stringify(results))
  })

  it('counts every result but keeps only the first of each list for the summary', () => {
    const tally = tallyOf(2 * MAX_ROWS + 10)
    for (let i = 0; i < 2 * MAX_ROWS + 10; i++) tally.add(result(i, i % 2 === 0 ? 'failed' : 'created'))
    expect(tally.total).toBe(2 * MAX_ROWS + 10)
    expect(tally.failed.count).toBe(MAX_ROWS + 5)
    expect(tally.others.count).toBe(MAX_ROWS + 5)
    expect(tally.failed.first).toHaveLength(MAX_ROWS)
    expect(tally.others.first).toHaveLength(MAX_ROWS)
    expect(tally.failed.first[0].line).toBe(1)
    expect(tally.counts).toMatchObject({ failed: MAX_ROWS + 5, created: MAX_ROWS + 5 })
  })

  it('keeps copies of what the summary shows, none of the results it was given (nor their arrays)', () => {
    // V8 allocates results where the first ones, all kept, made it expect each to live long: a run of 100,000
    // failed links then held ~100 MB of dead results until a full collection (issue 28).
    const given = Array.from({ length: MAX_ROWS + 10 }, (_, i) => ({ ...result(i, 'failed'), warnings: [`w${i}`] }))
    const tally = tallyOf(given.length)
    for (const r of given) tally.add(r)
    expect(tally.failed.first).toHaveLength(MAX_ROWS)
    tally.failed.first.forEach((kept, i) => {
      expect(kept).not.toBe(given[i])
      expect(kept.warnings).not.toBe(given[i].warnings)
      expect(kept).toMatchObject({ line: i + 1, path: given[i].path, message: 'no', warnings: [`w${i}`] })
    })
    const keptWarnings = tally.warnings.first.map((w) => w.result)
    expect(keptWarnings.every((kept, i) => kept !== given[i])).toBe(true)
  })

  it('logs nothing when told not to (a rejected spec logs its problems instead)', () => {
    const tally = new Tally(where, { log: false, expected: 20 })
    for (let i = 0; i < 20; i++) tally.add(result(i))
    tally.close()
    expect(core.info).not.toHaveBeenCalled()
    expect(core.startGroup).not.toHaveBeenCalled()
  })
})

describe('Tally, the log', () => {
  it('gives a link with nothing to say one line, and a failed one its message, hint and warnings below it', () => {
    const tally = tallyOf(2)
    tally.add(result(0))
    const warnings = Array.from({ length: MAX_WARNINGS + 1 }, (_, i) => `w${i}`)
    tally.add({ ...result(1, 'failed'), message: 'EPERM from symlink()', hint: 'Add `fallback: copy`.', warnings })
    tally.close()
    // A warning is said once: the first ones by their annotations (report.ts), the rest here.
    expect(tally.warnings.first.map((w) => w.message)).toEqual(warnings.slice(0, MAX_WARNINGS))
    expect(loggedLines()).toEqual([
      expect.stringMatching(/^created .*l0 -> data\/x$/),
      expect.stringMatching(/^failed .*l1 -> data\/x$/),
      '    EPERM from symlink()',
      '    hint: Add `fallback: copy`.',
      `    warning: w${MAX_WARNINGS}`
    ])
  })

  it('writes long lines (failed links with long paths) in slices well under 250 of them', () => {
    const long = (i: number): LinkResult => ({ ...result(i, 'failed'), message: `${'x'.repeat(1000)} ${i}` })
    const tally = tallyOf(250)
    for (let i = 0; i < 249; i++) tally.add(long(i))
    // A slice of 250 such lines would be a string past 128 KiB, which V8 keeps until a full collection.
    const writes = core.info.mock.calls.map(([text]) => text.length)
    expect(writes.length).toBeGreaterThan(1)
    expect(Math.max(...writes)).toBeLessThan(64 * 1024)
    const { resultsFile } = tally.close()
    expect(loggedLines().filter((l) => l.startsWith('failed'))).toHaveLength(249)
    expect(JSON.parse(fs.readFileSync(resultsFile, 'utf8'))).toHaveLength(249)
  })

  it('groups the links from 11 on, and writes the log 250 lines at a time', () => {
    const ten = tallyOf(10)
    for (let i = 0; i < 10; i++) ten.add(result(i))
    ten.close()
    expect(core.startGroup).not.toHaveBeenCalled()
    expect(core.endGroup).not.toHaveBeenCalled()
    const many = tallyOf(1000)
    for (let i = 0; i < 1000; i++) many.add(result(i))
    many.close()
    expect(core.startGroup).toHaveBeenCalledTimes(1)
    expect(core.info).toHaveBeenCalledTimes(1 + 4)
  })
})
