// cleanup: true, unit by unit on real directories: what the main step records (undo-record.ts), what the post step
// does with it (cleanup.ts, post.ts) and how it travels between them (undo-state.ts, through the runner's state).
import { afterAll, afterEach, beforeEach, expect, it, jest } from '@jest/globals'
import type { ChildProcess } from 'node:child_process'
import { EventEmitter } from 'node:events'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as core from '../__fixtures__/core.js'
import type { LinkResult, Settings, UndoEntry } from '../src/model.js'
import { planAll } from '../src/plan/index.js'
import { platformFor } from '../src/platform.js'
import type { FsOps } from '../src/fsops.js'
import { TEMP_PREFIX } from '../src/names.js'
import { describePosix } from './helpers/action.js'
import { memoryFs, type Layout, type Refusal } from './helpers/memfs.js'
import { directoryIdentity } from '../src/parent.js'
import {
  context,
  dataWorkspace,
  errnoError,
  failing,
  host,
  racing,
  requests,
  seenAs,
  windowsCleanupContext,
  type ContextOverrides
} from './helpers/stage.js'

jest.unstable_mockModule('@actions/core', () => core)
const { applierFor } = await import('../src/undo-record.js')
const { identify, undo } = await import('../src/cleanup.js')
const { runPost, runPostWorker, serveUndo, undoInWorker, undoOne } = await import('../src/post.js')
const { startChild } = await import('../src/roles.js')
const { isPostStep, loadUndo, markMainStep, UndoList } = await import('../src/undo-state.js')

const DIST = fileURLToPath(new URL('../dist/index.js', import.meta.url))
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ln-action-cleanup-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

let ws: string
beforeEach(() => {
  ws = dataWorkspace()
  jest.clearAllMocks()
})
afterEach(() => fs.rmSync(ws, { recursive: true, force: true }))

/** Apply a spec the way a run with cleanup: true does; the undo entries it recorded. */
function made(
  spec: string,
  defaults = {},
  overrides: ContextOverrides = {}
): { results: LinkResult[]; undo: UndoEntry[] } {
  const base = context(ws, overrides)
  const ctx = { ...base, settings: { ...base.settings, cleanup: true } }
  const applied = planAll(requests(spec, ws, defaults), ctx).map((plan) => applierFor(ctx)(plan, ctx))
  return { results: applied.map((a) => a.result), undo: applied.flatMap((a) => (a.undo ? [a.undo] : [])) }
}

/** What the main step does with the undo entries given beside its results, for the post step: saved. */
function saveUndo(entries: UndoEntry[], settings: Settings, onShare = (_: string) => false): void {
  const list = new UndoList(onShare)
  for (const entry of entries) list.add(entry)
  list.save(settings, host.name)
}

const undoAll = (entries: UndoEntry[]) => entries.map((e) => undo(e, context(ws).ops, host))

