// Plan stage on real directories: what is on disk decides create, replace, unchanged or fail; nothing is written.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { nodeFs } from '../src/fsops.js'
import { planAll, planLink } from '../src/plan.js'
import { context, requests, type ContextOverrides, tempDir, dataWorkspace } from './helpers/stage.js'
import { snapshot } from './helpers/action.js'
import { describePosix } from './helpers/action.js'

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

  it('through follow_symlinks, what looks like TARGET is taken as the symlink, with a warning naming the option', () => {
    lookAlike('l')
    const p = plan('l -> data/x', onSshfs(['follow_symlinks']))
    expect(p).toMatchObject({ action: 'unchanged', kinds: ['symlink'] })
    expect(p.warnings.join(' ')).toContain('follow_symlinks')
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

  it('falls back at plan time from a hard link to a directory, and says why in the warning', () => {
    const p = plan('l -> data/dir', {}, { type: 'hardlink', fallback: ['symlink'] })
    expect(p).toMatchObject({ action: 'create', kinds: ['symlink'] })
    expect(p.warnings).toEqual([
      expect.stringMatching(
        /data\/dir is a directory, which no hard link can lead to.*symbolic link is planned instead/
      )
    ])
  })

  it('falls back at plan time from a hard link to a missing TARGET, and says why in the warning', () => {
    const p = plan('l -> nothing', {}, { type: 'hardlink', fallback: ['copy', 'symlink'] })
    expect(p).toMatchObject({ action: 'create', kinds: ['symlink'] })
    expect(p.warnings[0]).toMatch(
      /nothing does not exist, so no hard link can lead to it: a symbolic link is planned instead/
    )
    expect(p.warnings[1]).toMatch(/dangles/)
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
