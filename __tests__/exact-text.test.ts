// A YAML entry's `text:` (issue 29): the exact link text, parsed and checked in src/spec, written as is by the planner,
// with TARGET (for dangling and kind checks) where the text leads from PATH's directory.
import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { applyLink } from '../src/apply/index.js'
import { planAll } from '../src/plan/index.js'
import { platformFor } from '../src/platform.js'
import { parseSpec } from '../src/spec/index.js'
import { describePosix } from './helpers/action.js'
import { memoryFs, type Refusal } from './helpers/memfs.js'
import { context, dataWorkspace, DEFAULTS, errnoError, requests } from './helpers/stage.js'

const parse = (text: string) => parseSpec(text, DEFAULTS)

describe('the text field, parsed', () => {
  it('keeps the text byte for byte (not trimmed) and makes it the TARGET as written', () => {
    const { entries, problems } = parse('- path: l\n  text: " a/../b "\n')
    expect(problems).toEqual([])
    expect(entries).toMatchObject([{ path: 'l', target: ' a/../b ', text: ' a/../b ' }])
  })

  it.each([
    ['empty', '- path: l\n  text: ""\n', 2],
    ['with a NUL', '- path: l\n  text: "a\\0b"\n', 2],
    ['not a string', '- path: l\n  text: [a, b]\n', 2],
    ['beside target', '- path: l\n  target: x\n  text: x\n', 3],
    ['beside relative', '- path: l\n  relative: true\n  text: x\n', 3],
    ['on a hard link', '- path: l\n  type: hardlink\n  text: x\n', 3]
  ])('refuses a text %s, on its line', (_, spec, line) => {
    const { entries, problems } = parse(spec)
    expect(entries).toEqual([])
    expect(problems.map((p) => p.line)).toEqual([line])
  })

  it('resolves TARGET from the directory PATH is in, not from working-directory', () => {
    const [r] = requests('- { path: sub/l, text: ../data/x }', '/ws')
    expect(r).toMatchObject({ absPath: '/ws/sub/l', absTarget: '/ws/data/x', targetWasRelative: true })
    expect(requests('- { path: sub/l, text: /etc/x }', '/ws')[0]).toMatchObject({
      absTarget: '/etc/x',
      targetWasRelative: false
    })
  })
})

describePosix('the text field, made', () => {
  const make = (ws: string, spec: string) => {
    const ctx = context(ws)
    return planAll(requests(spec, ws), ctx).map((plan) => applyLink(plan, ctx))
  }

  it('writes the text as is where relative: auto would write another', () => {
    const ws = dataWorkspace()
    fs.mkdirSync(path.join(ws, 'sub'))
    const [made] = make(ws, '- { path: sub/l, text: ../data/dir/../x }')
    expect(made).toMatchObject({ status: 'created', kind: 'symlink', text: '../data/dir/../x' })
    expect(fs.readlinkSync(path.join(ws, 'sub/l'))).toBe('../data/dir/../x')
    // A re-run finds the same text there: unchanged, not replaced by the shorter text it leads to.
    expect(make(ws, '- { path: sub/l, text: ../data/dir/../x }')[0]).toMatchObject({ status: 'unchanged' })
    // Another text leading to the same file is another link.
    expect(make(ws, '- { path: sub/l, text: ../data/x }')[0]).toMatchObject({ status: 'failed', code: 'EEXIST' })
    fs.rmSync(ws, { recursive: true })
  })

  it('makes a text that leads into a loop or through a file as written: it dangles, the plan does not fail', () => {
    const ws = dataWorkspace()
    fs.symlinkSync('loop-b', path.join(ws, 'loop-a'))
    fs.symlinkSync('loop-a', path.join(ws, 'loop-b'))
    const results = make(ws, '- { path: into-loop, text: loop-a }\n- { path: through-file, text: data/x/below }')
    expect(results.map((r) => r.status)).toEqual(['created', 'created'])
    expect(results.every((r) => r.warnings.length === 1)).toBe(true)
    expect(fs.readlinkSync(path.join(ws, 'into-loop'))).toBe('loop-a')
    expect(fs.readlinkSync(path.join(ws, 'through-file'))).toBe('data/x/below')
    // TARGET written with `target` still fails there: only an exact text is made as written.
    expect(make(ws, 'other -> loop-a')[0]).toMatchObject({ status: 'failed', code: 'ELOOP' })
    fs.rmSync(ws, { recursive: true })
  })

  it('judges dangling by where the text leads from PATH', () => {
    const ws = dataWorkspace()
    fs.mkdirSync(path.join(ws, 'sub'))
    const [there, missing] = make(ws, '- { path: sub/a, text: ../data/x }\n- { path: sub/b, text: data/x }')
    expect(there.warnings).toEqual([])
    expect(missing).toMatchObject({ status: 'created' })
    expect(missing.warnings.join(' ')).toContain(path.join(ws, 'sub/data/x'))
    fs.rmSync(ws, { recursive: true })
  })
})

describe('the text field through the Windows seam: a capture made on Linux, made on Windows', () => {
  const win32 = platformFor('win32')
  const WS = 'C:\\ws'
  /** Plan and apply in C:\ws (in memory, holding lib\dir), with `refuse` standing for what Windows refuses. */
  const make = (spec: string, refuse?: Refusal) => {
    const mem = memoryFs(win32, { [WS]: 'dir', 'C:\\ws\\lib': 'dir', 'C:\\ws\\lib\\dir': 'dir' }, refuse)
    const filesystem = { type: 'NTFS', mountPoint: 'C:\\', source: '', options: ['fixed'] }
    const ctx = context(WS, {
      platform: win32,
      ops: mem.ops,
      realWorkingDirectory: WS,
      detector: { forPath: () => filesystem }
    })
    const results = planAll(requests(spec, WS, {}, win32), ctx).map((plan) => applyLink(plan, ctx))
    return { results, changes: mem.changes }
  }

  it('makes a directory symlink for a captured text with target-type: dir, though its target is not there yet', () => {
    const { results, changes } = make('- { path: bin\\tool, type: symlink, text: ../later/out, target-type: dir }')
    expect(results[0]).toMatchObject({ status: 'created', kind: 'symlink' })
    expect(changes.filter((c) => c.startsWith('symlink'))).toEqual(['symlink ../later/out C:\\ws\\bin\\tool dir'])
  })

  it('falls back to a junction leading where the text leads, without the symlink privilege', () => {
    const noPrivilege: Refusal = (call, [, , type]) =>
      call === 'symlink' && type !== 'junction' ? errnoError('EPERM', 'symlink') : undefined
    const spec = '- { path: dir-link, type: symlink, fallback: junction, text: lib/dir, target-type: dir }'
    const { results, changes } = make(spec, noPrivilege)
    expect(results[0]).toMatchObject({ status: 'created', kind: 'junction' })
    expect(changes).toContain('symlink C:\\ws\\lib\\dir C:\\ws\\dir-link junction')
  })
})
