// One spec for a matrix over runners (issue 27), through dist as the runner runs it, on this POSIX runner: Windows
// spellings fail alone, `literal: true` takes them as names, `os` entries are made on their own runners only, and a
// junction off Windows is reported as the symlink it is. Windows and macOS: through the seam (spec.test.ts).
import * as fs from 'node:fs'
import * as path from 'node:path'
import { describePosixWithActionNode, runAction, snapshot, tempWorkspace } from './helpers/action.js'

let ws: string
beforeEach(() => {
  ws = tempWorkspace()
  for (const dir of ['data/linux', 'data/mac', 'shared']) fs.mkdirSync(path.join(ws, dir), { recursive: true })
  fs.writeFileSync(path.join(ws, 'data', 'file.txt'), 'content\n')
})
afterEach(() => fs.rmSync(ws, { recursive: true, force: true }))

const statuses = (run: ReturnType<typeof runAction>) => run.results.map((r) => [r.line, r.status, r.code])
const notices = (run: ReturnType<typeof runAction>) => run.stdout.split('\n').filter((l) => l.startsWith('::notice'))

/** The same links for Linux, Windows and macOS at one PATH, and one for every runner. */
const PER_OS = [
  '- { path: cache, target: data/linux, os: Linux }',
  "- { path: cache, target: 'D:\\cache\\pip', os: windows }",
  '- { path: cache, target: data/mac, os: [MACOS] }',
  '- { path: all, target: data/file.txt }'
].join('\n')

describePosixWithActionNode('one spec for the matrix, end to end (dist/index.js on this POSIX runner)', () => {
  it('fails a backslash PATH and a drive-letter TARGET alone, on their lines, with a fix; makes the other link', () => {
    const spec = ['app\\node_modules -> ..\\shared', 'ok -> data/file.txt', 'cache -> D:\\cache\\pip'].join('\n')
    const run = runAction(ws, { links: spec })
    expect(run.status).toBe(1)
    expect(statuses(run)).toEqual([
      [1, 'failed', 'WINDOWS_PATH'],
      [2, 'created', ''],
      [3, 'failed', 'WINDOWS_PATH']
    ])
    expect(run.outputs).toMatchObject({ created: '1', failed: '2' })
    expect(run.results[0].hint).toContain("'app/node_modules'")
    expect(run.results[2].hint).toContain('`os: Windows`')
    // Nothing named after the Windows spellings; the good line's link is there.
    expect(Object.keys(snapshot(ws)).filter((name) => !name.startsWith('data') && !name.startsWith('shared'))).toEqual([
      'ok'
    ])
    expect(fs.readlinkSync(path.join(ws, 'ok'))).toBe('data/file.txt')
    const errors = run.annotations.filter((a) => a.level === 'error' && a.properties.includes('links line'))
    expect(errors.map((a) => a.properties)).toEqual([
      'title=ln-action%3A links line 1',
      'title=ln-action%3A links line 3'
    ])
  })

  it('takes `\\` and a drive letter as characters of the names in an entry with `literal: true`', () => {
    fs.writeFileSync(path.join(ws, 'C:data'), 'odd\n')
    const run = runAction(ws, { links: "- { path: 'a\\b', target: 'C:data', literal: true }" })
    expect(run.status).toBe(0)
    expect(statuses(run)).toEqual([[1, 'created', '']])
    expect(fs.readlinkSync(path.join(ws, 'a\\b'))).toBe('C:data')
  })

  it('makes the entry for this OS, reports the others as other-os in no output but results, then finds it unchanged', () => {
    const run = runAction(ws, { links: PER_OS })
    expect(run.status).toBe(0)
    expect(statuses(run)).toEqual([
      [1, 'created', ''],
      [2, 'other-os', ''],
      [3, 'other-os', ''],
      [4, 'created', '']
    ])
    expect(run.outputs).toMatchObject({ created: '2', replaced: '0', unchanged: '0', failed: '0', changed: 'true' })
    expect(JSON.parse(run.outputs.results)).toHaveLength(4)
    expect(fs.readlinkSync(path.join(ws, 'cache'))).toBe('data/linux')
    expect(run.stdout).toMatch(/^other-os .*cache/m)
    expect(run.annotations).toEqual([])

    const again = runAction(ws, { links: PER_OS })
    expect(statuses(again).map(([, status]) => status)).toEqual(['unchanged', 'other-os', 'other-os', 'unchanged'])
    expect(again.outputs).toMatchObject({ created: '0', unchanged: '2', failed: '0', changed: 'false' })
  })

  it('goes by the runner OS the runner names (RUNNER_OS): on macOS the macOS entry is made', () => {
    const run = runAction(ws, { links: PER_OS }, { RUNNER_OS: 'macOS' })
    expect(statuses(run).map(([, status]) => status)).toEqual(['other-os', 'other-os', 'created', 'created'])
    expect(fs.readlinkSync(path.join(ws, 'cache'))).toBe('data/mac')
  })

  it('rejects two entries of this OS at one PATH, and an os value no runner has, naming the lines; makes nothing', () => {
    const spec = [
      '- { path: cache, target: data/linux, os: linux }',
      '- { path: cache, target: data/mac }',
      '- { path: other, target: data/mac, os: ubuntu-latest }'
    ].join('\n')
    const before = snapshot(ws)
    const run = runAction(ws, { links: spec })
    expect(run.status).toBe(1)
    expect(snapshot(ws)).toEqual(before)
    const errors = run.annotations.filter((a) => a.level === 'error' && a.properties.includes('links line'))
    expect(errors.map((a) => a.properties)).toEqual([
      'title=ln-action%3A links line 2',
      'title=ln-action%3A links line 3'
    ])
    expect(errors[1].message).toContain('ubuntu-latest')
  })

  it('reports `type: junction` as the symlink it makes here, with one notice for the run', () => {
    const spec = ['- { path: j1, target: shared, type: junction }', '- { path: j2, target: data, type: junction }']
    const run = runAction(ws, { links: spec.join('\n') })
    expect(run.status).toBe(0)
    expect(run.results.map((r) => [r.type, r.kind, r.status])).toEqual([
      ['junction', 'symlink', 'created'],
      ['junction', 'symlink', 'created']
    ])
    expect(fs.readlinkSync(path.join(ws, 'j1'))).toBe('shared')
    expect(run.stdout).toMatch(/^created +symlink +j1 -> shared$/m)
    expect(notices(run)).toEqual([expect.stringContaining('only on Windows')])
  })

  it('in a dry run, a Windows spelling would fail and an entry for another OS stays other-os; nothing is written', () => {
    const spec = `${PER_OS}\n- { path: 'x\\y', target: data/file.txt }`
    const before = snapshot(ws)
    const run = runAction(ws, { links: spec, 'dry-run': 'true', 'fail-on-error': 'false' })
    expect(snapshot(ws)).toEqual(before)
    expect(run.results.map((r) => [r.status, r.plan ?? '', r.code])).toEqual([
      ['planned', 'create', ''],
      ['other-os', '', ''],
      ['other-os', '', ''],
      ['planned', 'create', ''],
      ['planned', 'fail', 'WINDOWS_PATH']
    ])
    expect(run.outputs.failed).toBe('1')
  })
})
