// Plan stage on real directories: what is on disk decides create, replace, unchanged or fail; nothing is written.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { nodeFs, type FsOps } from '../src/fsops.js'
import { planAll, planLink } from '../src/plan/index.js'
import {
  context,
  dataWorkspace,
  errnoError,
  failing,
  requests,
  tempDir,
  type ContextOverrides
} from './helpers/stage.js'
import { snapshot } from './helpers/action.js'
import { describePosix } from './helpers/action.js'
import { memoryFs } from './helpers/memfs.js'
import { platformFor } from '../src/platform.js'

let ws: string
beforeEach(() => {
  ws = dataWorkspace()
})
afterEach(() => fs.rmSync(ws, { recursive: true, force: true }))

const plan = (spec: string, ctxOverrides: ContextOverrides = {}, defaults = {}) => {
  const [request] = requests(spec, ws, defaults)
  return planLink(request, context(ws, ctxOverrides))
}

describePosix('link text', () => {
  it.each([
    ['sub/l -> data/x', 'auto', '../data/x'],
    ['l -> data/x', 'auto', 'data/x'],
    ['a/b/c -> data', 'auto', '../../data'],
    ['sub/l -> data/x', 'false', 'ABS/data/x'],
    ['l -> ABS/data/x', 'auto', 'ABS/data/x'],
    ['sub/l -> ABS/data/x', 'true', '../data/x'],
    ['data/dir/self-parent -> data/dir', 'auto', '.']
  ])('%s with relative: %s is stored as %s', (spec, relative, text) => {
    const p = plan(spec.replace('ABS', ws), {}, { relative })
    expect(p.text).toBe(text.replace('ABS', ws))
  })

  it('is computed from the real parent when the parent is a symlink, like ln -r', () => {
    fs.mkdirSync(path.join(ws, 'deep/er'), { recursive: true })
    fs.symlinkSync('deep/er', path.join(ws, 'short'))
    const p = plan('short/l -> data/x')
    expect(p.text).toBe('../../data/x')
    fs.symlinkSync(p.text, path.join(ws, 'short/l'))
    expect(fs.readFileSync(path.join(ws, 'short/l'), 'utf8')).toBe('x')
  })
})

describePosix('what is at PATH', () => {
  it('nothing: create, with the missing parents listed outermost first', () => {
    const p = plan('a/b/l -> data/x')
    expect(p.action).toBe('create')
    expect(p.missingParents).toEqual([path.join(ws, 'a'), path.join(ws, 'a/b')])
  })

  it('the same link: unchanged; another link: fail under overwrite never, replace under links', () => {
    fs.symlinkSync('data/x', path.join(ws, 'same'))
    fs.symlinkSync('data/dir', path.join(ws, 'other'))
    expect(plan('same -> data/x').action).toBe('unchanged')
    expect(plan('other -> data/x')).toMatchObject({ action: 'fail', existing: 'link', failure: { code: 'EEXIST' } })
    expect(plan('other -> data/x', {}, { overwrite: 'links' }).action).toBe('replace')
  })

  it('a file: replaced only under overwrite files; a second hard link counts as a link', () => {
    fs.writeFileSync(path.join(ws, 'file'), 'mine')
    expect(plan('file -> data/x', {}, { overwrite: 'links' })).toMatchObject({ action: 'fail', existing: 'file' })
    expect(plan('file -> data/x', {}, { overwrite: 'files' }).action).toBe('replace')
    fs.linkSync(path.join(ws, 'file'), path.join(ws, 'file2'))
    expect(plan('file -> data/x', {}, { overwrite: 'links' })).toMatchObject({ action: 'replace', existing: 'link' })
  })

  it('a directory: always fail, even under overwrite files', () => {
    fs.mkdirSync(path.join(ws, 'd'))
    expect(plan('d -> data/x', {}, { overwrite: 'files' })).toMatchObject({
      action: 'fail',
      existing: 'dir',
      failure: { code: 'EEXIST' }
    })
  })

  describe('overwrite: copies replaces a file only when it holds the bytes the link leads to', () => {
    const copies = { overwrite: 'copies' }
    // A dry run's plan is all there is, so it reads the copies; a run's plan leaves that to apply, right before the swap.
    const predicting = { dryRun: true }
    const atPath = (content: string): void => fs.writeFileSync(path.join(ws, 'c'), content)
    beforeEach(() => fs.writeFileSync(path.join(ws, 'data/x'), 'the content'))

    it.each([
      ['symlink', {}],
      ['hard link', { type: 'hardlink' }]
    ])('an identical copy is replaced by the %s', (_, type) => {
      atPath('the content')
      expect(plan('c -> data/x', predicting, { ...copies, ...type })).toMatchObject({
        action: 'replace',
        existing: 'file'
      })
    })

    it.each([
      ['edited since (one byte, same size)', 'the contenT', /content differs/],
      ['truncated', 'the cont', /holds 8 bytes and \S+ 11/],
      ['longer', 'the content!', /holds 12 bytes/]
    ])('a file %s is kept with code NOTCOPY', (_, content, why) => {
      atPath(content)
      const p = plan('c -> data/x', predicting, copies)
      expect(p).toMatchObject({ action: 'fail', existing: 'file', failure: { code: 'NOTCOPY' } })
      expect(p.said?.message).toMatch(why)
    })

    it('a plan that is to be applied reads no content: a file of the right size is left for apply to prove', () => {
      atPath('the contenT')
      const unread = failing({ sameBytes: 'EIO' })
      expect(plan('c -> data/x', { ops: unread }, copies)).toMatchObject({ action: 'replace', copyAtPath: true })
      expect(plan('c -> data/x', { ops: unread, dryRun: true }, copies).failure?.code).toBe('NOTCOPY')
      atPath('the cont')
      expect(plan('c -> data/x', {}, copies).failure?.code).toBe('NOTCOPY') // a size tells without a read
    })

    it('a file whose TARGET is missing or a directory is kept', () => {
      atPath('the content')
      expect(plan('c -> data/gone', predicting, copies).said?.message).toMatch(/TARGET does not exist/)
      expect(plan('c -> data/dir', predicting, copies).failure?.code).toBe('NOTCOPY')
    })

    it('a directory unlike TARGET is kept, a second name of another file too; a link is replaced as under links', () => {
      fs.mkdirSync(path.join(ws, 'd'))
      expect(plan('d -> data/dir', predicting, copies)).toMatchObject({ action: 'replace', existing: 'dir' })
      expect(plan('d -> data/x', predicting, copies).said?.message).toMatch(/is a directory and \S+ is not/)
      fs.writeFileSync(path.join(ws, 'd/more'), '')
      expect(plan('d -> data/dir', predicting, copies)).toMatchObject({ action: 'fail', failure: { code: 'NOTCOPY' } })
      // A loop of links in both trees is followed until it cannot be: kept, never taken for a copy.
      fs.rmSync(path.join(ws, 'd/more'))
      fs.symlinkSync('.', path.join(ws, 'd/loop'))
      fs.symlinkSync('.', path.join(ws, 'data/dir/loop'))
      expect(plan('d -> data/dir', predicting, copies)).toMatchObject({ action: 'fail', failure: { code: 'NOTCOPY' } })
      atPath('other bytes')
      fs.linkSync(path.join(ws, 'c'), path.join(ws, 'c2'))
      expect(plan('c -> data/x', predicting, copies)).toMatchObject({ action: 'fail', failure: { code: 'NOTCOPY' } })
      fs.symlinkSync('data/dir', path.join(ws, 'other'))
      expect(plan('other -> data/x', predicting, copies).action).toBe('replace')
    })
  })

  it('a hard link to the target is unchanged for type hardlink, or when hardlink is a fallback', () => {
    fs.linkSync(path.join(ws, 'data/x'), path.join(ws, 'h'))
    expect(plan('h -> data/x', {}, { type: 'hardlink' })).toMatchObject({ action: 'unchanged', kinds: ['hardlink'] })
    expect(plan('h -> data/x', {}, { fallback: ['hardlink'] })).toMatchObject({
      action: 'unchanged',
      kinds: ['hardlink']
    })
  })

  it('a copy with the same size and time is unchanged when copy is in the fallback list; an edited one is not', () => {
    fs.cpSync(path.join(ws, 'data'), path.join(ws, 'copied'), { recursive: true, preserveTimestamps: true })
    expect(plan('copied -> data', {}, { fallback: ['copy'] })).toMatchObject({ action: 'unchanged', kinds: ['copy'] })
    fs.writeFileSync(path.join(ws, 'copied/x'), 'edited, longer')
    expect(plan('copied -> data', {}, { fallback: ['copy'] }).action).toBe('fail')
  })
})

