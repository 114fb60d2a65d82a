// `state: absent` through plan and apply: what may go, what is kept and why, on real directories, on an sshfs mount
// as the plan sees it, and on Windows (junctions) through the platform seam (helpers/memfs.ts).
import * as fs from 'node:fs'
import * as path from 'node:path'
import { applyLink } from '../src/apply/index.js'
import { nodeFs, type FsOps } from '../src/fsops.js'
import type { FilesystemInfo, LinkOptions } from '../src/model.js'
import { planAll } from '../src/plan/index.js'
import { platformFor } from '../src/platform.js'
import { judgeRemoval } from '../src/remove.js'
import { parseSpec, resolveEntries } from '../src/spec/index.js'
import { describePosix } from './helpers/action.js'
import { memoryFs, type Layout } from './helpers/memfs.js'
import {
  context,
  dataWorkspace,
  DEFAULTS,
  followingSymlinks,
  racing,
  requests,
  type ContextOverrides
} from './helpers/stage.js'

const ABSENT: Partial<LinkOptions> = { state: 'absent' }

let ws: string
beforeEach(() => {
  ws = dataWorkspace()
})
afterEach(() => fs.rmSync(ws, { recursive: true, force: true }))

function run(spec: string, overrides: ContextOverrides = {}, filesystem?: FilesystemInfo) {
  const ctx = context(ws, overrides, filesystem)
  return planAll(requests(spec, ws, ABSENT), ctx).map((plan) => applyLink(plan, ctx))
}

describe('spec entries that remove', () => {
  it('take PATH alone under the input state: absent, and TARGET optional in YAML', () => {
    const lines = parseSpec('gone\nl -> data/x', { ...DEFAULTS, state: 'absent' })
    expect(lines.problems).toEqual([])
    expect(lines.entries.map((e) => [e.path, e.target, e.options.state])).toEqual([
      ['gone', '', 'absent'],
      ['l', 'data/x', 'absent']
    ])
    const yaml = parseSpec('- {path: a, state: absent}\n- {path: b, target: x}', DEFAULTS)
    expect(yaml.entries.map((e) => [e.path, e.target, e.options.state])).toEqual([
      ['a', '', 'absent'],
      ['b', 'x', undefined]
    ])
    const resolved = resolveEntries(yaml.entries, '/ws', true, platformFor('linux'))
    expect(resolved.requests[0].absTarget).toBe('')
  })

  it('still need TARGET when present, and a known state', () => {
    expect(parseSpec('alone', DEFAULTS).problems).toHaveLength(1)
    expect(parseSpec('- {path: a}', DEFAULTS).problems).toEqual([{ line: 1, message: "missing 'target'" }])
    expect(parseSpec('- {path: a, state: gone}', DEFAULTS).problems[0].message).toMatch(
      /'state' must be one of present, absent/
    )
  })
})

