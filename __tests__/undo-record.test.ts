// What the main step records for the post step under `cleanup: true` (undo-record.ts): which results get an undo
// entry, and what each says of the link made, its source, its directories and what it replaced. What the post step
// then does with whole runs is in cleanup.test.ts.
import { afterEach, beforeEach, expect, it, jest } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import * as core from '../__fixtures__/core.js'
import type { FsOps } from '../src/fsops.js'
import type { LinkResult, UndoEntry } from '../src/model.js'
import { planAll } from '../src/plan/index.js'
import { platformFor } from '../src/platform.js'
import { describePosix } from './helpers/action.js'
import { memoryFs } from './helpers/memfs.js'
import {
  context,
  dataWorkspace,
  errnoError,
  requests,
  windowsCleanupContext,
  type ContextOverrides
} from './helpers/stage.js'

jest.unstable_mockModule('@actions/core', () => core)
const { applierFor } = await import('../src/undo-record.js')
const { undo } = await import('../src/cleanup.js')

let ws: string
beforeEach(() => {
  ws = dataWorkspace()
})
afterEach(() => fs.rmSync(ws, { recursive: true, force: true }))

/** Apply a spec as a run with `cleanup` does (or without it); the results and the undo entries given beside them. */
function apply(spec: string, overrides: ContextOverrides = {}, cleanup = true) {
  const base = context(ws, overrides)
  const ctx = { ...base, settings: { ...base.settings, cleanup } }
  const applied = planAll(requests(spec, ws), ctx).map((plan) => applierFor(ctx)(plan, ctx))
  return {
    results: applied.map((a): LinkResult => a.result),
    entries: applied.flatMap((a): UndoEntry[] => (a.undo ? [a.undo] : []))
  }
}

/** The disk as it is, but once a link is made `after` answers for the calls it names (another process at work). */
function onceMade(after: Partial<FsOps>): FsOps {
  const ops = context(ws).ops
  let made = false
  const now = <K extends keyof FsOps>(name: K): FsOps[K] =>
    ((...args: never[]) =>
      ((made ? (after[name] ?? ops[name]) : ops[name]) as (...a: never[]) => unknown)(...args)) as FsOps[K]
  return {
    ...ops,
    symlink: (...args) => ((made = true), ops.symlink(...args)),
    lstat: now('lstat'),
    readlink: now('readlink'),
    realpath: now('realpath'),
    stat: now('stat')
  }
}

describePosix('which results get an undo entry', () => {
  it('none without cleanup: the link is made all the same', () => {
    const { results, entries } = apply('l -> data/x', {}, false)
    expect(results[0]).toMatchObject({ status: 'created', kind: 'symlink' })
    expect(fs.readlinkSync(path.join(ws, 'l'))).toBe('data/x')
    expect(entries).toEqual([])
  })

  it.each([
    ['the link is gone before it is read back', { lstat: () => undefined }],
    [
      'its directory is gone before it is read back',
      {
        realpath: () => {
          throw errnoError('ENOENT', 'realpath')
        }
      }
    ]
  ])('none where %s: the link counts as created, and nothing is there to undo', (_, after) => {
    const { results, entries } = apply('l -> data/x', { ops: onceMade(after) })
    expect(results[0]).toMatchObject({ status: 'created', warnings: [] })
    expect(entries).toEqual([])
  })

  it('a bug met reading the link back is not taken for a share gone: it is thrown, not warned of', () => {
    const bug = onceMade({
      readlink: () => {
        throw new TypeError('not a function')
      }
    })
    expect(() => apply('l -> data/x', { ops: bug })).toThrow(TypeError)
  })
})