describePosix('a copy made by fallback: copy is recognised only when the whole tree still matches', () => {
  const copyOf = (): string => {
    fs.writeFileSync(path.join(ws, 'data/dir/a'), 'aaa')
    fs.writeFileSync(path.join(ws, 'data/dir/b'), 'bbb')
    fs.cpSync(path.join(ws, 'data'), path.join(ws, 'copied'), { recursive: true, preserveTimestamps: true })
    return path.join(ws, 'copied')
  }
  const planned = () => plan('copied -> data', {}, { fallback: ['copy'] })

  it('an untouched copy is unchanged', () => {
    copyOf()
    expect(planned()).toMatchObject({ action: 'unchanged', kinds: ['copy'] })
  })

  it.each([
    ['one file of two edited', (c: string) => fs.writeFileSync(path.join(c, 'dir/a'), 'longer')],
    ['a file with the same size but another time', (c: string) => fs.utimesSync(path.join(c, 'dir/b'), 1e6, 1e6)],
    ['an extra file', (c: string) => fs.writeFileSync(path.join(c, 'dir/extra'), '')],
    ['a file renamed (as many names, one missing)', (c: string) => fs.renameSync(path.join(c, 'x'), path.join(c, 'y'))],
    [
      'a file turned into a directory',
      (c: string) => {
        fs.rmSync(path.join(c, 'x'))
        fs.mkdirSync(path.join(c, 'x'))
      }
    ],
    [
      'a file turned into a symlink',
      (c: string) => {
        fs.rmSync(path.join(c, 'x'))
        fs.symlinkSync('dir/a', path.join(c, 'x'))
      }
    ]
  ])('%s: not the copy, so a directory in the way (EEXIST)', (_, change) => {
    change(copyOf())
    expect(planned()).toMatchObject({ action: 'fail', existing: 'dir', failure: { code: 'EEXIST' } })
  })
})