describePosix('what the main step records, and the post step undoes', () => {
  it('records nothing without cleanup', () => {
    const ctx = context(ws)
    const [plan] = planAll(requests('l -> data/x', ws), ctx)
    expect(applierFor(ctx)(plan, ctx).undo).toBeUndefined()
  })

  it('removes created links and a copied tree while unchanged; keeps one changed since', () => {
    fs.writeFileSync(path.join(ws, 'data/dir/inner'), 'i')
    const first = made('l -> data/x\nm -> data/x')
    const copy = made('- {path: c, target: data/dir, type: hardlink, fallback: copy}')
    expect(copy.results[0].kind).toBe('copy')
    fs.rmSync(path.join(ws, 'm'))
    fs.symlinkSync('data/dir', path.join(ws, 'm'))
    expect(undoAll([...first.undo, ...copy.undo]).map((u) => u.status)).toEqual(['removed', 'kept', 'removed'])
    expect(fs.readdirSync(ws).sort()).toEqual(['data', 'm'])
  })

  it("keeps a hard link whose TARGET's parent became a link to PATH's directory: PATH is its content's only name", () => {
    const { undo: entries } = made('out/x -> data/x', { type: 'hardlink' })
    fs.rmSync(path.join(ws, 'data'), { recursive: true })
    fs.symlinkSync('out', path.join(ws, 'data')) // data/x is now out/x itself
    fs.writeFileSync(path.join(ws, 'out/x'), 'edited: the only copy')
    expect(undoAll(entries)[0].status).toBe('kept')
    expect(fs.readFileSync(path.join(ws, 'out/x'), 'utf8')).toBe('edited: the only copy')
  })

  it('puts back the link a copied tree replaced: the tree moved aside, the backup renamed in, the tree removed', () => {
    fs.writeFileSync(path.join(ws, 'data/dir/inner'), 'i')
    fs.symlinkSync('data/x', path.join(ws, 'c'))
    const spec = '- {path: c, target: data/dir, type: hardlink, fallback: copy}'
    const copy = made(spec, { overwrite: 'links' }, { backupSuffix: '.bak' })
    expect(copy.results[0]).toMatchObject({ status: 'replaced', kind: 'copy' })
    const [undone] = undoAll(copy.undo)
    expect(undone.status).toBe('restored')
    expect(undone.warnings).toEqual([expect.stringContaining(path.join(ws, 'c'))])
    expect(fs.readlinkSync(path.join(ws, 'c'))).toBe('data/x')
    expect(fs.readdirSync(ws).sort()).toEqual(['c', 'data'])
    expect(fs.readFileSync(path.join(ws, 'data/dir/inner'), 'utf8')).toBe('i')
  })

  it('puts a backup over a copied tree only while nothing took PATH meanwhile: what did, and the backup, stay', () => {
    fs.symlinkSync('data/x', path.join(ws, 'c'))
    const copy = made(
      '- {path: c, target: data/dir, type: hardlink, fallback: copy}',
      { overwrite: 'links' },
      {
        backupSuffix: '.bak'
      }
    )
    // Once the tree is aside, another process makes a file at PATH before the backup is renamed in.
    const ops = racing(
      context(ws).ops,
      (p) => p === path.join(ws, 'c'),
      (p) => fs.writeFileSync(p, 'theirs')
    )
    expect(() => undo(copy.undo[0], ops, host)).toThrow(expect.objectContaining({ code: 'EEXIST' }))
    expect(fs.readFileSync(path.join(ws, 'c'), 'utf8')).toBe('theirs')
    expect(fs.readlinkSync(path.join(ws, 'c.bak'))).toBe('data/x')
    expect(fs.readdirSync(ws).sort()).toEqual(['c', 'c.bak', 'data'])
  })

  it('removes a link the step made to a full directory, and only the link: the directory keeps what it holds', () => {
    fs.writeFileSync(path.join(ws, 'data/dir/inner'), 'keep me')
    const { undo: entries } = made('l -> data/dir')
    expect(undoAll(entries)[0]).toMatchObject({ status: 'removed', warnings: [] })
    expect(fs.existsSync(path.join(ws, 'l'))).toBe(false)
    expect(fs.readFileSync(path.join(ws, 'data/dir/inner'), 'utf8')).toBe('keep me')
  })

  it('keeps a file with the inode number of the hard link made on another device', () => {
    const { undo: entries } = made('h -> data/x', { type: 'hardlink' })
    const elsewhere = seenAs(context(ws).ops, path.join(ws, 'data/x'), (s) => ({ dev: s.dev + 1 }))
    expect(undo(entries[0], elsewhere, host).status).toBe('kept')
    expect(fs.existsSync(path.join(ws, 'h'))).toBe(true)
  })

  it('keeps a copied tree edited since it was made', () => {
    fs.writeFileSync(path.join(ws, 'data/dir/inner'), 'i')
    const copy = made('- {path: c, target: data/dir, type: hardlink, fallback: copy}')
    fs.writeFileSync(path.join(ws, 'c/new'), 'added')
    expect(undoAll(copy.undo)[0].status).toBe('kept')
  })

  it('puts back a replaced link from its backup, or from its recorded text; a replaced file only from a backup', () => {
    fs.symlinkSync('data/dir', path.join(ws, 'a'))
    fs.symlinkSync('data/dir', path.join(ws, 'b'))
    fs.writeFileSync(path.join(ws, 'f'), 'mine')
    fs.writeFileSync(path.join(ws, 'g'), 'mine too')
    const withBackup = made('a -> data/x\nf -> data/x', { overwrite: 'files' }, { backupSuffix: '.bak' })
    const without = made('b -> data/x\ng -> data/x', { overwrite: 'files' })
    const undone = undoAll([...withBackup.undo, ...without.undo])
    expect(undone.map((u) => u.status)).toEqual(['restored', 'restored', 'restored', 'removed'])
    expect(undone[3].warnings[0]).toMatch(/cannot be put back: there is no backup/)
    expect(fs.readlinkSync(path.join(ws, 'a'))).toBe('data/dir')
    expect(fs.readlinkSync(path.join(ws, 'b'))).toBe('data/dir')
    expect(fs.readFileSync(path.join(ws, 'f'), 'utf8')).toBe('mine')
    expect(fs.existsSync(path.join(ws, 'g'))).toBe(false)
    expect(fs.readdirSync(ws).sort()).toEqual(['a', 'b', 'data', 'f'])
  })

  it('says a link already gone is unchanged, and leaves a backup that changed', () => {
    fs.symlinkSync('data/dir', path.join(ws, 'a'))
    fs.symlinkSync('data/dir', path.join(ws, 'b'))
    const { undo: entries } = made('a -> data/x\nb -> data/x', { overwrite: 'links' }, { backupSuffix: '.bak' })
    fs.rmSync(path.join(ws, 'a'))
    fs.rmSync(path.join(ws, 'b.bak'))
    fs.symlinkSync('elsewhere', path.join(ws, 'b.bak'))
    const [gone, changedBackup] = undoAll(entries)
    expect(gone).toMatchObject({
      status: 'unchanged',
      message: expect.stringMatching(/Nothing is at .* backup .*a.bak/)
    })
    expect(changedBackup.status).toBe('restored') // from the recorded text
    expect(changedBackup.warnings[0]).toMatch(/b.bak changed or went/)
    expect(fs.readlinkSync(path.join(ws, 'b.bak'))).toBe('elsewhere')
  })

  describe('on Windows, each link put back as the kind it was (issue 23; platform seam, in-memory model)', () => {
    const win32 = platformFor('win32')

    function madeOnWindows(spec: string, layout: Layout, backupSuffix = '', refuse?: Refusal) {
      const layoutWithData: Layout = { 'C:\\ws\\data\\x.txt': 'file', 'C:\\ws\\data\\dir': 'dir', ...layout }
      const mem = memoryFs(win32, layoutWithData, refuse)
      const ctx = windowsCleanupContext(win32, mem.ops, { backupSuffix })
      const plans = planAll(requests(spec, 'C:\\ws', { overwrite: 'links' }, win32), ctx)
      const entries = plans.flatMap((plan) => applierFor(ctx)(plan, ctx).undo ?? [])
      return { mem, undone: entries.map((e) => undoOne(e, mem.ops, win32)) }
    }

    it('knows a relative link it made by its text and what that leads to: no PowerShell start to undo it', () => {
      const { mem, undone } = madeOnWindows('l -> data/x.txt', {})
      expect(undone.map((u) => [u.status, u.text])).toEqual([['removed', 'data\\x.txt']])
      expect(mem.at('C:\\ws\\l')).toBeUndefined()
      expect(mem.kindQueries).toEqual([])
    })

    it('a backup whose rename is refused otherwise than EPERM (EACCES): that errno, the step link left in place', () => {
      const refuse: Refusal = (call, [from]) =>
        call === 'rename' && from.endsWith('.bak') ? errnoError('EACCES', 'rename') : undefined
      const { mem, undone } = madeOnWindows(
        'b -> data/x.txt',
        { 'C:\\ws\\data\\y.txt': 'file', 'C:\\ws\\b': { link: 'C:\\ws\\data\\y.txt', type: 'file' } },
        '.bak',
        refuse
      )
      expect(undone[0]).toMatchObject({ status: 'failed', code: 'EACCES', syscall: 'rename' })
      expect(mem.at('C:\\ws\\b')).toMatchObject({ kind: 'link', text: 'data\\x.txt' })
      expect(mem.at('C:\\ws\\b.bak')).toMatchObject({ kind: 'link', text: 'C:\\ws\\data\\y.txt' })
    })

    it('a replaced junction as a junction, a dangling directory link as a directory link', () => {
      const { mem, undone } = madeOnWindows('j -> data/x.txt\nd -> data/x.txt', {
        'C:\\ws\\j': { link: 'C:\\ws\\data\\dir', type: 'junction' },
        'C:\\ws\\d': { link: 'C:\\ws\\gone', type: 'dir' }
      })
      expect(undone.map((u) => u.status)).toEqual(['restored', 'restored'])
      expect(mem.at('C:\\ws\\j')).toMatchObject({ kind: 'link', type: 'junction', text: 'C:\\ws\\data\\dir' })
      expect(mem.at('C:\\ws\\d')).toMatchObject({ kind: 'link', type: 'dir', text: 'C:\\ws\\gone' })
      // Over the file links the step made, a directory link cannot be renamed (MoveFileExW): said, not hidden.
      for (const u of undone) expect(u.warnings.join(' ')).toMatch(/not atomic/)
      expect(mem.paths().filter((p) => p.includes('.ln-action-'))).toEqual([])
    })

    it('keeps a link of another kind swapped in with the same text: a junction is not the directory link made', () => {
      const mem = memoryFs(win32, { 'C:\\ws\\data\\x.txt': 'file', 'C:\\ws\\data\\dir': 'dir' })
      const ctx = windowsCleanupContext(win32, mem.ops)
      const plans = planAll(requests('d -> C:/ws/data/dir\ne -> C:/ws/data/dir', 'C:\\ws', {}, win32), ctx)
      const entries = plans.flatMap((plan) => applierFor(ctx)(plan, ctx).undo ?? [])
      expect(entries.map((e) => e.made.type)).toEqual(['dir', 'dir'])
      // A later step swaps d for a junction with the same text; e stays the step's directory link.
      mem.ops.unlink('C:\\ws\\d')
      mem.ops.symlink('C:\\ws\\data\\dir', 'C:\\ws\\d', 'junction')
      expect(entries.map((e) => undo(e, mem.ops, win32).status)).toEqual(['kept', 'removed'])
      expect(mem.at('C:\\ws\\d')).toMatchObject({ kind: 'link', type: 'junction' })
    })

    it('a directory-link backup over the file link the step made: removed, then renamed', () => {
      const { mem, undone } = madeOnWindows(
        'b -> data/x.txt',
        { 'C:\\ws\\b': { link: 'C:\\ws\\data\\dir', type: 'dir' } },
        '.bak'
      )
      expect(undone[0]).toMatchObject({ status: 'restored', message: expect.stringMatching(/from its backup/) })
      expect(undone[0].warnings.join(' ')).toMatch(/not atomic/)
      expect(mem.at('C:\\ws\\b')).toMatchObject({ kind: 'link', type: 'dir', text: 'C:\\ws\\data\\dir' })
      expect(mem.at('C:\\ws\\b.bak')).toBeUndefined()
    })
  })

  describe('directories the step created (issue 23)', () => {
    it('go once their links are undone (last made first), innermost first; one that existed before stays', () => {
      fs.mkdirSync(path.join(ws, 'existing'))
      const { undo: entries } = made('a/b/l -> data/x\na/b/m -> data/x\nexisting/c/n -> data/x')
      expect(entries.map((e) => (e.dirs ?? []).map((d) => path.relative(ws, d.real)))).toEqual([
        ['a', 'a/b'],
        [],
        ['existing/c']
      ])
      const undone = undoAll([...entries].reverse())
      expect(undone.map((u) => u.status)).toEqual(['removed', 'removed', 'removed'])
      expect(undone[2].message).toContain(`${path.join(ws, 'a/b')}, ${path.join(ws, 'a')}`)
      expect(fs.readdirSync(ws).sort()).toEqual(['data', 'existing'])
      expect(fs.readdirSync(path.join(ws, 'existing'))).toEqual([])
    })

    it('stay where they hold anything else, or lead elsewhere now', () => {
      const { undo: entries } = made('a/b/l -> data/x\nd/e/l -> data/x')
      fs.writeFileSync(path.join(ws, 'a/later'), 'a later step wrote this')
      fs.renameSync(path.join(ws, 'd/e'), path.join(ws, 'e-was'))
      fs.symlinkSync('../e-was', path.join(ws, 'd/e')) // the chain to d/e now leads elsewhere: d/e/l is kept
      const undone = undoAll(entries)
      expect(undone.map((u) => u.status)).toEqual(['removed', 'kept'])
      expect(fs.readdirSync(path.join(ws, 'a'))).toEqual(['later'])
      expect(fs.readdirSync(path.join(ws, 'd'))).toEqual(['e'])
      expect(fs.readdirSync(path.join(ws, 'e-was'))).toEqual(['l'])
    })
  })

  describe('what a delete and recreate cannot reproduce (issue 23)', () => {
    it('keeps a copied tree edited with the same size and its times restored (touch -r)', () => {
      fs.writeFileSync(path.join(ws, 'data/dir/inner'), 'i')
      const copy = made('- {path: c, target: data/dir, type: hardlink, fallback: copy}')
      const inner = path.join(ws, 'c/inner')
      const { atime, mtime } = fs.statSync(inner)
      const dir = fs.statSync(path.join(ws, 'c'))
      fs.writeFileSync(inner, 'j')
      fs.utimesSync(inner, atime, mtime)
      fs.utimesSync(path.join(ws, 'c'), dir.atime, dir.mtime)
      expect(undoAll(copy.undo)[0].status).toBe('kept')
      expect(fs.readFileSync(inner, 'utf8')).toBe('j')
    })

    it('puts back no file written again under the backup name with its inode number (in-memory, reused)', () => {
      const linux = platformFor('linux')
      const mem = memoryFs(linux, { '/ws/data/x': 'file', '/ws/f': 'file' }, undefined, { reuseInodes: true })
      const base = context('/ws', { platform: linux, ops: mem.ops, realWorkingDirectory: '/ws', backupSuffix: '.bak' })
      const ctx = { ...base, settings: { ...base.settings, cleanup: true } }
      const [plan] = planAll(requests('f -> data/x', '/ws', { overwrite: 'files' }, linux), ctx)
      const { undo: entry } = applierFor(ctx)(plan, ctx)
      const backup = mem.ops.lstat('/ws/f.bak')!.ino
      mem.ops.unlink('/ws/f.bak')
      mem.ops.writeFile('/ws/f.bak', 'not the backup')
      expect(mem.ops.lstat('/ws/f.bak')!.ino).toBe(backup) // the number came back
      const undone = undo(entry!, mem.ops, linux)
      expect(undone.warnings[0]).toMatch(/backup .*f.bak changed or went/)
      expect(mem.at('/ws/f.bak')).toMatchObject({ kind: 'file', inode: { data: 'not the backup' } })
    })
  })

  describe('a hard link (issue 23)', () => {
    it('is removed while PATH and TARGET are one file, even after a write to TARGET (no change time)', () => {
      const { undo: entries } = made('- {path: h, target: data/x, type: hardlink}')
      fs.appendFileSync(path.join(ws, 'data/x'), 'more')
      fs.chmodSync(path.join(ws, 'data/x'), 0o600)
      expect(undoAll(entries)[0].status).toBe('removed')
      expect(fs.readFileSync(path.join(ws, 'data/x'), 'utf8')).toBe('xmore')
    })

    it('is kept where TARGET was written again as a new file and PATH edited: PATH is the only name of its content', () => {
      const { undo: entries } = made('- {path: h, target: data/x, type: hardlink}')
      fs.rmSync(path.join(ws, 'data/x'))
      fs.writeFileSync(path.join(ws, 'data/x'), 'new target')
      fs.appendFileSync(path.join(ws, 'h'), ' edited')
      const [undone] = undoAll(entries)
      expect(undone.status).toBe('kept')
      expect(fs.readFileSync(path.join(ws, 'h'), 'utf8')).toBe('x edited')
    })

    it('is kept where TARGET is gone, or now a symlink to PATH', () => {
      fs.writeFileSync(path.join(ws, 'data/y'), 'y')
      const { undo: entries } = made(
        '- {path: h, target: data/x, type: hardlink}\n- {path: g, target: data/y, type: hardlink}'
      )
      fs.rmSync(path.join(ws, 'data/x'))
      fs.rmSync(path.join(ws, 'data/y'))
      fs.symlinkSync('../g', path.join(ws, 'data/y'))
      expect(undoAll(entries).map((u) => u.status)).toEqual(['kept', 'kept'])
      expect(fs.readFileSync(path.join(ws, 'h'), 'utf8')).toBe('x')
      expect(fs.readFileSync(path.join(ws, 'g'), 'utf8')).toBe('y')
    })

    it('is kept where TARGET is another file now, though PATH still has a second name (nlink 2)', () => {
      const { undo: entries } = made('- {path: h, target: data/x, type: hardlink}')
      fs.linkSync(path.join(ws, 'data/x'), path.join(ws, 'data/x.keep'))
      fs.rmSync(path.join(ws, 'data/x'))
      fs.writeFileSync(path.join(ws, 'data/x'), 'new target')
      expect(undoAll(entries)[0].status).toBe('kept')
      expect(fs.readFileSync(path.join(ws, 'h'), 'utf8')).toBe('x')
    })

    it('on a share, is kept where TARGET is a directory now: no bytes to compare, and no failure', () => {
      const { undo: entries } = made('- {path: h, target: data/x, type: hardlink}')
      fs.rmSync(path.join(ws, 'data/x'))
      fs.mkdirSync(path.join(ws, 'data/x'))
      expect(undoOne({ ...entries[0], share: true }, context(ws).ops, host).status).toBe('kept')
      expect(fs.readFileSync(path.join(ws, 'h'), 'utf8')).toBe('x')
    })

    it('on a share, where inode numbers prove nothing, goes only while it holds the same bytes as TARGET', () => {
      fs.writeFileSync(path.join(ws, 'data/y'), 'y')
      const { undo: entries } = made(
        '- {path: h, target: data/x, type: hardlink}\n- {path: g, target: data/y, type: hardlink}'
      )
      const onShare = entries.map((e) => ({ ...e, share: true }))
      fs.rmSync(path.join(ws, 'data/x'))
      fs.writeFileSync(path.join(ws, 'data/x'), 'x') // a copy, the same bytes: nothing is lost
      fs.rmSync(path.join(ws, 'data/y'))
      fs.writeFileSync(path.join(ws, 'data/y'), 'Y') // other bytes: g holds the only copy of 'y'
      expect(undoAll(onShare).map((u) => u.status)).toEqual(['removed', 'kept'])
      expect(fs.readFileSync(path.join(ws, 'g'), 'utf8')).toBe('y')
    })
  })

  describe('a parent swapped after the step (issue 23)', () => {
    let outside: string
    beforeEach(() => {
      outside = fs.mkdtempSync(path.join(tmp, 'outside-'))
    })

    /** Move sub away and put a symlink to `to` in its place, holding a link of the same text (and a backup's name). */
    function swapSub(to: string): void {
      fs.mkdirSync(to, { recursive: true })
      fs.symlinkSync('../data/x', path.join(to, 'l'))
      fs.writeFileSync(path.join(to, 'l.bak'), 'not the backup')
      fs.renameSync(path.join(ws, 'sub'), path.join(ws, 'sub-was'))
      fs.symlinkSync(to, path.join(ws, 'sub'))
    }

    it('keeps PATH, and touches nothing, where the parent now leads out of the workspace', () => {
      fs.mkdirSync(path.join(ws, 'sub'))
      const { undo: entries } = made('sub/l -> data/x')
      swapSub(outside)
      const before = fs.readdirSync(outside).map((n) => [n, fs.lstatSync(path.join(outside, n)).ino])
      const [undone] = undoAll(entries)
      expect(undone.status).toBe('kept')
      expect(undone.warnings[0]).toContain(`now leads to ${outside}`)
      expect(fs.readdirSync(outside).map((n) => [n, fs.lstatSync(path.join(outside, n)).ino])).toEqual(before)
      expect(fs.readlinkSync(path.join(ws, 'sub-was/l'))).toBe('../data/x')
    })

    it('keeps PATH where the parent now leads to another directory inside the workspace', () => {
      fs.mkdirSync(path.join(ws, 'sub'))
      const { undo: entries } = made('sub/l -> data/x', {}, { backupSuffix: '.bak' })
      swapSub(path.join(ws, 'elsewhere'))
      expect(undoAll(entries)[0].status).toBe('kept')
      expect(fs.readlinkSync(path.join(ws, 'elsewhere/l'))).toBe('../data/x')
    })

    it('keeps PATH where its directory was replaced by another one at the same path', () => {
      fs.mkdirSync(path.join(ws, 'sub'))
      const { undo: entries } = made('sub/l -> data/x')
      fs.renameSync(path.join(ws, 'sub'), path.join(ws, 'sub-was'))
      fs.mkdirSync(path.join(ws, 'sub'))
      fs.symlinkSync('../data/x', path.join(ws, 'sub/l'))
      const [undone] = undoAll(entries)
      expect(undone).toMatchObject({ status: 'kept', message: '' }) // said once, in the warning
      expect(undone.warnings).toEqual([expect.stringMatching(/another directory now/)])
      expect(fs.readlinkSync(path.join(ws, 'sub/l'))).toBe('../data/x')
    })

    it('keeps PATH where the chain to its parent can no longer be followed (a link text sshfs hides: EPERM)', () => {
      fs.mkdirSync(path.join(ws, 'sub'))
      const { undo: entries } = made('sub/l -> data/x')
      const hiding = {
        ...context(ws).ops,
        realpath: () => {
          throw Object.assign(new Error('EPERM'), { code: 'EPERM', syscall: 'realpath' })
        }
      }
      const undone = undo(entries[0], hiding, host)
      expect(undone.status).toBe('kept')
      expect(undone.warnings[0]).toMatch(/can no longer be followed \(EPERM/)
      expect(fs.readlinkSync(path.join(ws, 'sub/l'))).toBe('../data/x')
    })

    it('finds nothing to undo where the parent is gone', () => {
      fs.mkdirSync(path.join(ws, 'sub'))
      const { undo: entries } = made('sub/l -> data/x')
      fs.rmSync(path.join(ws, 'sub'), { recursive: true })
      expect(undoAll(entries)[0]).toMatchObject({
        status: 'unchanged',
        message: expect.stringMatching(/is gone/),
        warnings: []
      })
    })
  })

  it('records nothing for a link that was already there (unchanged): the post step leaves it', () => {
    fs.symlinkSync('data/x', path.join(ws, 'l'))
    const { results, undo: entries } = made('l -> data/x')
    expect(results[0].status).toBe('unchanged')
    expect(entries).toEqual([])
  })

  it('removes a hard link made to the file a symlinked TARGET leads to', () => {
    fs.symlinkSync('x', path.join(ws, 'data/lx'))
    const { undo: entries } = made('- {path: h, target: data/lx, type: hardlink}')
    expect(undoOne(entries[0], context(ws).ops, host)).toMatchObject({ status: 'removed', kind: 'hardlink', text: '' })
    expect(fs.readdirSync(ws)).toEqual(['data'])
    expect(fs.readFileSync(path.join(ws, 'data/x'), 'utf8')).toBe('x')
  })

  it('says the post step will not undo a link it could not read back, and records nothing for it', () => {
    let linked = false
    const ops = context(ws).ops
    const { results, undo: entries } = made(
      'l -> data/x',
      {},
      {
        ops: {
          ...ops,
          symlink: (...args: Parameters<FsOps['symlink']>) => ((linked = true), ops.symlink(...args)),
          readlink: (p: string) => {
            if (linked) throw errnoError('EIO', 'readlink')
            return ops.readlink(p)
          }
        }
      }
    )
    expect(results[0].status).toBe('created')
    expect(results[0].warnings.join(' ')).toContain(`${path.join(ws, 'l')} could not be read back (EIO from readlink`)
    expect(entries).toEqual([])
  })

  it.each([
    [
      'its file content edited (same size, below a directory)',
      (c: string) => fs.writeFileSync(path.join(c, 'sub/f'), 'F')
    ],
    [
      'a link in it leading elsewhere',
      (c: string) => (fs.rmSync(path.join(c, 'sub/l')), fs.symlinkSync('y', path.join(c, 'sub/l')))
    ],
    [
      'a directory in it turned into a file',
      (c: string) => (
        fs.rmSync(path.join(c, 'sub/e'), { recursive: true }),
        fs.writeFileSync(path.join(c, 'sub/e'), '')
      )
    ]
  ])('keeps a copied tree with %s', (_, edit) => {
    fs.mkdirSync(path.join(ws, 'data/dir/sub/e'), { recursive: true })
    fs.writeFileSync(path.join(ws, 'data/dir/sub/f'), 'f')
    fs.symlinkSync('x', path.join(ws, 'data/dir/sub/l'))
    const copy = made('- {path: c, target: data/dir, type: hardlink, fallback: copy}')
    expect(copy.results[0].kind).toBe('copy')
    edit(path.join(ws, 'c'))
    expect(undoAll(copy.undo)[0].status).toBe('kept')
    expect(fs.existsSync(path.join(ws, 'c/sub'))).toBe(true)
  })

  it('keeps a hard link where it cannot tell whether PATH and TARGET are one name (realpath refused)', () => {
    const { undo: entries } = made('- {path: h, target: data/x, type: hardlink}')
    const ops = context(ws).ops
    const refusing = {
      ...ops,
      realpath: (p: string) => {
        if (p.endsWith('/h')) throw errnoError('EACCES', 'realpath')
        return ops.realpath(p)
      }
    }
    expect(undo(entries[0], refusing, host).status).toBe('kept')
    expect(fs.readFileSync(path.join(ws, 'h'), 'utf8')).toBe('x')
  })

  it('where a link made shows as what it leads to (sshfs follow_symlinks): removed by its inode, kept on a share', () => {
    const { undo: entries } = made('l -> data/x')
    fs.rmSync(path.join(ws, 'l'))
    fs.writeFileSync(path.join(ws, 'l'), 'x')
    const { dev, ino, size } = fs.lstatSync(path.join(ws, 'l'))
    const asSeen = { ...entries[0], made: { dev, ino, size } }
    expect(undo({ ...asSeen, share: true }, context(ws).ops, host).status).toBe('kept')
    expect(undo(asSeen, context(ws).ops, host).status).toBe('removed')
    expect(fs.existsSync(path.join(ws, 'l'))).toBe(false)
  })

  describe('a parent that cannot be followed, or is no directory now', () => {
    it('is gone where a directory above PATH became a file: nothing to undo', () => {
      const { undo: entries } = made('a/b/l -> data/x')
      fs.rmSync(path.join(ws, 'a'), { recursive: true })
      fs.writeFileSync(path.join(ws, 'a'), 'a file now')
      expect(undoAll(entries)[0]).toMatchObject({ status: 'unchanged', message: expect.stringMatching(/is gone/) })
      expect(fs.readFileSync(path.join(ws, 'a'), 'utf8')).toBe('a file now')
    })

    it('keeps PATH where its directory became a symlink loop (ELOOP)', () => {
      const { undo: entries } = made('sub/l -> data/x')
      fs.renameSync(path.join(ws, 'sub'), path.join(ws, 'sub-was'))
      fs.symlinkSync('sub', path.join(ws, 'sub'))
      const [undone] = undoAll(entries)
      expect(undone.status).toBe('kept')
      expect(undone.warnings[0]).toMatch(/ELOOP/)
      expect(fs.readlinkSync(path.join(ws, 'sub-was/l'))).toBe('../data/x')
    })

    it('fails with the errno where realpath is refused otherwise (EACCES)', () => {
      const { undo: entries } = made('sub/l -> data/x')
      const ops = {
        ...context(ws).ops,
        realpath: () => {
          throw errnoError('EACCES', 'realpath')
        }
      }
      expect(undoOne(entries[0], ops, host)).toMatchObject({ status: 'failed', code: 'EACCES', syscall: 'realpath' })
      expect(fs.readlinkSync(path.join(ws, 'sub/l'))).toBe('../data/x')
    })

    it('on a share, goes by the real path alone: a directory made again at the same path is taken as it', () => {
      fs.mkdirSync(path.join(ws, 'sub'))
      const { undo: entries } = made('sub/l -> data/x')
      fs.renameSync(path.join(ws, 'sub'), path.join(ws, 'sub-was'))
      fs.mkdirSync(path.join(ws, 'sub'))
      fs.symlinkSync('../data/x', path.join(ws, 'sub/l'))
      expect(undo({ ...entries[0], share: true }, context(ws).ops, host).status).toBe('removed')
      expect(fs.readdirSync(path.join(ws, 'sub'))).toEqual([])
    })
  })

  describe('directories made for a link whose rmdir answers', () => {
    it.each(['ENOTEMPTY', 'EEXIST', 'ENOENT'])('%s: stay, the link is removed', (code) => {
      const { undo: entries } = made('a/b/l -> data/x')
      const ops = {
        ...context(ws).ops,
        rmdir: () => {
          throw errnoError(code, 'rmdir')
        }
      }
      expect(undoOne(entries[0], ops, host)).toMatchObject({ status: 'removed', message: '' })
      expect(fs.readdirSync(path.join(ws, 'a'))).toEqual(['b'])
    })

    it('anything else: that link fails with the errno', () => {
      const { undo: entries } = made('a/b/l -> data/x')
      const ops = {
        ...context(ws).ops,
        rmdir: () => {
          throw errnoError('EACCES', 'rmdir')
        }
      }
      expect(undoOne(entries[0], ops, host)).toMatchObject({ status: 'failed', code: 'EACCES', syscall: 'rmdir' })
    })
  })

  describe('a failure while putting a replaced link back', () => {
    /** The real disk, except that renaming a temporary name (names.ts) that `refused` picks is refused: EACCES. */
    const refusingTempRename = (refused = (_: fs.Stats) => true): FsOps => {
      const ops = context(ws).ops
      return {
        ...ops,
        rename: (from: string, to: string) => {
          if (path.basename(from).startsWith(TEMP_PREFIX) && refused(fs.lstatSync(from)))
            throw errnoError('EACCES', 'rename')
          ops.rename(from, to)
        }
      }
    }
    const tempNames = (dir: string) => fs.readdirSync(dir).filter((n) => n.startsWith(TEMP_PREFIX))
    const copyOverLink = () => {
      fs.writeFileSync(path.join(ws, 'data/dir/inner'), 'i')
      fs.symlinkSync('data/x', path.join(ws, 'c'))
      return made('- {path: c, target: data/dir, type: hardlink, fallback: copy}', { overwrite: 'links' }).undo
    }

    it('over a link: fails with its errno, the step link stays, no temporary name is left', () => {
      fs.symlinkSync('data/dir', path.join(ws, 'b'))
      const { undo: entries } = made('b -> data/x', { overwrite: 'links' })
      expect(undoOne(entries[0], refusingTempRename(), host)).toMatchObject({
        status: 'failed',
        code: 'EACCES',
        syscall: 'rename'
      })
      expect(fs.readlinkSync(path.join(ws, 'b'))).toBe('data/x')
      expect(tempNames(ws)).toEqual([])
    })

    it('from a backup, refused with EPERM off Windows: fails, nothing removed first', () => {
      fs.symlinkSync('data/dir', path.join(ws, 'b'))
      const { undo: entries } = made('b -> data/x', { overwrite: 'links' }, { backupSuffix: '.bak' })
      const ops = {
        ...context(ws).ops,
        rename: () => {
          throw errnoError('EPERM', 'rename')
        }
      }
      expect(undoOne(entries[0], ops, host)).toMatchObject({ status: 'failed', code: 'EPERM' })
      expect(fs.readlinkSync(path.join(ws, 'b'))).toBe('data/x')
      expect(fs.readlinkSync(path.join(ws, 'b.bak'))).toBe('data/dir')
    })

    it('over a copied tree: the tree moves back into place, no temporary name is left', () => {
      const entries = copyOverLink()
      const undone = undoOne(
        entries[0],
        refusingTempRename((s) => s.isSymbolicLink()),
        host
      )
      expect(undone).toMatchObject({ status: 'failed', code: 'EACCES' })
      expect(fs.readFileSync(path.join(ws, 'c/inner'), 'utf8')).toBe('i')
      expect(tempNames(ws)).toEqual([])
    })

    it('over a copied tree that cannot move back either: the copy goes, no temporary name is left', () => {
      const entries = copyOverLink()
      expect(undoOne(entries[0], refusingTempRename(), host)).toMatchObject({ status: 'failed', code: 'EACCES' })
      expect(fs.readdirSync(ws).sort()).toEqual(['data'])
      expect(fs.readFileSync(path.join(ws, 'data/dir/inner'), 'utf8')).toBe('i')
    })
  })

  it('turns a refused call into that link failure with its errno', () => {
    const { undo: entries } = made('l -> data/x')
    const ops = {
      ...context(ws).ops,
      unlink: () => {
        throw Object.assign(new Error('EACCES'), { code: 'EACCES', syscall: 'unlink' })
      }
    }
    expect(undoOne(entries[0], ops, host)).toMatchObject({
      status: 'failed',
      code: 'EACCES',
      errno: 13,
      syscall: 'unlink',
      message: `Could not undo the link at ${path.join(ws, 'l')}: EACCES from unlink().`,
      warnings: [],
      hint: '',
      filesystem: ''
    })
    const withoutSyscall = {
      ...ops,
      unlink: () => {
        throw Object.assign(new Error('EIO'), { code: 'EIO' })
      }
    }
    expect(undoOne(entries[0], withoutSyscall, host)).toMatchObject({
      code: 'EIO',
      syscall: '',
      message: expect.stringContaining('EIO from ?()')
    })
    const bug = {
      ...ops,
      unlink: () => {
        throw new TypeError('not an errno')
      }
    }
    expect(() => undoOne(entries[0], bug, host)).toThrow(TypeError)
  })
})

describePosix('what decides a removal: the identity of what the step made (issue 24)', () => {
  const at = (name: string) => path.join(ws, name)
  /** A birth time both steps see, where the filesystem keeps none (sshfs, FAT): the tests do not depend on it. */
  const BORN = 1_700_000_000_000

  /** data/NAME copied to c by the main step (a hard link refused across devices: EXDEV), its birth time BORN. */
  function copied(name: string): UndoEntry {
    const ops = seenAs(failing({ link: 'EXDEV' }), at('c'), () => ({ birthtimeMs: BORN }))
    const copy = made(`- {path: c, target: data/${name}, type: hardlink, fallback: copy}`, {}, { ops })
    expect(copy.results[0].kind).toBe('copy')
    return copy.undo[0]
  }
  /** The disk at the post step, c's birth time BORN unless `change` says otherwise. */
  const seen = (change: (s: fs.Stats) => Partial<fs.Stats> = () => ({})) =>
    seenAs(context(ws).ops, at('c'), (s) => ({ birthtimeMs: BORN, ...change(s) }))

  it.each<[string, (s: fs.Stats) => Partial<fs.Stats>, boolean, string]>([
    ['nothing changed', () => ({}), false, 'removed'],
    ['another inode, the same bytes (written again)', (s) => ({ ino: s.ino + 1 }), false, 'kept'],
    ['another device, the same inode number and bytes', (s) => ({ dev: s.dev + 1 }), false, 'kept'],
    ['its inode number reused (another birth time), the same bytes', () => ({ birthtimeMs: BORN + 1 }), false, 'kept'],
    [
      'on a share, another inode and birth time, the same bytes',
      (s) => ({ ino: s.ino + 1, birthtimeMs: 1 }),
      true,
      'removed'
    ]
  ])('a copied file with %s', (_, change, share, status) => {
    const entry = copied('x')
    expect(undo({ ...entry, share }, seen(change), host).status).toBe(status)
    expect(fs.existsSync(at('c'))).toBe(status === 'kept')
    expect(fs.readFileSync(at('data/x'), 'utf8')).toBe('x')
  })

  it('a copied file edited in place, same size, other bytes: kept, and the warning names it', () => {
    const entry = copied('x')
    fs.writeFileSync(at('c'), 'y')
    const undone = undo(entry, seen(), host)
    expect(undone).toMatchObject({ status: 'kept', message: '' }) // said once, in the warning
    expect(undone.warnings).toEqual([expect.stringContaining(at('c'))])
    expect(fs.readFileSync(at('c'), 'utf8')).toBe('y')
  })

  it('a copied file replaced by a directory of its very size, on a share: kept, no read of the directory', () => {
    const probe = fs.mkdtempSync(path.join(ws, 'probe-'))
    const directorySize = fs.statSync(probe).size // what an empty directory measures on this filesystem
    fs.rmdirSync(probe)
    fs.writeFileSync(at('data/big'), 'b'.repeat(directorySize))
    const entry = copied('big')
    fs.rmSync(at('c'))
    fs.mkdirSync(at('c'))
    expect(fs.statSync(at('c')).size).toBe(directorySize)
    expect(undoOne({ ...entry, share: true }, seen(), host).status).toBe('kept')
    expect(fs.statSync(at('c')).isDirectory()).toBe(true)
  })

  it('a link the step made, replaced since by a file or by a directory holding a file: each kept as it is', () => {
    const { undo: entries } = made('l -> data/x\nm -> data/x')
    fs.rmSync(at('l'))
    fs.writeFileSync(at('l'), 'mine')
    fs.rmSync(at('m'))
    fs.mkdirSync(at('m'))
    fs.writeFileSync(at('m/f'), 'mine too')
    const undone = undoAll(entries)
    expect(undone.map((u) => u.status)).toEqual(['kept', 'kept'])
    expect(undone.map((u) => u.warnings)).toEqual([
      [expect.stringContaining(at('l'))],
      [expect.stringContaining(at('m'))]
    ])
    expect(fs.readFileSync(at('l'), 'utf8')).toBe('mine')
    expect(fs.readFileSync(at('m/f'), 'utf8')).toBe('mine too')
  })

  it('what was recorded as a file is no symlink given its inode number since (in-memory, numbers reused)', () => {
    // A link that showed as the file it leads to (sshfs follow_symlinks) is recorded by its inode alone.
    const linux = platformFor('linux')
    const mem = memoryFs(linux, { '/ws/data/x': 'file', '/ws/l': 'file' }, undefined, { reuseInodes: true })
    const parent = directoryIdentity('/ws', mem.ops)!
    const entry: UndoEntry = {
      ...{ line: 1, path: '/ws/l', target: '/ws/data/x', type: 'symlink', kind: 'symlink' },
      ...{ parent, made: identify('/ws/l', mem.ops, linux)! }
    }
    const { ino } = mem.ops.lstat('/ws/l')!
    mem.ops.unlink('/ws/l')
    mem.ops.symlink('elsewhere', '/ws/l')
    expect(mem.ops.lstat('/ws/l')!.ino).toBe(ino)
    expect(undo(entry, mem.ops, linux).status).toBe('kept')
    expect(mem.at('/ws/l')).toMatchObject({ kind: 'link', text: 'elsewhere' })
  })

  it('a link a share shows as the file it leads to (sshfs follow_symlinks), as recorded: by its inode alone', () => {
    const ops = context(ws).ops
    const following: FsOps = { ...ops, lstat: (p) => (p === at('l') ? ops.stat(p) : ops.lstat(p)) }
    const { undo: entries } = made('l -> data/x', {}, { ops: following })
    // On a share its inode proves nothing, and no content was recorded for a link: kept.
    expect(undo({ ...entries[0], share: true }, following, host).status).toBe('kept')
    expect(fs.readlinkSync(at('l'))).toBe('data/x')
    expect(undo(entries[0], following, host).status).toBe('removed')
    expect(fs.readdirSync(ws)).toEqual(['data'])
    expect(fs.readFileSync(at('data/x'), 'utf8')).toBe('x')
  })

  it('what a link replaced is recorded without reading it: a file the runner cannot read is replaced, then removed', () => {
    fs.writeFileSync(at('f'), 'not readable here')
    const unreadable: FsOps = {
      ...context(ws).ops,
      contentHash: () => {
        throw errnoError('EACCES', 'open')
      }
    }
    const { results, undo: entries } = made('f -> data/x', { overwrite: 'files' }, { ops: unreadable })
    expect(results.map((r) => r.status)).toEqual(['replaced'])
    const [undone] = entries.map((e) => undo(e, unreadable, host))
    expect(undone.status).toBe('removed')
    expect(undone.warnings).toEqual([expect.stringContaining(at('f'))])
    expect(fs.readdirSync(ws)).toEqual(['data'])
  })

  it('a link whose TARGET is a link made before it (nothing at its PATH before): both recorded, both go', () => {
    const { undo: entries } = made('a -> data/x\nb -> a')
    expect(undoAll([...entries].reverse()).map((u) => u.status)).toEqual(['removed', 'removed'])
    expect(fs.readdirSync(ws)).toEqual(['data'])
  })

  describe('a copied tree, by what is in it', () => {
    const treeCopy = () => made('- {path: c, target: data/dir, type: hardlink, fallback: copy}').undo[0]

    it('listed in another order by the post step (readdir order is the filesystem’s): removed', () => {
      for (const name of ['a', 'b', 'c', 'd']) fs.writeFileSync(at(`data/dir/${name}`), name)
      const entry = treeCopy()
      const ops = context(ws).ops
      expect(undo(entry, { ...ops, readdir: (p) => ops.readdir(p).reverse() }, host).status).toBe('removed')
      expect(fs.existsSync(at('c'))).toBe(false)
    })

    it('an entry listed, then gone before it is looked at (deleted meanwhile): read without it', () => {
      fs.writeFileSync(at('data/dir/f'), 'f')
      const entry = treeCopy()
      const ops = context(ws).ops
      let listed = false
      const racing: FsOps = {
        ...ops,
        readdir: (p) => (p === at('c') && !listed ? ((listed = true), [...ops.readdir(p), 'gone']) : ops.readdir(p))
      }
      expect(undo(entry, racing, host).status).toBe('removed')
      expect(fs.existsSync(at('c'))).toBe(false)
    })

    it('a file moved into the directory beside it: kept', () => {
      fs.mkdirSync(at('data/dir/a/b'), { recursive: true })
      fs.writeFileSync(at('data/dir/a/f'), 'f')
      const entry = treeCopy()
      fs.renameSync(at('c/a/f'), at('c/a/b/f'))
      expect(undo(entry, context(ws).ops, host).status).toBe('kept')
      expect(fs.readFileSync(at('c/a/b/f'), 'utf8')).toBe('f')
    })
  })

  describe('a backup', () => {
    it('gone since: the replaced link put back from its text, named, and a warning names the backup', () => {
      fs.symlinkSync('data/dir', at('b'))
      const { undo: entries } = made('b -> data/x', { overwrite: 'links' }, { backupSuffix: '.bak' })
      fs.rmSync(at('b.bak'))
      const [undone] = undoAll(entries)
      expect(undone).toMatchObject({ status: 'restored', message: expect.stringContaining("'data/dir'") })
      expect(undone.warnings).toEqual([expect.stringContaining(at('b.bak'))])
      expect(fs.readlinkSync(at('b'))).toBe('data/dir')
    })

    it.each([
      [false, 'removed', 'is not used: PATH goes, the backup stays'],
      [true, 'restored', 'on a share (inode numbers prove nothing) is: its bytes decide']
    ])('of a file, written again with the same bytes (another inode), share %s: %s', (share, status) => {
      fs.writeFileSync(at('f'), 'mine')
      const { undo: entries } = made('f -> data/x', { overwrite: 'files' }, { backupSuffix: '.bak' })
      fs.writeFileSync(at('again'), 'mine')
      fs.renameSync(at('again'), at('f.bak')) // made before the old one went: another inode for certain
      expect(undo({ ...entries[0], share }, context(ws).ops, host).status).toBe(status)
      expect(fs.readdirSync(ws).sort()).toEqual(share ? ['data', 'f'] : ['data', 'f.bak'])
      expect(fs.readFileSync(at(share ? 'f' : 'f.bak'), 'utf8')).toBe('mine')
    })

    it('put back though the step link went meanwhile (removed by another process): the backup goes in', () => {
      fs.symlinkSync('data/dir', at('b'))
      const { undo: entries } = made('b -> data/x', { overwrite: 'links' }, { backupSuffix: '.bak' })
      const ops = context(ws).ops
      const racing: FsOps = {
        ...ops,
        readlink: (p) => {
          const text = ops.readlink(p)
          if (p === at('b')) fs.rmSync(p) // just after the post step read it
          return text
        }
      }
      expect(undo(entries[0], racing, host).status).toBe('restored')
      expect(fs.readlinkSync(at('b'))).toBe('data/dir')
      expect(fs.readdirSync(ws).sort()).toEqual(['b', 'data'])
    })
  })

  it.each([
    [false, 'stays: another directory now', ['a']],
    [true, 'goes on a share: inode numbers prove nothing there, its path is all', []]
  ])('a directory made for a link, replaced since by another at its path (share %s): %s', (share, _, left) => {
    const { undo: entries } = made('a/b/l -> data/x')
    // A later step moves a/b into a new `a`: a/b and its link are as made, `a` is another directory.
    fs.mkdirSync(at('a-new'))
    fs.renameSync(at('a/b'), at('a-new/b'))
    fs.renameSync(at('a'), at('a-was'))
    fs.renameSync(at('a-new'), at('a'))
    const undone = undo({ ...entries[0], share }, context(ws).ops, host)
    expect(undone.status).toBe('removed')
    expect(fs.readdirSync(ws).filter((n) => n === 'a')).toEqual(left)
    expect(fs.existsSync(at('a/b'))).toBe(false)
  })
})

// Defect 5 of the restore review: the copy a restore moved aside was the backup, and putting it back over the link
// failed with ENOTDIR (rename(2) cannot put a directory over a link).
describePosix('a directory a restore (overwrite: copies) replaced, put back by the post step', () => {
  beforeEach(() => {
    fs.mkdirSync(path.join(ws, 'data/dir/sub'))
    fs.writeFileSync(path.join(ws, 'data/dir/sub/f'), 'bytes')
    fs.cpSync(path.join(ws, 'data/dir'), path.join(ws, 'd'), { recursive: true })
  })

  it.each([
    ['with a backup suffix', { backupSuffix: '~' }],
    ['without one (cleanup keeps the copy for the post step)', {}]
  ])('%s: the directory comes back as it was, and nothing is left beside it', (_, overrides) => {
    const ino = fs.statSync(path.join(ws, 'd')).ino
    const { results, undo: entries } = made('d -> data/dir', { overwrite: 'copies' }, overrides)
    expect(results[0]).toMatchObject({ status: 'replaced', kind: 'symlink' })
    expect(fs.lstatSync(path.join(ws, 'd')).isSymbolicLink()).toBe(true)
    expect(undoAll(entries).map((u) => u.status)).toEqual(['restored'])
    expect(fs.lstatSync(path.join(ws, 'd')).ino).toBe(ino)
    expect(fs.readFileSync(path.join(ws, 'd/sub/f'), 'utf8')).toBe('bytes')
    expect(fs.readdirSync(ws).sort()).toEqual(['d', 'data'])
  })

  // F5: a file's copy went with the swap, and the post step left PATH empty.
  it('a file without a backup suffix comes back too (cleanup keeps the copy for the post step)', () => {
    fs.writeFileSync(path.join(ws, 'c'), 'x')
    const { results, undo: entries } = made('c -> data/x', { overwrite: 'copies' })
    expect(results[0]).toMatchObject({ status: 'replaced', kind: 'symlink' })
    expect(undoAll(entries).map((u) => u.status)).toEqual(['restored'])
    expect(fs.lstatSync(path.join(ws, 'c')).isFile()).toBe(true)
    expect(fs.readFileSync(path.join(ws, 'c'), 'utf8')).toBe('x')
    expect(fs.readdirSync(ws).sort()).toEqual(['c', 'd', 'data'])
  })
})

describePosix('the runner state between the steps, and the post step', () => {
  const settings = { workingDirectory: '', timeoutMs: 5000, summary: false } as Settings
  const stateOf = (): Record<string, string> =>
    Object.fromEntries(core.saveState.mock.calls.map(([name, value]) => [`STATE_${name}`, String(value)]))

  afterEach(() => {
    for (const name of Object.keys(process.env)) if (name.startsWith('STATE_')) delete process.env[name]
    delete process.env.RUNNER_TEMP
  })

  it('marks the main step, saves the undo entries given beside the results, and the post step finds them', async () => {
    markMainStep()
    const { results, undo: entries } = made('l -> data/x')
    saveUndo(entries, { ...settings, workingDirectory: ws })
    expect(results[0]).not.toHaveProperty('undo')
    Object.assign(process.env, stateOf())
    expect(isPostStep()).toBe(true)
    expect(loadUndo()?.record.entries).toHaveLength(1)
    await runPost()
    expect(core.setFailed).not.toHaveBeenCalled()
    expect(fs.existsSync(path.join(ws, 'l'))).toBe(false)
  })

  it('saves nothing when nothing was made, and the post step then does nothing', async () => {
    saveUndo([], settings)
    expect(core.saveState).not.toHaveBeenCalled()
    expect(loadUndo()).toBeUndefined()
    await runPost()
    expect(core.info).not.toHaveBeenCalled()
    expect(core.setFailed).not.toHaveBeenCalled()
  })

  it('puts a large record in a file in RUNNER_TEMP, removed after the post step', async () => {
    process.env.RUNNER_TEMP = tmp
    const { undo: entries } = made(Array.from({ length: 200 }, (_, i) => `l${i} -> data/x`).join('\n'))
    saveUndo(entries, { ...settings, workingDirectory: ws })
    const state = stateOf()
    expect(state.STATE_undo).toBeUndefined()
    expect(path.dirname(state['STATE_undo-file'])).toBe(tmp)
    Object.assign(process.env, state)
    await runPost()
    expect(fs.existsSync(state['STATE_undo-file'])).toBe(false)
    expect(fs.readdirSync(ws)).toEqual(['data'])
  })

  it('gives up a record it cannot write, whole: nothing saved for the post step, a warning that says so', () => {
    process.env.RUNNER_TEMP = path.join(tmp, 'not-there')
    const { results, undo: entries } = made(Array.from({ length: 200 }, (_, i) => `l${i} -> data/x`).join('\n'))
    saveUndo(entries, { ...settings, workingDirectory: ws })
    expect(results.every((r) => r.status === 'created')).toBe(true)
    expect(stateOf()).toEqual({})
    expect(core.warning).toHaveBeenCalledWith(expect.stringMatching(/ENOENT.*the post step undoes nothing/))
  })

  it("keeps a small record in the runner's state, and a large one in the system's temporary directory without RUNNER_TEMP", () => {
    const small = made('l -> data/x')
    saveUndo(small.undo, { ...settings, workingDirectory: ws })
    expect(Object.keys(stateOf())).toEqual(['STATE_undo'])
    jest.clearAllMocks()
    const big = made(Array.from({ length: 200 }, (_, i) => `m${i} -> data/x`).join('\n'))
    saveUndo(big.undo, { ...settings, workingDirectory: ws })
    const file = stateOf()['STATE_undo-file']
    expect(path.dirname(file)).toBe(os.tmpdir())
    fs.rmSync(file)
  })

  it("is not the post step without the main step's mark, and saves nothing where no link gave an undo entry", () => {
    expect(isPostStep()).toBe(false)
    const list = new UndoList(() => false)
    list.save(settings, host.name)
    expect(core.saveState).not.toHaveBeenCalled()
  })

  it('writes a large record to its file as the links are made, not all at the end (issue 28: memory)', () => {
    process.env.RUNNER_TEMP = tmp
    const { undo: entries } = made(Array.from({ length: 200 }, (_, i) => `l${i} -> data/x`).join('\n'))
    const before = new Set(fs.readdirSync(tmp))
    const list = new UndoList(() => false)
    for (const entry of entries) list.add(entry)
    const written = fs.readdirSync(tmp).filter((name) => !before.has(name) && name.startsWith('ln-action-undo-'))
    expect(written).toHaveLength(1)
    expect(fs.statSync(path.join(tmp, written[0])).size).toBeGreaterThan(0)
    list.save({ ...settings, workingDirectory: ws }, host.name)
    Object.assign(process.env, stateOf())
    const asJson = JSON.parse(JSON.stringify(entries)) as UndoEntry[] // what JSON keeps: no undefined fields
    expect(loadUndo()).toMatchObject({ file: path.join(tmp, written[0]), record: { entries: asJson } })
  })

  describe('an undo record that cannot be read (issue 23)', () => {
    /** The post step's failure, after the main step made `l` and its state was damaged by `damage`. */
    async function postAfter(damage: (state: Record<string, string>) => Record<string, string>): Promise<string> {
      const { undo: entries } = made('l -> data/x')
      saveUndo(entries, { ...settings, workingDirectory: ws })
      Object.assign(process.env, damage(stateOf()))
      await runPost()
      expect(fs.readlinkSync(path.join(ws, 'l'))).toBe('data/x') // nothing undone
      expect(core.setFailed).toHaveBeenCalledTimes(1)
      return String(core.setFailed.mock.calls[0][0])
    }

    it.each([
      ['truncated', (json: string) => json.slice(0, 41)],
      ['empty', () => ' '],
      ['entries not a list', (json: string) => json.replace('"entries":[', '"entries":{"0":').replace(/]}$/, '}}')],
      ['an entry without its parent', (json: string) => json.replace('"parent":', '"elsewhere":')],
      ['an entry of an unknown kind', (json: string) => json.replace('"kind":"symlink"', '"kind":"folder"')],
      ['not an object', () => '[1, 2]']
    ])('in the state, %s: one error naming the record, saying nothing was undone', async (_, damage) => {
      const message = await postAfter((state) => ({ STATE_undo: damage(state.STATE_undo) }))
      expect(message).toMatch(/undo record in the runner's state \(undo\) is unreadable .*nothing was undone/)
    })

    /** Damage to one field of the record (parsed), as a later step or a bug could write it. */
    type Damage = (record: {
      settings: Record<string, unknown>
      platform: unknown
      entries: Record<string, unknown>[]
    }) => void
    const entryWith =
      (fields: Record<string, unknown>): Damage =>
      (r) =>
        void Object.assign(r.entries[0], fields)
    const PARENT = { real: '/ws', dev: 1, ino: 2 }
    it.each<[string, Damage]>([
      ['a line that is no number', entryWith({ line: '1' })],
      ['a path that is no string', entryWith({ path: 1 })],
      ['a target that is no string', entryWith({ target: null })],
      ['an unknown type', entryWith({ type: 'folder' })],
      ['a parent without its inode', entryWith({ parent: { real: '/ws', dev: 1 } })],
      ['a parent whose device is no number', entryWith({ parent: { ...PARENT, dev: '1' } })],
      ['a parent whose real path is no string', entryWith({ parent: { ...PARENT, real: 1 } })],
      ['a made link text that is no string', entryWith({ made: { link: 1 } })],
      ['a made kind of Windows link unknown', entryWith({ made: { link: 'x', type: 'folder' } })],
      ['a made inode that is no number', entryWith({ made: { dev: 1, ino: '2' } })],
      ['a made device that is no number', entryWith({ made: { dev: '1', ino: 2 } })],
      ['a made entry that is a list', entryWith({ made: [] })],
      ['a backup name that is no string', entryWith({ before: { backup: 1 } })],
      ["a backup's identity that is no object", entryWith({ before: { backup: 'b', backupIs: 'b' } })],
      ['a replaced link text that is no string', entryWith({ before: { link: 1 } })],
      ['directories that are no list', entryWith({ dirs: PARENT })],
      ['a directory without its inode', entryWith({ dirs: [PARENT, { real: '/ws/a', dev: 1 }] })],
      ['a source that is no string', entryWith({ source: 1 })],
      ['a share flag that is no boolean', entryWith({ share: 'true' })],
      ['an entry that is null', (r) => void (r.entries[1] = null as never)],
      ['no platform', (r) => void (r.platform = undefined)],
      ['a timeout that is no number', (r) => void (r.settings.timeoutMs = '5000')],
      ['a working directory that is no string', (r) => void (r.settings.workingDirectory = 1)]
    ])('in the state, %s: unreadable, nothing undone', async (_, damage) => {
      const message = await postAfter((state) => {
        const record = JSON.parse(state.STATE_undo)
        damage(record)
        return { STATE_undo: JSON.stringify(record) }
      })
      expect(message).toMatch(/unreadable \(not in the form the main step writes\): nothing was undone/)
    })

    it("reads every field the main step writes: Windows' kinds, backups, directories, sources, shares", () => {
      const { undo: entries } = made('l -> data/x')
      saveUndo(entries, { ...settings, workingDirectory: ws })
      const record = JSON.parse(stateOf().STATE_undo)
      const [entry] = record.entries
      const identity = { dev: 1, ino: 2, size: 3, birthtimeMs: 4, hash: 'h', tree: 't' }
      record.entries = ['file', 'dir', 'junction'].map((type) => ({
        ...entry,
        made: { link: 'data/x', type },
        before: { link: 'data/dir', type, backup: `${entry.path}.bak`, backupIs: identity },
        dirs: [entry.parent],
        source: path.join(ws, 'data/x'),
        share: true
      }))
      process.env.STATE_undo = JSON.stringify(record)
      expect(loadUndo()?.record).toEqual(record)
    })

    it('in a file: missing, cut short, or rewritten by a later step (even well formed), named with its path', async () => {
      process.env.RUNNER_TEMP = tmp
      const big = made(Array.from({ length: 200 }, (_, i) => `l${i} -> data/x`).join('\n'))
      saveUndo(big.undo, { ...settings, workingDirectory: ws })
      const state = stateOf()
      const file = state['STATE_undo-file']
      const original = fs.readFileSync(file, 'utf8')
      const withFile = (name: string) => () => ({ ...state, 'STATE_undo-file': name })
      jest.clearAllMocks()
      const missing = await postAfter(withFile(`${file}.gone`))
      expect(missing).toMatch(new RegExp(`undo record file ${file}.gone is unreadable \\(ENOENT.*nothing was undone`))
      for (const rewritten of [
        original.slice(0, 100),
        // Well formed, naming a file outside as one of the step's copies: a later step could write RUNNER_TEMP.
        original.replace(`${ws}/l0"`, `${tmp}/precious"`)
      ]) {
        jest.clearAllMocks()
        fs.writeFileSync(file, rewritten)
        const message = await postAfter(withFile(file))
        expect(message).toMatch(/undo record file .* is unreadable \(changed since the main step wrote it\)/)
      }
    })
  })

  it('undoes links on a share in a child process (the bundle), and fails what it did not get to', async () => {
    const { undo: entries } = made('a -> data/x\nb -> data/x')
    const record = { settings, platform: host.name, entries }
    const results = await undoInWorker(record, entries, () => startChild('post-worker', DIST))
    expect(results.map((r) => r.status)).toEqual(['removed', 'removed'])
    const dead = await undoInWorker(record, entries, () => startChild('post-worker', path.join(tmp, 'missing.js')))
    expect(dead.map((r) => [r.status, r.code])).toEqual([
      ['failed', 'UNKNOWN'],
      ['skipped', 'ECANCELED']
    ])
    expect(dead[0].message).toMatch(/ended early/)
  })
})