describePosix('state: absent on real directories', () => {
  it('removes a symlink (any, or the one leading to TARGET) and keeps one leading elsewhere', () => {
    for (const name of ['any', 'mine', 'other'])
      fs.symlinkSync(name === 'other' ? 'data/dir' : 'data/x', path.join(ws, name))
    const results = run('any\nmine -> data/x\nother -> data/x')
    expect(results.map((r) => [r.status, r.kind, r.code])).toEqual([
      ['removed', 'symlink', ''],
      ['removed', 'symlink', ''],
      ['failed', 'symlink', 'OTHER_TARGET']
    ])
    expect(results[0].text).toBe('data/x')
    expect(fs.readdirSync(ws).sort()).toEqual(['data', 'other'])
    expect(fs.readFileSync(path.join(ws, 'data/x'), 'utf8')).toBe('x')
  })

  it('recognises a relative link text written from a symlinked parent', () => {
    fs.mkdirSync(path.join(ws, 'deep/er'), { recursive: true })
    fs.symlinkSync('deep/er', path.join(ws, 'short'))
    fs.symlinkSync('../../data/x', path.join(ws, 'short/l'))
    expect(run('short/l -> data/x')[0].status).toBe('removed')
  })

  it('removes a hard link only with TARGET given and the same inode; keeps files and directories saying why', () => {
    fs.linkSync(path.join(ws, 'data/x'), path.join(ws, 'hard'))
    fs.linkSync(path.join(ws, 'data/x'), path.join(ws, 'hard2'))
    fs.writeFileSync(path.join(ws, 'copy'), 'x')
    fs.mkdirSync(path.join(ws, 'dir'))
    const results = run('hard -> data/x\nhard2\ncopy -> data/x\ndir\nnothing -> data/x')
    expect(results.map((r) => [r.status, r.code])).toEqual([
      ['removed', ''],
      ['failed', 'NOT_A_LINK'],
      ['failed', 'OTHER_TARGET'],
      ['failed', 'NOT_A_LINK'],
      ['unchanged', '']
    ])
    expect(results[1].message).toMatch(/file with 3 names.*Kept/)
    expect(results[3].message).toMatch(/is a directory, not a link/)
    expect(results[1].hint).toMatch(/Give TARGET/)
    expect(fs.readdirSync(ws).sort()).toEqual(['copy', 'data', 'dir', 'hard2'])
  })

  it('keeps a file whose TARGET leads to it through a symlinked parent: its only name, not a hard link', () => {
    fs.mkdirSync(path.join(ws, 'out'))
    fs.writeFileSync(path.join(ws, 'out/f'), 'only copy')
    fs.symlinkSync('out', path.join(ws, 'alias'))
    const [r] = run('out/f -> alias/f')
    expect(r).toMatchObject({ status: 'failed', code: 'NOT_A_LINK' })
    expect(fs.readFileSync(path.join(ws, 'out/f'), 'utf8')).toBe('only copy')
  })

  it('keeps a file with the inode number of TARGET on another device: no hard link crosses filesystems', () => {
    const real = fs.statSync(path.join(ws, 'data/x'))
    const file = (dev: number, ino: number) =>
      Object.assign(Object.create(Object.getPrototypeOf(real) as object) as fs.Stats, real, { dev, ino, nlink: 2 })
    const facts = { path: '/ws/f', target: '/mnt/t', leadsToTarget: false, hidesInodes: false }
    const other = judgeRemoval({ ...facts, at: file(1, 42), targetStats: file(2, 42) })
    expect(other).toMatchObject({ action: 'fail', code: 'OTHER_TARGET' })
    const same = judgeRemoval({ ...facts, at: file(1, 42), targetStats: file(1, 42) })
    expect(same).toEqual({ action: 'remove', kind: 'hardlink' })
    // A file with one name, whose number TARGET's file on another device has: another file, not PATH's only name.
    const lone = (dev: number) => Object.assign(file(dev, 42), { nlink: 1 })
    const elsewhere = judgeRemoval({ ...facts, at: lone(1), targetStats: lone(2) })
    expect(elsewhere).toMatchObject({ action: 'fail', code: 'OTHER_TARGET' })
    expect(judgeRemoval({ ...facts, at: lone(1), targetStats: lone(1) })).toMatchObject({ code: 'NOT_A_LINK' })
  })

  it('keeps a file whose TARGET does not exist: no hard link of nothing', () => {
    fs.writeFileSync(path.join(ws, 'f'), 'mine')
    const [r] = run('f -> data/gone')
    expect(r).toMatchObject({ status: 'failed', code: 'OTHER_TARGET' })
    expect(r.message).toContain(path.join(ws, 'data/gone'))
    expect(fs.readFileSync(path.join(ws, 'f'), 'utf8')).toBe('mine')
  })

  it('says what it keeps: what is at PATH, named, with TARGET where given, and the way to remove it', () => {
    const at = (name: string) => path.join(ws, name)
    fs.symlinkSync('data/dir', at('other'))
    fs.mkdirSync(at('dir'))
    fs.writeFileSync(at('lone'), 'mine')
    fs.linkSync(at('data/x'), at('named'))
    fs.writeFileSync(at('copy'), 'x')
    fs.writeFileSync(at('f'), 'mine')
    fs.mkdirSync(at('out'))
    fs.writeFileSync(at('out/f'), 'only copy')
    fs.symlinkSync('out', at('alias'))
    const spec = 'other -> data/x\ndir\nlone\nnamed\ncopy -> data/x\nout/f -> alias/f\nf -> data/gone'
    const results = run(spec)
    expect(results.map((r) => r.code)).toEqual([
      'OTHER_TARGET',
      'NOT_A_LINK',
      'NOT_A_LINK',
      'NOT_A_LINK',
      'OTHER_TARGET',
      'NOT_A_LINK',
      'OTHER_TARGET'
    ])
    for (const r of results) {
      expect(r.message).toContain(r.path)
      expect(r.hint).not.toBe('')
    }
    for (const [i, target] of [
      [0, 'data/x'],
      [4, 'data/x'],
      [5, 'alias/f'],
      [6, 'data/gone']
    ] as const)
      expect(results[i].message).toContain(at(target))
    // What is there: a lone file is no hard link; one with two names says how many.
    expect(results[2].message).toMatch(/regular file/)
    expect(results[2].message).not.toMatch(/names/)
    expect(results[3].message).toMatch(/2 names/)
    expect(fs.readdirSync(ws).sort()).toEqual(['alias', 'copy', 'data', 'dir', 'f', 'lone', 'named', 'other', 'out'])
  })

  it('keeps a look-alike of TARGET on sshfs, where inodes prove nothing, saying why', () => {
    const sshfs = { type: 'fuse.sshfs', mountPoint: ws, source: 'u@h:/', options: ['rw'] }
    fs.copyFileSync(path.join(ws, 'data/x'), path.join(ws, 'lookalike'))
    const [result] = run('lookalike -> data/x', {}, sshfs)
    expect(result).toMatchObject({ status: 'failed', code: 'UNVERIFIABLE', filesystem: 'fuse.sshfs' })
    expect(result.message).toMatch(/own inode/)
    expect(result.message).toContain(path.join(ws, 'data/x'))
    expect(result.hint).not.toBe('')
    expect(fs.existsSync(path.join(ws, 'lookalike'))).toBe(true)
  })

  it('renames what it removes to PATH+suffix with backup-suffix, never over an earlier backup', () => {
    fs.symlinkSync('data/x', path.join(ws, 'l'))
    fs.writeFileSync(path.join(ws, 'l.bak'), 'earlier')
    expect(run('l', { backupSuffix: '.bak' })[0].status).toBe('removed')
    expect(fs.readlinkSync(path.join(ws, 'l.~1~'))).toBe('data/x')
    expect(fs.readFileSync(path.join(ws, 'l.bak'), 'utf8')).toBe('earlier')
    expect(fs.existsSync(path.join(ws, 'l'))).toBe(false)
  })

  it('moves the link past a PATH+suffix another process makes between the look and the move, which stays', () => {
    fs.symlinkSync('data/x', path.join(ws, 'l'))
    const ops = racing(
      nodeFs,
      (p) => p === path.join(ws, 'l.bak'),
      (p) => fs.writeFileSync(p, 'theirs')
    )
    expect(run('l', { backupSuffix: '.bak', ops })[0].status).toBe('removed')
    expect(fs.readFileSync(path.join(ws, 'l.bak'), 'utf8')).toBe('theirs')
    expect(fs.readlinkSync(path.join(ws, 'l.~1~'))).toBe('data/x')
    expect(fs.readdirSync(ws).sort()).toEqual(['data', 'l.bak', 'l.~1~'])
  })

  it('moves a dangling link to PATH+suffix on sshfs -o follow_symlinks, leaving no stray link there', () => {
    fs.symlinkSync('nowhere', path.join(ws, 'l'))
    const ops = followingSymlinks(nodeFs, path.join(ws, 'l'))
    expect(run('l', { backupSuffix: '.bak', ops })[0].status).toBe('removed')
    expect(fs.readlinkSync(path.join(ws, 'l.bak'))).toBe('nowhere')
    expect(fs.readdirSync(ws).sort()).toEqual(['data', 'l.bak'])
  })

  it('moves a hard link to its backup as the same file, past a directory that holds PATH+suffix', () => {
    fs.linkSync(path.join(ws, 'data/x'), path.join(ws, 'h'))
    fs.mkdirSync(path.join(ws, 'h.bak'))
    expect(run('h -> data/x', { backupSuffix: '.bak' })[0].status).toBe('removed')
    expect(fs.statSync(path.join(ws, 'h.~1~')).ino).toBe(fs.statSync(path.join(ws, 'data/x')).ino)
    expect(fs.readdirSync(path.join(ws, 'h.bak'))).toEqual([])
    expect(fs.existsSync(path.join(ws, 'h'))).toBe(false)
  })

  it('removes nothing where a parent was swapped between planning and unlinking (issue 23)', () => {
    const outside = fs.mkdtempSync(path.join(path.dirname(ws), 'ln-action-outside-'))
    try {
      fs.mkdirSync(path.join(ws, 'sub'))
      fs.symlinkSync('../data/x', path.join(ws, 'sub/l'))
      fs.symlinkSync('../data/x', path.join(outside, 'l'))
      const ctx = context(ws)
      const plans = planAll(requests('sub/l', ws, ABSENT), ctx)
      expect(plans[0].action).toBe('remove')
      fs.renameSync(path.join(ws, 'sub'), path.join(ws, 'sub-was'))
      fs.symlinkSync(outside, path.join(ws, 'sub'))
      const [result] = plans.map((plan) => applyLink(plan, ctx))
      expect(result).toMatchObject({ status: 'failed', code: 'PARENT_CHANGED' })
      expect(result.message).toContain(`now leads to ${outside}`)
      expect(fs.readlinkSync(path.join(outside, 'l'))).toBe('../data/x')
      expect(fs.readlinkSync(path.join(ws, 'sub-was/l'))).toBe('../data/x')
    } finally {
      fs.rmSync(outside, { recursive: true, force: true })
    }
  })

  it("on a share, where a directory's inode number may change, goes by the parent's real path alone", () => {
    // FUSE numbers a node anew once the kernel forgot it (measured on sshfs, exFAT, FAT): a new inode at the same
    // real path is what such a share shows for the very same directory.
    const sshfs = { type: 'fuse.sshfs', mountPoint: ws, source: 'u@h:/', options: ['rw'] }
    fs.mkdirSync(path.join(ws, 'sub'))
    fs.symlinkSync('../data/x', path.join(ws, 'sub/l'))
    const ctx = context(ws, {}, sshfs)
    const plans = planAll(requests('sub/l', ws, ABSENT), ctx)
    fs.renameSync(path.join(ws, 'sub'), path.join(ws, 'sub-was'))
    fs.mkdirSync(path.join(ws, 'sub'))
    fs.symlinkSync('../data/x', path.join(ws, 'sub/l'))
    expect(plans.map((plan) => applyLink(plan, ctx))[0]).toMatchObject({ status: 'removed' })
    expect(fs.readdirSync(path.join(ws, 'sub'))).toEqual([])
  })

  it('says why removal failed where unlink is refused', () => {
    fs.symlinkSync('data/x', path.join(ws, 'l'))
    const ops = {
      ...context(ws).ops,
      unlink: () => {
        throw Object.assign(new Error('EACCES'), { code: 'EACCES', errno: -13, syscall: 'unlink' })
      }
    }
    const [result] = run('l', { ops })
    expect(result).toMatchObject({ status: 'failed', code: 'EACCES', syscall: 'unlink' })
    expect(result.message).toContain('remove the link')
  })
})