describePosix('hard links and what sshfs shows of them', () => {
  /** The real filesystem, except that stat(TARGET) reports another device (same inode number). */
  const otherDevice = (target: string) => ({
    ops: {
      ...nodeFs,
      stat: (p: string) => {
        const stats = nodeFs.stat(p)
        return p === target && stats
          ? Object.assign(Object.create(Object.getPrototypeOf(stats)), stats, { dev: stats.dev + 1 })
          : stats
      }
    }
  })

  it('the same inode number on another device is not the same file', () => {
    fs.linkSync(path.join(ws, 'data/x'), path.join(ws, 'h'))
    const p = plan('h -> data/x', otherDevice(path.join(ws, 'data/x')), { type: 'hardlink' })
    expect(p).toMatchObject({ action: 'fail', failure: { code: 'EEXIST' } })
  })

  const SSHFS = { type: 'fuse.sshfs', mountPoint: '/', source: 'u@h:/', options: ['rw'] }
  const onSshfs = (options: string[] = []) => ({
    detector: { forPath: () => ({ ...SSHFS, options: ['rw', ...options] }) }
  })
  /** A separate file that looks like data/x in everything sshfs shows: size, time, mode. */
  const lookAlike = (name: string): string => {
    const at = path.join(ws, name)
    fs.copyFileSync(path.join(ws, 'data/x'), at)
    const { mtime } = fs.statSync(path.join(ws, 'data/x'))
    fs.utimesSync(at, mtime, mtime)
    return at
  }

  it('on sshfs, a file with TARGET’s size, time and mode is taken as the hard link, with a warning', () => {
    lookAlike('h')
    const p = plan('h -> data/x', onSshfs(), { type: 'hardlink' })
    expect(p).toMatchObject({ action: 'unchanged', kinds: ['hardlink'] })
    expect(p.warnings.join(' ')).toMatch(/cannot be verified/)
  })

  it('on sshfs, another mode or time is another file; elsewhere even a perfect look-alike is', () => {
    fs.chmodSync(lookAlike('mode'), 0o600)
    expect(plan('mode -> data/x', onSshfs(), { type: 'hardlink' }).action).toBe('fail')
    fs.utimesSync(lookAlike('time'), 1e6, 1e6)
    expect(plan('time -> data/x', onSshfs(), { type: 'hardlink' }).action).toBe('fail')
    lookAlike('local')
    expect(plan('local -> data/x', {}, { type: 'hardlink' }).action).toBe('fail')
  })

  it('on sshfs mounted use_ino, inode numbers are the server’s: a look-alike is another file', () => {
    lookAlike('h')
    expect(plan('h -> data/x', onSshfs(['use_ino']), { type: 'hardlink' }).action).toBe('fail')
  })

  it('through follow_symlinks, what looks like TARGET is taken as the symlink, with a warning naming the option', () => {
    lookAlike('l')
    const p = plan('l -> data/x', onSshfs(['follow_symlinks']))
    expect(p).toMatchObject({ action: 'unchanged', kinds: ['symlink'] })
    expect(p.warnings.join(' ')).toContain('follow_symlinks')
  })

  it('through follow_symlinks, a re-run reads no link texts: the links show as their TARGETs', () => {
    lookAlike('l1')
    lookAlike('l2')
    const { ops, calls } = recording()
    const plans = planAll(
      requests('l1 -> data/x\nl2 -> data/x', ws),
      context(ws, { ops, ...onSshfs(['follow_symlinks']) })
    )
    expect(plans.map((p) => p.action)).toEqual(['unchanged', 'unchanged'])
    expect(calls.filter((c) => c.startsWith('readlink '))).toEqual([])
  })

  it('through follow_symlinks, another mode, a directory for a file, or no TARGET at all is not the link', () => {
    fs.chmodSync(lookAlike('mode'), 0o600)
    expect(plan('mode -> data/x', onSshfs(['follow_symlinks'])).action).toBe('fail')
    fs.mkdirSync(path.join(ws, 'dir'))
    expect(plan('dir -> data/x', onSshfs(['follow_symlinks'])).action).toBe('fail')
    lookAlike('dangling')
    expect(plan('dangling -> data/none', onSshfs(['follow_symlinks'])).action).toBe('fail')
    lookAlike('plain')
    expect(plan('plain -> data/x', onSshfs()).action).toBe('fail')
  })
})

describePosix('failures visible before anything is written', () => {
  it('a parent that is a file: ENOTDIR', () => {
    fs.writeFileSync(path.join(ws, 'blocker'), '')
    expect(plan('blocker/l -> data/x').failure).toMatchObject({ code: 'ENOTDIR', errno: 20 })
  })

  it("reports PATH's own filesystem where its parent could not be found, else its real parent's", () => {
    fs.writeFileSync(path.join(ws, 'blocker'), '')
    const named = (type: string) => ({ type, mountPoint: '/', source: type, options: [] })
    const detector = { forPath: (p: string) => named(p.endsWith('/l') ? 'own' : `parent ${path.basename(p)}`) }
    expect(plan('blocker/l -> data/x', { detector }).filesystem.type).toBe('own')
    expect(plan('l -> data/x', { detector }).filesystem.type).toBe(`parent ${path.basename(fs.realpathSync(ws))}`)
  })

  it('missing parents with create-parents false: ENOENT', () => {
    expect(plan('no/such/l -> data/x', { createParents: false }).failure).toMatchObject({ code: 'ENOENT' })
  })

  it('a missing TARGET: a warning, a failure under dangling fail, and always a failure for a hard link', () => {
    expect(plan('l -> nothing')).toMatchObject({
      action: 'create',
      warnings: [expect.stringContaining('does not exist')]
    })
    expect(plan('l -> nothing', {}, {}).targetExists).toBe(false)
    expect(plan('l -> nothing', { dangling: 'allow' }).warnings).toEqual([])
    expect(plan('l -> nothing', { dangling: 'fail' }).failure).toMatchObject({ code: 'ENOENT', syscall: 'stat' })
    expect(plan('l -> nothing', {}, { type: 'hardlink' }).failure).toMatchObject({ code: 'ENOENT', syscall: 'link' })
  })

  it('a read-only mount: EROFS, even where something at PATH would have made it EEXIST', () => {
    const ro = { type: 'tmpfs', mountPoint: ws, source: 'tmpfs', options: ['ro'] }
    const [request] = requests('l -> data/x', ws)
    expect(planLink(request, context(ws, { detector: { forPath: () => ro } })).failure).toMatchObject({ code: 'EROFS' })
  })
})