/**
 * The post worker in this process: a stand-in for the child that `serving` answers as runPostWorker does (serveUndo,
 * on the real disk), or that the test answers itself, link by link, to drive the clock.
 */
class WorkerInProcess extends EventEmitter {
  connected = true
  readonly kill = jest.fn((_signal?: NodeJS.Signals) => true)
  readonly disconnect = jest.fn(() => void (this.connected = false))
  readonly unref = jest.fn()
  work?: { platform: string; entries: UndoEntry[] }

  constructor(private readonly serving: boolean) {
    super()
  }

  send(work: { platform: string; entries: UndoEntry[] }): boolean {
    this.work = work
    // An answer comes over IPC, never within send(): a microtask later at the earliest.
    if (this.serving) void serveUndo(work, async (result) => void (await null, this.answer(result)))
    return true
  }

  answer(result: LinkResult): void {
    this.emit('message', result)
  }

  get start(): () => ChildProcess {
    return () => this as unknown as ChildProcess
  }
}

describePosix('the post worker, in this process (post.ts)', () => {
  const settings = { workingDirectory: '', timeoutMs: 1000, summary: false } as Settings
  const removed = { status: 'removed' } as LinkResult

  /** undoInWorker over `entries`, and whether it has settled yet. */
  function undoing(entries: UndoEntry[], worker: WorkerInProcess) {
    const settled: { results?: LinkResult[] } = {}
    const promise = undoInWorker({ settings, platform: host.name, entries }, entries, worker.start)
    void promise.then((results) => (settled.results = results))
    return { settled, promise }
  }

  afterEach(() => void jest.useRealTimers())

  it('undoes each link on the disk and answers in order; done at once, with no timer left running', async () => {
    jest.useFakeTimers()
    const { undo: entries } = made('a -> data/x\nb -> data/x')
    const worker = new WorkerInProcess(true)
    const { settled } = undoing(entries, worker)
    await jest.advanceTimersByTimeAsync(0)
    expect(settled.results?.map((r) => [r.path, r.status])).toEqual([
      [path.join(ws, 'a'), 'removed'],
      [path.join(ws, 'b'), 'removed']
    ])
    expect(fs.readdirSync(ws)).toEqual(['data'])
    expect(jest.getTimerCount()).toBe(0)
    expect(worker.kill).toHaveBeenCalled()
  })

  it('gives each link the whole timeout from the answer before it, and fails the next at exactly the timeout', async () => {
    jest.useFakeTimers()
    const { undo: entries } = made('a -> data/x\nb -> data/x\nc -> data/x')
    const worker = new WorkerInProcess(false)
    const { settled } = undoing(entries, worker)
    await jest.advanceTimersByTimeAsync(999)
    worker.answer(removed)
    await jest.advanceTimersByTimeAsync(999) // 1998 ms since the start: a timer not re-armed would have fired
    worker.answer(removed)
    await jest.advanceTimersByTimeAsync(999)
    expect(settled.results).toBeUndefined()
    await jest.advanceTimersByTimeAsync(1)
    expect(settled.results?.map((r) => [r.status, r.code, r.errno])).toEqual([
      ['removed', undefined, undefined],
      ['removed', undefined, undefined],
      ['failed', 'ETIMEDOUT', os.constants.errno.ETIMEDOUT]
    ])
    // Which link, and the timeout it was given: what the annotation says.
    expect(settled.results?.[2]).toMatchObject({ path: path.join(ws, 'c'), syscall: 'none' })
    expect(settled.results?.[2].message).toMatch(new RegExp(`timeout \\(1 s\\): ${path.join(ws, 'c')} was not undone`))
    expect(worker.kill).toHaveBeenCalledWith('SIGKILL')
    expect(jest.getTimerCount()).toBe(0)
  })

  it('fails the link it waits for at the timeout and skips the rest, left undone on the disk', async () => {
    jest.useFakeTimers()
    const { undo: entries } = made('a -> data/x\nb -> data/x')
    const { settled } = undoing(entries, new WorkerInProcess(false))
    await jest.advanceTimersByTimeAsync(999)
    expect(settled.results).toBeUndefined()
    await jest.advanceTimersByTimeAsync(1)
    expect(settled.results?.map((r) => [r.status, r.code, r.errno, r.syscall])).toEqual([
      ['failed', 'ETIMEDOUT', os.constants.errno.ETIMEDOUT, 'none'],
      ['skipped', 'ECANCELED', os.constants.errno.ECANCELED, '']
    ])
    for (const r of settled.results!) expect(r).toMatchObject({ warnings: [], hint: '', text: 'data/x' })
    expect(settled.results?.[1].message).toMatch(/^Not attempted: .*timeout \(1 s\)/)
    expect(fs.readdirSync(ws).sort()).toEqual(['a', 'b', 'data'])
  })

  it.each([
    ['ends early', (w: WorkerInProcess) => w.emit('exit', null, 'SIGSEGV'), 'ended early (SIGSEGV)'],
    ['cannot be started', (w: WorkerInProcess) => w.emit('error', new Error('spawn EAGAIN')), 'failed (spawn EAGAIN)']
  ])('where the worker %s: the link it was on fails, saying how, the rest are skipped', async (_, end, how) => {
    jest.useFakeTimers()
    const { undo: entries } = made('a -> data/x\nb -> data/x\nc -> data/x')
    const worker = new WorkerInProcess(false)
    const { settled } = undoing(entries, worker)
    worker.answer(removed)
    end(worker)
    await jest.advanceTimersByTimeAsync(0)
    expect(settled.results?.map((r) => [r.status, r.code])).toEqual([
      ['removed', undefined],
      ['failed', 'UNKNOWN'],
      ['skipped', 'ECANCELED']
    ])
    expect(settled.results?.[1].message).toContain(`${how}: ${path.join(ws, 'b')} was not undone`)
    expect(jest.getTimerCount()).toBe(0)
  })
})