describe('state: absent on Windows (platform seam)', () => {
  const win32 = platformFor('win32')
  const WS = 'C:\\ws'
  const NTFS: FilesystemInfo = { type: 'NTFS', mountPoint: 'C:\\', source: '', options: ['fixed'] }

  function runWindows(spec: string, layout: Layout, backupSuffix = '', raced = (ops: FsOps) => ops) {
    const mem = memoryFs(win32, { [WS]: 'dir', 'C:\\ws\\data\\dir': 'dir', 'C:\\ws\\other': 'dir', ...layout })
    const ctx = context(WS, {
      platform: win32,
      ops: raced(mem.ops),
      realWorkingDirectory: WS,
      detector: { forPath: () => NTFS },
      backupSuffix
    })
    const results = planAll(requests(spec, WS, ABSENT, win32), ctx).map((plan) => applyLink(plan, ctx))
    return { mem, results }
  }

  it('removes a junction read back with the \\\\?\\ prefix and a trailing backslash, and keeps one to another directory', () => {
    const { mem, results } = runWindows('j -> data/dir\nk -> data/dir', {
      'C:\\ws\\j': { link: '\\\\?\\C:\\ws\\data\\dir\\', type: 'junction' },
      'C:\\ws\\k': { link: 'C:\\ws\\other', type: 'junction' }
    })
    expect(results.map((r) => [r.status, r.code])).toEqual([
      ['removed', ''],
      ['failed', 'OTHER_TARGET']
    ])
    expect(mem.changes).toEqual(['unlink C:\\ws\\j'])
    expect(mem.at('C:\\ws\\data\\dir')?.kind).toBe('dir')
  })

  it('keeps a junction as its backup by renaming it, once refused over the placeholder file that held the name', () => {
    const { mem, results } = runWindows('J', { 'C:\\ws\\j': { link: 'C:\\ws\\data\\dir', type: 'junction' } }, '.old')
    expect(results[0].status).toBe('removed')
    // MoveFileExW puts a junction over no file (EPERM): the placeholder goes, and the rename alone cannot replace.
    expect(mem.changes).toEqual(['writeFile C:\\ws\\J.old', 'unlink C:\\ws\\J.old', 'rename C:\\ws\\J C:\\ws\\J.old'])
    expect(mem.at('C:\\ws\\j.old')).toMatchObject({ kind: 'link', type: 'junction' })
  })

  it('moves a file link past a PATH+suffix another process makes between the look and the move, which stays', () => {
    const theirs = (ops: FsOps) =>
      racing(
        ops,
        (p) => p === 'C:\\ws\\l.old',
        (p) => ops.writeFile(p, 'theirs')
      )
    const layout: Layout = { 'C:\\ws\\l': { link: 'C:\\ws\\data\\x', type: 'file' }, 'C:\\ws\\data\\x': 'file' }
    const { mem, results } = runWindows('l', layout, '.old', theirs)
    expect(results[0].status).toBe('removed')
    expect(mem.at('C:\\ws\\l.old')).toMatchObject({ kind: 'file', inode: { data: 'theirs' } })
    expect(mem.at('C:\\ws\\l.~1~')).toMatchObject({ kind: 'link', text: 'C:\\ws\\data\\x', type: 'file' })
  })
})