describePosix('what a dry run can already see', () => {
  it('plans a hard link to a directory as a failure (EPERM from link), not as a creation that would fail', () => {
    const p = plan('l -> data/dir', {}, { type: 'hardlink' })
    expect(p).toMatchObject({ action: 'fail', failure: { code: 'EPERM', syscall: 'link' }, targetIsDir: true })
  })

  it('falls back at plan time from a hard link to a directory, and records why (no warning)', () => {
    const p = plan('l -> data/dir', {}, { type: 'hardlink', fallback: ['symlink'] })
    expect(p).toMatchObject({ action: 'create', kinds: ['symlink'] })
    expect(p.fallback).toMatchObject({ asked: 'hardlink', instead: 'symlink' })
    expect(p.fallback?.why).toMatch(/data\/dir is a directory, which no hard link can lead to/)
    expect(p.warnings).toEqual([])
  })

  it('falls back at plan time from a hard link to a missing TARGET, and records why; the dangling link warns', () => {
    const p = plan('l -> nothing', {}, { type: 'hardlink', fallback: ['copy', 'symlink'] })
    expect(p).toMatchObject({ action: 'create', kinds: ['symlink'] })
    expect(p.fallback).toMatchObject({ asked: 'hardlink', instead: 'symlink' })
    expect(p.fallback?.why).toMatch(/nothing does not exist, so no hard link can lead to it/)
    expect(p.warnings).toEqual([expect.stringMatching(/dangles/)])
  })

  it('says nothing of a fallback when the asked kind stays first', () => {
    expect(plan('l -> data/dir', {}, { fallback: ['hardlink'] }).warnings).toEqual([])
  })
})

describePosix('planAll', () => {
  it('fails only the link whose PATH leaves working-directory through a symlinked parent, naming it, and writes nothing', () => {
    const outside = tempDir()
    try {
      fs.symlinkSync(outside, path.join(ws, 'out'))
      const before = snapshot(ws)
      const [ok, out] = planAll(requests('ok -> data/x\nout/x -> data/x', ws), context(ws))
      expect(ok.action).toBe('create')
      expect(out).toMatchObject({ action: 'fail', failure: { code: 'CONFINE' } })
      expect(out.said?.message).toContain(`the symlinked parent ${path.join(ws, 'out')}, which leads to ${outside}`)
      expect(out.said?.hint).toContain('confine: false')
      expect(snapshot(ws)).toEqual(before)
    } finally {
      fs.rmSync(outside, { recursive: true, force: true })
    }
  })
})

/** The real filesystem, recording each call with its path: on a share every one of them is a round trip. */
function recording(ops: FsOps = nodeFs): { ops: FsOps; calls: string[] } {
  const calls: string[] = []
  const recorded = Object.fromEntries(
    Object.entries(ops).map(([name, call]: [string, (...args: string[]) => unknown]) => [
      name,
      (...args: string[]) => {
        calls.push(`${name} ${args[0]}`)
        return call(...args)
      }
    ])
  ) as unknown as FsOps
  return { ops: recorded, calls }
}

/** The real filesystem, except that stat(p) throws `error`. */
const statFails = (p: string, error: Error): FsOps => ({
  ...nodeFs,
  stat: (q: string) => {
    if (q === p) throw error
    return nodeFs.stat(q)
  }
})

const SSHFS = { type: 'fuse.sshfs', mountPoint: '/', source: 'u@h:/', options: ['rw'] }

describePosix('the errno, syscall and attempt a failed plan reports', () => {
  it.each([
    ['symlink', 'symlink', 'data/x', {}, 'symbolic link'],
    ['junction (a symlink outside Windows)', 'symlink', 'data/dir', { type: 'junction' }, 'symbolic link'],
    ['hard link', 'link', 'data/x', { type: 'hardlink' }, 'hard link'],
    [
      'copy (what is left for a directory)',
      'copyfile',
      'data/dir',
      { type: 'hardlink', fallback: ['copy'] },
      'hard link'
    ]
  ])('missing parents under create-parents false, for a %s: ENOENT from %s', (_, syscall, target, defaults, words) => {
    const p = plan(`no/l -> ${target}`, { createParents: false }, defaults)
    expect(p).toMatchObject({ action: 'fail', failure: { code: 'ENOENT', errno: 2, syscall } })
    expect(p.failure?.attempted).toContain(words)
    expect(p.failure?.attempted).toContain('create-parents: false')
  })

  it('create-parents false fails nothing whose parent exists', () => {
    expect(plan('l -> data/x', { createParents: false }).action).toBe('create')
  })

  it('something in the way: EEXIST with its errno number', () => {
    fs.writeFileSync(path.join(ws, 'f'), '')
    expect(plan('f -> data/x').failure).toMatchObject({ code: 'EEXIST', errno: 17, syscall: 'symlink' })
  })

  it('a parent that is a file: ENOTDIR from stat, before any link text is worked out', () => {
    fs.writeFileSync(path.join(ws, 'blocker'), '')
    const p = plan('blocker/l -> data/x')
    expect(p).toMatchObject({ action: 'fail', text: '', failure: { code: 'ENOTDIR', syscall: 'stat' } })
  })

  it('an errno from looking at PATH keeps its syscall; one without a syscall is said to come from stat', () => {
    expect(plan('l -> data/x', { ops: failing({ lstat: 'EACCES' }) })).toMatchObject({
      action: 'fail',
      failure: { code: 'EACCES', errno: 13, syscall: 'lstat' }
    })
    const bare = Object.assign(new Error('EIO'), { code: 'EIO' })
    expect(plan('l -> data/x', { ops: statFails(path.join(ws, 'data/x'), bare) })).toMatchObject({
      action: 'fail',
      failure: { code: 'EIO', syscall: 'stat' }
    })
  })

  it('a bug (an error that is no errno) is thrown, not reported as the link’s failure', () => {
    expect(() => plan('l -> data/x', { ops: statFails(path.join(ws, 'data/x'), new TypeError('bug')) })).toThrow(
      TypeError
    )
  })

  it('dangling: fail fails even a link already there, naming the setting', () => {
    fs.symlinkSync('nothing', path.join(ws, 'l'))
    const p = plan('l -> nothing', { dangling: 'fail' })
    expect(p).toMatchObject({ action: 'fail', failure: { code: 'ENOENT', syscall: 'stat' } })
    expect(p.failure?.attempted).toContain('dangling: fail')
  })

  it('the same link: unchanged, without a warning', () => {
    fs.symlinkSync('data/x', path.join(ws, 'same'))
    const p = plan('same -> data/x')
    expect(p).toMatchObject({ action: 'unchanged', kinds: ['symlink'] })
    expect(p.warnings).toHaveLength(0)
  })
})