describePosix("the post worker's own side (runPostWorker), through a stand-in for its IPC channel", () => {
  it('undoes the links it is sent, answering each, and exits once every answer is delivered', async () => {
    const { undo: entries } = made('a -> data/x\nb -> data/x')
    const port = new EventEmitter()
    const sent: LinkResult[] = []
    let delivered = 0
    let exited: (code: number) => void = () => undefined
    const exit = new Promise<[number, number]>((resolve) => (exited = (code) => resolve([code, delivered])))
    const send = jest.fn((result: LinkResult, whenSent: () => void) => {
      sent.push(result)
      setImmediate(() => (delivered++, whenSent()))
      return true
    })
    runPostWorker(Object.assign(port, { send, exit: exited }) as unknown as Parameters<typeof runPostWorker>[0])
    port.emit('message', { platform: host.name, entries })
    expect(await exit).toEqual([0, 2]) // gone only once every answer is delivered
    expect(sent.map((r) => [r.path, r.status])).toEqual([
      [path.join(ws, 'a'), 'removed'],
      [path.join(ws, 'b'), 'removed']
    ])
    expect(fs.readdirSync(ws)).toEqual(['data'])
  })
})

describePosix('the post step, links on shares and here together (post.ts, runPost)', () => {
  const settings = { workingDirectory: '', timeoutMs: 1000, summary: false } as Settings
  const stateOf = (): Record<string, string> =>
    Object.fromEntries(core.saveState.mock.calls.map(([name, value]) => [`STATE_${name}`, String(value)]))

  afterEach(() => {
    for (const name of Object.keys(process.env)) if (name.startsWith('STATE_')) delete process.env[name]
    delete process.env.RUNNER_TEMP
  })

  /** The post step after the main step made `spec`, with the links `onShare` names on a share; its results. */
  async function postOf(
    spec: string,
    onShare: (p: string) => boolean,
    worker = new WorkerInProcess(true),
    more: Partial<Settings> = {}
  ) {
    process.env.RUNNER_TEMP = tmp
    const { undo: entries } = made(spec)
    saveUndo(entries, { ...settings, workingDirectory: ws, ...more }, onShare)
    Object.assign(process.env, stateOf())
    const start = jest.fn(worker.start)
    await runPost(start)
    const [, file] = core.setOutput.mock.calls.find(([name]) => name === 'results-file')!
    return { start, worker, results: JSON.parse(fs.readFileSync(String(file), 'utf8')) as LinkResult[] }
  }

  it('undoes the links on a share in the worker, the others here, last made first: their directories go too', async () => {
    const onShare = (p: string) => p.startsWith(path.join(ws, 'share'))
    const spec = 'share/a/l -> data/x\nshare/a/m -> data/x\nhere/b/l -> data/x\nhere/b/m -> data/x'
    const { start, worker, results } = await postOf(spec, onShare)
    expect(start).toHaveBeenCalledTimes(1)
    expect(worker.work?.entries.map((e) => path.relative(ws, e.path))).toEqual(['share/a/m', 'share/a/l'])
    for (const r of results) expect(r).toMatchObject({ text: '../../data/x', code: '', errno: null, syscall: '' })
    expect(results.map((r) => [path.relative(ws, r.path), r.status])).toEqual([
      ['share/a/l', 'removed'],
      ['share/a/m', 'removed'],
      ['here/b/l', 'removed'],
      ['here/b/m', 'removed']
    ])
    expect(fs.readdirSync(ws)).toEqual(['data'])
    expect(core.setFailed).not.toHaveBeenCalled()
  })

  it('annotates a link it could not undo at its line in the spec file, named from the working directory', async () => {
    const worker = new WorkerInProcess(false)
    worker.send = (work) => (setImmediate(() => worker.emit('exit', 1, null)), Boolean(work))
    const specFile = path.join(ws, 'links.txt')
    const { results } = await postOf('l -> data/x\nm -> data/x', (p) => p.endsWith('m'), worker, { specFile })
    expect(results.map((r) => [r.status, r.code])).toEqual([
      ['removed', ''],
      ['failed', 'UNKNOWN']
    ])
    expect(core.error).toHaveBeenCalledWith(
      expect.any(String),
      expect.objectContaining({ file: 'links.txt', startLine: 2 })
    )
    expect(core.setFailed).toHaveBeenCalledTimes(1)
  })

  it('starts no worker where no link is on a share', async () => {
    const { start, results } = await postOf('l -> data/x', () => false)
    expect(start).not.toHaveBeenCalled()
    expect(results.map((r) => r.status)).toEqual(['removed'])
  })
})