describePosix('what an undo entry says', () => {
  it('nothing of what was at PATH where the plan replaces nothing: a new link costs no call before it is made', () => {
    // An lstat per link is what the speed goal cannot afford (contract notes: no verify-after-create locally).
    const ops = context(ws).ops
    const calls: string[] = []
    const lstat = (p: string) => (calls.push(`lstat ${path.relative(ws, p)}`), ops.lstat(p))
    const symlink = (...args: Parameters<FsOps['symlink']>) => (calls.push('symlink'), ops.symlink(...args))
    const base = context(ws, { ops: { ...ops, lstat, symlink } })
    const ctx = { ...base, settings: { ...base.settings, cleanup: true } }
    const [plan] = planAll(requests('n -> data/x', ws), ctx)
    calls.length = 0
    expect(applierFor(ctx)(plan, ctx).undo?.made).toEqual({ link: 'data/x' })
    expect(calls.slice(0, calls.indexOf('symlink'))).not.toContain('lstat n')
  })

  it('a symbolic link by its text; a hard link by its inode and the file it was made a name of, no content read', () => {
    fs.symlinkSync('x', path.join(ws, 'data/lx'))
    const ops = context(ws).ops
    const contentHash = jest.fn(ops.contentHash)
    const overrides = { ops: { ...ops, contentHash } }
    const entries = [
      ...apply('l -> data/x', overrides).entries,
      ...apply('- {path: h, target: data/lx, type: hardlink}', overrides).entries
    ]
    const x = fs.statSync(path.join(ws, 'data/x'))
    expect(entries[0].made).toEqual({ link: 'data/x' })
    expect(entries[0]).not.toHaveProperty('source')
    expect(entries[1]).toMatchObject({ kind: 'hardlink', source: path.join(ws, 'data/x') })
    expect(entries[1].made).toEqual({ dev: x.dev, ino: x.ino, size: x.size })
    // A hard link's content is TARGET's: hashing it would read every byte of a large file for nothing.
    expect(contentHash).not.toHaveBeenCalled()
  })

  it('the directories made for the link that still are directories when read back, outermost first', () => {
    // `a` answers as no directory once the link is made (a share's answer, or a swap): no entry the record cannot
    // hold (an empty place in the list would make the whole record unreadable to the post step).
    const a = path.join(ws, 'a')
    const ops = onceMade({ stat: (p) => (p === a ? undefined : context(ws).ops.stat(p)) })
    const { entries } = apply('a/b/c/l -> data/x', { ops })
    expect(entries[0].dirs?.map((d) => path.relative(ws, d.real))).toEqual(['a/b', 'a/b/c'])
  })
})

describe('on Windows, the kind each link was made as (platform seam, in-memory model)', () => {
  const win32 = platformFor('win32')

  function madeOnWindows(spec: string) {
    const mem = memoryFs(win32, { 'C:\\ws\\data\\x.txt': 'file', 'C:\\ws\\data\\dir': 'dir' })
    const ctx = windowsCleanupContext(win32, mem.ops)
    const plans = planAll(requests(spec, 'C:\\ws', {}, win32), ctx)
    return { mem, entries: plans.flatMap((plan) => applierFor(ctx)(plan, ctx).undo ?? []) }
  }

  it('a file link, a directory link and a junction by their kinds; a hard link has none', () => {
    const { entries } = madeOnWindows(
      '- {path: f, target: data/x.txt}\n- {path: d, target: data/dir}\n' +
        '- {path: j, target: data/dir, type: junction}\n- {path: h, target: data/x.txt, type: hardlink}'
    )
    expect(entries.map((e) => [e.kind, e.made.type])).toEqual([
      ['symlink', 'file'],
      ['symlink', 'dir'],
      ['junction', 'junction'],
      ['hardlink', undefined]
    ])
  })

  it('keeps a directory link swapped in for the junction made, with the same text', () => {
    const { mem, entries } = madeOnWindows('- {path: j, target: data/dir, type: junction}')
    const text = mem.at('C:\\ws\\j')
    expect(text).toMatchObject({ kind: 'link', type: 'junction' })
    mem.ops.unlink('C:\\ws\\j')
    mem.ops.symlink((text as { text: string }).text, 'C:\\ws\\j', 'dir')
    expect(undo(entries[0], mem.ops, win32).status).toBe('kept')
    expect(mem.at('C:\\ws\\j')).toMatchObject({ kind: 'link', type: 'dir' })
  })
})