describePosix('the kinds and link text a plan holds', () => {
  it('tries a kind listed both as type and as fallback once', () => {
    expect(plan('l -> data/x', {}, { fallback: ['symlink', 'copy'] }).kinds).toEqual(['symlink', 'copy'])
  })

  it('a hard link links what TARGET resolves to, and has no link text', () => {
    fs.symlinkSync('x', path.join(ws, 'data/alias'))
    expect(plan('sub/h -> data/alias', {}, { type: 'hardlink' })).toMatchObject({
      action: 'create',
      linkSource: path.join(ws, 'data/x'),
      text: ''
    })
  })

  it.each(['linux', 'darwin'])(
    'a junction on %s is a symlink with the same relative text, its fallback to a symlink tried once',
    (name) => {
      const platform = platformFor(name)
      const [request] = requests('sub/j -> data/dir', ws, { type: 'junction', fallback: ['symlink', 'copy'] }, platform)
      expect(planLink(request, context(ws, { platform }))).toMatchObject({
        action: 'create',
        kinds: ['symlink', 'copy'],
        text: '../data/dir'
      })
    }
  )

  it("is computed to TARGET's real directory when TARGET is reached through a symlink, like ln -r", () => {
    fs.symlinkSync('data', path.join(ws, 'alias'))
    expect(plan('sub/l -> alias/x').text).toBe('../data/x')
  })

  /** Plan one link in a planning pass, as the action does (with its caches). */
  const planned = (spec: string, defaults = {}) => planAll(requests(spec, ws, defaults), context(ws))[0]

  it.each([
    ['sub/l -> data/x', '../data/x'],
    ['data/dir/self-parent -> data/dir', '.'],
    ['data/dir/sub/l -> data/dir', '..'],
    ['data/dir/l -> data/x', '../x'],
    ['data/l -> data/x', 'x']
  ])('%s in a planning pass is stored as %s', (spec, text) => {
    expect(planned(spec).text).toBe(text)
  })

  it('a TARGET in the root directory gets the shortest way there', () => {
    const top = `/${ws.split('/')[1]}`
    expect(planned(`sub/l -> ${top}`, { relative: 'true' }).text).toBe(path.relative(path.join(ws, 'sub'), top))
  })
})

describePosix('what a copy at PATH is', () => {
  const copyPlan = (name: string) => plan(`${name} -> data/x`, {}, { fallback: ['copy'] })

  it('a file whose time is 2 s or more off is not the copy (FAT keeps times to 2 s)', () => {
    fs.utimesSync(path.join(ws, 'data/x'), 1_000_000_000, 1_000_000_000)
    fs.writeFileSync(path.join(ws, 'near'), 'x')
    fs.utimesSync(path.join(ws, 'near'), 1_000_000_001.5, 1_000_000_001.5)
    fs.writeFileSync(path.join(ws, 'off'), 'x')
    fs.utimesSync(path.join(ws, 'off'), 1_000_000_002, 1_000_000_002)
    expect(copyPlan('near')).toMatchObject({ action: 'unchanged', kinds: ['copy'] })
    expect(copyPlan('off')).toMatchObject({ action: 'fail', failure: { code: 'EEXIST' } })
  })

  it("a directory of a file TARGET's size and time is not its copy", () => {
    const dir = path.join(ws, 'd')
    fs.mkdirSync(dir)
    fs.writeFileSync(path.join(ws, 'data/x'), Buffer.alloc(fs.statSync(dir).size))
    fs.utimesSync(path.join(ws, 'data/x'), 1e9, 1e9)
    fs.utimesSync(dir, 1e9, 1e9)
    expect(copyPlan('d')).toMatchObject({ action: 'fail', existing: 'dir', failure: { code: 'EEXIST' } })
  })

  it('a directory that cannot be listed (davfs2: EINVAL) is taken as the copy, with a warning naming the errno', () => {
    fs.cpSync(path.join(ws, 'data'), path.join(ws, 'copied'), { recursive: true, preserveTimestamps: true })
    const p = plan('copied -> data', { ops: failing({ readdir: 'EINVAL' }) }, { fallback: ['copy'] })
    expect(p).toMatchObject({ action: 'unchanged', kinds: ['copy'] })
    expect(p.warnings).toEqual([expect.stringContaining('EINVAL from readdir()')])
    const bare = Object.assign(new Error('EINVAL'), { code: 'EINVAL' })
    const unnamed = {
      ...nodeFs,
      readdir: () => {
        throw bare
      }
    }
    expect(plan('copied -> data', { ops: unnamed }, { fallback: ['copy'] }).warnings).toEqual([
      expect.stringContaining('EINVAL from scandir()')
    ])
    const bug = {
      ...nodeFs,
      readdir: () => {
        throw new TypeError('bug')
      }
    }
    expect(() => plan('copied -> data', { ops: bug }, { fallback: ['copy'] })).toThrow(TypeError)
  })

  it('with TARGET missing, a file at PATH is no hard link or copy of it', () => {
    fs.writeFileSync(path.join(ws, 'f'), '')
    expect(plan('f -> nothing', {}, { fallback: ['hardlink', 'copy'] })).toMatchObject({
      action: 'fail',
      existing: 'file',
      failure: { code: 'EEXIST' }
    })
  })

  it('TARGET itself, reached through a symlinked parent, is no hard link of it', () => {
    fs.symlinkSync('data', path.join(ws, 'alias'))
    expect(plan('alias/dir -> data/dir', {}, { type: 'hardlink', fallback: ['symlink'] })).toMatchObject({
      action: 'fail',
      existing: 'dir',
      failure: { code: 'EEXIST' }
    })
  })
})

describePosix('an sshfs mount that hides link texts (readlink: EPERM)', () => {
  const hidden = (options: string[] = []) => ({
    ops: failing({ readlink: 'EPERM' }),
    detector: { forPath: () => ({ ...SSHFS, options: ['rw', ...options] }) }
  })
  beforeEach(() => fs.mkdirSync(path.join(ws, 'sub')))

  it('a symlink of the right length is unchanged, with a warning', () => {
    fs.symlinkSync('../data/x', path.join(ws, 'sub/l'))
    const p = plan('sub/l -> data/x', hidden())
    expect(p).toMatchObject({ action: 'unchanged', kinds: ['symlink'] })
    expect(p.warnings).toEqual([expect.stringContaining(path.join(ws, 'sub/l'))])
  })

  it('one of another length is another link: kept as unreadable under overwrite never, replaced under links', () => {
    fs.symlinkSync('../data/dir', path.join(ws, 'sub/l'))
    const kept = plan('sub/l -> data/x', hidden())
    expect(kept).toMatchObject({ action: 'fail', unreadable: true, failure: { code: 'EPERM', syscall: 'readlink' } })
    expect(kept.failure?.attempted).toContain('existing link')
    expect(plan('sub/l -> data/x', hidden(), { overwrite: 'links' }).action).toBe('replace')
  })

  it('elsewhere, or with another errno, a link that cannot be read fails with that errno', () => {
    fs.symlinkSync('../data/x', path.join(ws, 'sub/l'))
    expect(plan('sub/l -> data/x', { ops: failing({ readlink: 'EPERM' }) }, { overwrite: 'links' })).toMatchObject({
      action: 'fail',
      failure: { code: 'EPERM', syscall: 'readlink' }
    })
    const eio = { ...hidden(), ops: failing({ readlink: 'EIO' }) }
    expect(plan('sub/l -> data/x', eio, { overwrite: 'links' })).toMatchObject({
      action: 'fail',
      failure: { code: 'EIO', syscall: 'readlink' }
    })
  })
})

describePosix('confinement to working-directory', () => {
  let outside: string
  beforeEach(() => {
    outside = tempDir()
  })
  afterEach(() => fs.rmSync(outside, { recursive: true, force: true }))

  it('an absolute PATH elsewhere is not confined', () => {
    expect(plan(`${outside}/l -> data/x`).action).toBe('create')
  })

  it('confine: false lets a symlinked parent lead out', () => {
    fs.symlinkSync(outside, path.join(ws, 'out'))
    expect(plan('out/l -> data/x', { confine: false }).action).toBe('create')
    expect(plan('out/l -> data/x')).toMatchObject({ action: 'fail', failure: { code: 'CONFINE', syscall: 'realpath' } })
  })

  it("a sibling whose name begins with the working directory's is outside it (ws-evil is not in ws)", () => {
    const sibling = `${ws}-evil`
    fs.mkdirSync(sibling)
    try {
      fs.symlinkSync(sibling, path.join(ws, 'sub'))
      expect(plan('sub/l -> data/x')).toMatchObject({ action: 'fail', failure: { code: 'CONFINE' } })
      fs.symlinkSync('../data/x', path.join(sibling, 'l'))
      expect(plan('sub/l', {}, { state: 'absent' })).toMatchObject({ action: 'fail', failure: { code: 'CONFINE' } })
    } finally {
      fs.rmSync(sibling, { recursive: true, force: true })
    }
  })

  it('names the symlinked parent that leads out, not one before it that stays inside', () => {
    fs.mkdirSync(path.join(ws, 'deep'))
    fs.symlinkSync('deep', path.join(ws, 'in'))
    fs.symlinkSync(outside, path.join(ws, 'deep/out'))
    const p = plan('in/out/l -> data/x')
    expect(p.failure?.code).toBe('CONFINE')
    expect(p.said?.message).toContain(`${path.join(ws, 'in/out')}, which leads to ${outside}`)
  })
})

describePosix('what a planning pass asks the disk once', () => {
  it('each directory and each TARGET is looked up once for all the links sharing it', () => {
    const { ops, calls } = recording()
    planAll(requests('a/b/l1 -> data/x\na/b/l2 -> data/x', ws), context(ws, { ops }))
    expect(calls.filter((c) => c === `stat ${path.join(ws, 'a/b')}`)).toHaveLength(1)
    expect(calls.filter((c) => c === `stat ${path.join(ws, 'data/x')}`)).toHaveLength(1)
  })

  it('nothing is looked up at a PATH whose directory does not exist yet', () => {
    for (const defaults of [{}, { state: 'absent' as const }]) {
      const { ops, calls } = recording()
      planLink(requests('new/l -> data/x', ws, defaults)[0], context(ws, { ops }))
      expect(calls).not.toContain(`lstat ${path.join(ws, 'new/l')}`)
    }
  })

  /** The calls made at these paths: on a share each is a round trip. */
  const callsAt = (calls: string[], ...names: string[]) =>
    calls.filter((c) => names.some((name) => c.endsWith(` ${path.join(ws, name)}`)))

  it.each([
    ['allow', 1],
    ['warn', 2],
    ['fail', 2]
  ] as const)(
    'a re-run, under dangling: %s, costs at most %s calls at a link already right and its TARGET',
    (dangling, most) => {
      fs.symlinkSync('data/dir', path.join(ws, 'first'))
      fs.symlinkSync('data/x', path.join(ws, 'l'))
      const { ops, calls } = recording()
      const plans = planAll(requests('first -> data/dir\nl -> data/x', ws), context(ws, { ops, dangling }))
      expect(plans.map((p) => [p.action, p.kinds])).toEqual([
        ['unchanged', ['symlink']],
        ['unchanged', ['symlink']]
      ])
      expect(callsAt(calls, 'l', 'data/x').length).toBeLessThanOrEqual(most)
    }
  )

  it('a re-run of links already right that share a TARGET costs one call each after the first, and TARGET one', () => {
    for (const name of ['l1', 'l2', 'l3']) fs.symlinkSync('data/x', path.join(ws, name))
    const { ops, calls } = recording()
    const plans = planAll(requests('l1 -> data/x\nl2 -> data/x\nl3 -> data/x', ws), context(ws, { ops }))
    expect(plans.map((p) => p.action)).toEqual(['unchanged', 'unchanged', 'unchanged'])
    expect(callsAt(calls, 'l2', 'l3', 'data/x')).toHaveLength(3)
  })

  it('a re-run asks nothing more where nothing is at PATH than the full look does, and still fails a wrong link', () => {
    fs.symlinkSync('data/x', path.join(ws, 'first'))
    fs.symlinkSync('data/dir', path.join(ws, 'other'))
    const { ops, calls } = recording()
    const spec = 'first -> data/x\nnew -> data/x\nfirst2 -> data/x\nother -> data/x'
    fs.symlinkSync('data/x', path.join(ws, 'first2'))
    const plans = planAll(requests(spec, ws), context(ws, { ops }))
    expect(plans.map((p) => p.action)).toEqual(['unchanged', 'create', 'unchanged', 'fail'])
    expect(callsAt(calls, 'new')).toHaveLength(1)
  })

  /** Links l0…l(n-1) already right, each to its own file in data/t (made here, `n` of them, and `extra` more). */
  function ownTargets(n: number, extra = 0): string {
    fs.mkdirSync(path.join(ws, 'data/t'))
    for (let i = 0; i < n + extra; i++) fs.writeFileSync(path.join(ws, `data/t/f${i}`), '')
    for (let i = 0; i < n; i++) fs.symlinkSync(`data/t/f${i}`, path.join(ws, `l${i}`))
    return Array.from({ length: n }, (_, i) => `l${i} -> data/t/f${i}`).join('\n')
  }

  it('a re-run of links already right, each to its own TARGET, costs two calls each: its text, and TARGET there', () => {
    const spec = ownTargets(8)
    const { ops, calls } = recording()
    const plans = planAll(requests(spec, ws), context(ws, { ops, dangling: 'fail' }))
    expect(plans.map((p) => [p.action, p.targetExists])).toEqual(Array(8).fill(['unchanged', true]))
    // The first link gets the full look (nothing says yet that this is a re-run); the other seven are read only.
    const after = (name: string) => Array.from({ length: 7 }, (_, i) => `${name}${i + 1}`)
    expect(callsAt(calls, ...after('l'))).toEqual(after('l').map((l) => `readlink ${path.join(ws, l)}`))
    expect(callsAt(calls, ...after('data/t/f'))).toEqual(after('data/t/f').map((t) => `exists ${path.join(ws, t)}`))
  })

  it.each([
    ['a dangling link', (t: string) => fs.symlinkSync('none', t)],
    ['nothing', () => undefined]
  ])('a re-run still finds a TARGET gone where its directory holds %s there', (_, put) => {
    const spec = ownTargets(8)
    fs.rmSync(path.join(ws, 'data/t/f7'))
    put(path.join(ws, 'data/t/f7'))
    const plans = planAll(requests(spec, ws), context(ws, { dangling: 'fail' }))
    expect(plans.map((p) => p.action)).toEqual([...Array(7).fill('unchanged'), 'fail'])
    expect(plans[7].failure?.code).toBe('ENOENT')
  })

  it('a re-run takes a TARGET directory, and a link to one, as there', () => {
    const spec = ownTargets(6)
    fs.mkdirSync(path.join(ws, 'data/t/f6'))
    fs.symlinkSync('f6', path.join(ws, 'data/t/f7'))
    for (const i of [6, 7]) fs.symlinkSync(`data/t/f${i}`, path.join(ws, `l${i}`))
    const plans = planAll(requests(`${spec}\nl6 -> data/t/f6\nl7 -> data/t/f7`, ws), context(ws, { dangling: 'fail' }))
    expect(plans.map((p) => [p.action, p.targetExists])).toEqual(Array(8).fill(['unchanged', true]))
  })

  it('a TARGET that cannot be told there (access(2) fails) gets the full look, which finds it', () => {
    const spec = ownTargets(8)
    const { ops, calls } = recording({ ...nodeFs, exists: () => false })
    const plans = planAll(requests(spec, ws), context(ws, { ops, dangling: 'fail' }))
    expect(plans.map((p) => [p.action, p.targetExists])).toEqual(Array(8).fill(['unchanged', true]))
    expect(calls.filter((c) => c.startsWith('stat ') && c.includes('data/t/f'))).toHaveLength(8)
  })

  it('a first run into a new directory looks each TARGET up once, and finds one missing', () => {
    ownTargets(8)
    for (const i of [6, 7]) fs.rmSync(path.join(ws, `data/t/f${i}`))
    fs.mkdirSync(path.join(ws, 'data/t/f6'))
    const spec = Array.from({ length: 8 }, (_, i) => `new/l${i} -> data/t/f${i}`).join('\n')
    const { ops, calls } = recording()
    const plans = planAll(requests(`${spec}\nnew/again -> data/t/f0`, ws), context(ws, { ops }))
    expect(plans.map((p) => [p.action, p.targetExists, p.targetIsDir])).toEqual([
      ...Array(6).fill(['create', true, false]),
      ['create', true, true],
      ['create', false, false],
      ['create', true, false]
    ])
    expect(plans[7].warnings).toEqual([expect.stringContaining('does not exist')])
    const targets = Array.from({ length: 8 }, (_, i) => `stat ${path.join(ws, `data/t/f${i}`)}`)
    expect(calls.filter((c) => c.startsWith('stat ') && c.includes('data/t/f'))).toEqual(targets)
  })

  it('a share found gone (ENOTCONN) skips the links after it on that mount', () => {
    const [first, second] = planAll(
      requests('l1 -> data/x\nl2 -> data/x', ws),
      context(ws, { ops: failing({ lstat: 'ENOTCONN' }) })
    )
    expect(first).toMatchObject({ action: 'fail', failure: { code: 'ENOTCONN' } })
    expect(first.skipped).toBeUndefined()
    expect(second).toMatchObject({ action: 'fail', skipped: true, failure: { code: 'ENOTCONN' } })
  })
})

describePosix('state: absent, as planned', () => {
  const removal = (spec: string, ctxOverrides: ContextOverrides = {}) => plan(spec, ctxOverrides, { state: 'absent' })

  it('a dangling link whose text names TARGET leads to it', () => {
    fs.symlinkSync('data/none', path.join(ws, 'l'))
    expect(removal('l -> data/none')).toMatchObject({ action: 'remove', kinds: ['symlink'] })
  })

  it.each([
    ['the real parent', '../../data/none'],
    ['the parent as PATH spells it', '../data/none']
  ])('a dangling link below a symlinked parent, its text written from %s, leads to TARGET', (_, text) => {
    fs.mkdirSync(path.join(ws, 'deep/er'), { recursive: true })
    fs.symlinkSync('deep/er', path.join(ws, 'short'))
    fs.symlinkSync(text, path.join(ws, 'short/l'))
    expect(removal('short/l -> data/none').action).toBe('remove')
  })

  it('a link through another name of TARGET leads to it; the same inode number on another device does not', () => {
    fs.symlinkSync('x', path.join(ws, 'data/alias'))
    fs.symlinkSync('data/alias', path.join(ws, 'l'))
    expect(removal('l -> data/x').action).toBe('remove')
    const target = path.join(ws, 'data/x')
    const otherDevice: FsOps = {
      ...nodeFs,
      stat: (p) => {
        const stats = nodeFs.stat(p)
        return p === target && stats
          ? Object.assign(Object.create(Object.getPrototypeOf(stats)), stats, { dev: stats.dev + 1 })
          : stats
      }
    }
    expect(removal('l -> data/x', { ops: otherDevice })).toMatchObject({
      action: 'fail',
      failure: { code: 'OTHER_TARGET' }
    })
  })

  it('a dangling link elsewhere, or a link to TARGET that does not exist, is kept', () => {
    fs.symlinkSync('data/none', path.join(ws, 'dangling'))
    fs.symlinkSync('data/dir', path.join(ws, 'other'))
    const kept = removal('dangling -> data/x')
    expect(kept).toMatchObject({ action: 'fail', failure: { code: 'OTHER_TARGET', syscall: 'unlink' } })
    expect(kept.failure?.attempted).toContain('remove')
    expect(removal('other -> data/none')).toMatchObject({ action: 'fail', failure: { code: 'OTHER_TARGET' } })
  })

  it('nothing at PATH: unchanged, without looking at TARGET', () => {
    const ops = statFails(path.join(ws, 'data/x'), errnoError('EIO', 'stat'))
    const p = removal('l -> data/x', { ops })
    expect(p.action).toBe('unchanged')
    expect(p.kinds).toHaveLength(0)
  })

  it('a link found leading to TARGET by its text goes without looking at TARGET', () => {
    fs.symlinkSync('data/x', path.join(ws, 'l'))
    const ops = statFails(path.join(ws, 'data/x'), errnoError('EIO', 'stat'))
    expect(removal('l -> data/x', { ops }).action).toBe('remove')
  })

  it('on sshfs with use_ino, a look-alike file is proven another file', () => {
    fs.copyFileSync(path.join(ws, 'data/x'), path.join(ws, 'lookalike'))
    const sshfs = (options: string[]) => ({ detector: { forPath: () => ({ ...SSHFS, options }) } })
    expect(removal('lookalike -> data/x', sshfs(['rw'])).failure?.code).toBe('UNVERIFIABLE')
    expect(removal('lookalike -> data/x', sshfs(['rw', 'use_ino'])).failure?.code).toBe('OTHER_TARGET')
  })

  it('on sshfs hiding link texts, a link is judged by where it leads, never by its empty text', () => {
    fs.mkdirSync(path.join(ws, 'sub'))
    fs.symlinkSync('../data/x', path.join(ws, 'sub/l'))
    const hidden = {
      ops: failing({ readlink: 'EPERM' }),
      detector: { forPath: () => SSHFS }
    }
    expect(removal('sub/l -> sub', hidden)).toMatchObject({ action: 'fail', failure: { code: 'OTHER_TARGET' } })
    expect(removal('sub/l -> data/x', hidden)).toMatchObject({ action: 'remove', kinds: ['symlink'], text: '' })
  })
})

describe('on Windows (platform seam, in-memory filesystem)', () => {
  const win32 = platformFor('win32')
  const WS = 'C:\\ws'
  const planWindows = (spec: string, defaults = {}) => {
    const mem = memoryFs(win32, { [WS]: 'dir', 'C:\\ws\\data': 'dir', 'C:\\ws\\data\\x.txt': 'file' })
    const ctx = context(WS, { platform: win32, ops: mem.ops, realWorkingDirectory: WS })
    return planAll(requests(spec, WS, defaults, win32), ctx)[0]
  }

  it('a junction to a directory is planned as a junction, then the symlink of its fallback', () => {
    expect(planWindows('j -> data', { type: 'junction', fallback: ['symlink'] })).toMatchObject({
      action: 'create',
      kinds: ['junction', 'symlink']
    })
  })

  it('a PATH on a drive that does not exist is planned with its missing directories, not an endless walk up', () => {
    expect(planWindows('D:\\links\\l -> C:\\ws\\data\\x.txt')).toMatchObject({
      action: 'create',
      missingParents: ['D:\\links']
    })
  })

  it('a symlink to a TARGET that does not exist yet is guessed a file link, naming both target-type settings', () => {
    const p = planWindows('later -> build/out')
    expect(p.action).toBe('create')
    expect(p.warnings.join(' ')).toMatch(/`target-type: dir`.*`target-type: file`/)
  })
})
