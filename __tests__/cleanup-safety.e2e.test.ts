// cleanup: true against later steps that act as an adversary would (issue 23), end to end through dist/index.js
// with the post step run as the runner runs it (the main step's state as STATE_* variables): parents swapped for
// symlinks, the working directory swapped, links and files replaced. After every post step nothing outside the
// workspace has changed (a sibling directory, fingerprinted with contents before and after). On this machine's temp
// directory, and on the lab's tmpfs, xfs, exFAT, FAT and sshfs mounts.
import { afterEach, expect } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { stateEnv } from '../scripts/run-action.mjs'
import { describePosixWithActionNode, runAction, tempWorkspace } from './helpers/action.js'
import { describeLab, type Lab } from './helpers/lab.js'
import { recreateUntil, REUSE_TRIES } from './helpers/reuse.js'

/** A link's text; its size and inode where the mount will not say (Debian's sshfs hides texts with `..`). */
function readlinkOrSize(p: string, s: fs.Stats): string {
  try {
    return fs.readlinkSync(p)
  } catch {
    return `${s.size} bytes, inode ${s.ino}`
  }
}

type Fingerprint = Record<string, string>

/** Everything below dir with its content: `relative path → what it is`, files by their bytes. */
function fingerprint(dir: string): Fingerprint {
  const out: Fingerprint = {}
  for (const rel of (fs.readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const p = path.join(dir, rel)
    const s = fs.lstatSync(p)
    if (s.isSymbolicLink()) out[rel] = `link:${readlinkOrSize(p, s)}`
    else if (s.isDirectory()) out[rel] = 'dir'
    else out[rel] = `file:${createHash('sha256').update(fs.readFileSync(p)).digest('hex')}`
  }
  return out
}

/** A filesystem to run on: where its fresh directories go, and whether it makes symlinks (FAT and exFAT do not). */
interface Ground {
  root: string
  symlinks: boolean
  hardlinks: boolean
  /** Inode numbers are the file's own (not FUSE without use_ino). */
  inodes: boolean
}

const cleanups: string[] = []
afterEach(() => {
  for (const dir of cleanups.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

/** A fresh directory on the ground, removed after the test. */
function fresh(ground: Ground, prefix: string): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(ground.root, prefix)))
  cleanups.push(dir)
  return dir
}

/** A workspace holding data/x, and a sibling directory outside it, on one filesystem. */
function site(ground: Ground): { ws: string; outside: string; cwd: string } {
  const ws = fresh(ground, 'ws-')
  fs.mkdirSync(path.join(ws, 'data'))
  fs.writeFileSync(path.join(ws, 'data/x'), 'x\n')
  const outside = fresh(ground, 'outside-')
  // The step runs from a local directory: the workspace is its working-directory (a cwd on a share blocks a spawn).
  const cwd = tempWorkspace('ln-action-cwd-')
  cleanups.push(cwd)
  return { ws, outside, cwd }
}

/** A spec line for a link at rel that this ground can make: a symlink, else a copy (fallback). */
function linkAt(ground: Ground, rel: string, target = 'data/x'): string {
  return ground.symlinks
    ? `- {path: ${rel}, target: ${target}}`
    : `- {path: ${rel}, target: ${target}, type: hardlink, fallback: copy}`
}

/** ws/sub holding a file x, for a link sub/l -> sub/x: its text `x` reads back on every ground (no `..`). */
function withSub(ws: string): string {
  fs.mkdirSync(path.join(ws, 'sub'))
  fs.writeFileSync(path.join(ws, 'sub/x'), 'x\n')
  return path.join(ws, 'sub')
}

/**
 * What the step made at p, made again by a later step: a link of the same text (given: Debian's sshfs hides texts
 * with `..` from readlink), or a copy of data/x edited to other bytes of the same size (a file only ever goes where
 * it is byte-identical to what the step made).
 */
function lookAlike(ground: Ground, text: string, p: string): void {
  if (ground.symlinks) fs.symlinkSync(text, p)
  else fs.writeFileSync(p, 'y\n')
}

/**
 * Replace the directory dir by a symlink to `to` (a directory made here), dir itself moved aside; where the ground
 * has no symlinks, by a new directory (fusefat loses what is below a renamed directory: removed instead). Either
 * holds a look-alike of what the step made at dir/name.
 */
function swapDirectory(ground: Ground, dir: string, name: string, text: string, to: string): void {
  if (ground.symlinks) fs.renameSync(dir, `${dir}-was`)
  else fs.rmSync(dir, { recursive: true })
  const holder = ground.symlinks ? to : dir
  fs.mkdirSync(holder, { recursive: true })
  lookAlike(ground, text, path.join(holder, name))
  if (ground.symlinks) fs.symlinkSync(to, dir)
}

/** The main step, the later steps, then the post step with the main step's state; the outside is left alone. */
function mainThenPost(
  where: { ws: string; outside: string; cwd: string },
  links: string,
  between: () => void,
  movedTo = where.ws // where the workspace's directory is after the later steps
) {
  const inputs = { links, cleanup: 'true', 'working-directory': where.ws, 'fail-on-error': 'false' }
  const main = runAction(where.cwd, inputs)
  expect(main.results.map((r) => r.status)).toEqual(main.results.map(() => 'created'))
  const made = fingerprint(where.ws)
  between()
  const [outside, before] = [fingerprint(where.outside), fingerprint(movedTo)]
  const post = runAction(where.cwd, inputs, stateEnv(main.state))
  expect(fingerprint(where.outside)).toEqual(outside)
  const paths = main.results.map((r) => path.relative(where.ws, r.path))
  expect(lost({ made, before, after: fingerprint(movedTo) }, paths)).toEqual([])
  return { main, post }
}

/**
 * What was in the workspace before the post step and is gone or changed after it, although it was not what the step
 * made, byte for byte (the same at or below a PATH of the step, or a directory above one, as right after the main
 * step), nor is its content still there (a backup put back moves, and a hard link's content stays in TARGET).
 */
function lost(ws: { made: Fingerprint; before: Fingerprint; after: Fingerprint }, paths: string[]): string[] {
  const kept = new Set(Object.values(ws.after).filter((v) => v !== 'dir'))
  const ours = (rel: string, value: string): boolean =>
    ws.made[rel] === value &&
    paths.some((p) => rel === p || rel.startsWith(`${p}/`) || (value === 'dir' && p.startsWith(`${rel}/`)))
  return Object.entries(ws.before)
    .filter(([rel, value]) => ws.after[rel] !== value && !kept.has(value) && !ours(rel, value))
    .map(([rel, value]) => `${rel}: ${value}`)
}

function touch(args: string[]): void {
  expect(spawnSync('touch', args).status).toBe(0)
}

const there = (p: string): boolean => fs.lstatSync(p, { throwIfNoEntry: false }) !== undefined

const warned = (run: ReturnType<typeof runAction>, pattern: RegExp): boolean =>
  run.annotations.some((a) => a.level === 'warning' && pattern.test(decodeURIComponent(a.message)))

type Declare = (title: string, fn: () => void) => void

/** The cases, on one ground (a test for hard links only where the ground makes them). */
function adversaries(ground: () => Ground, test: Declare, withHardLinks: Declare): void {
  withHardLinks(
    'removes a hard link while it and TARGET are one file (written to meanwhile, where inodes say so)',
    () => {
      const g = ground()
      const where = site(g)
      // On sshfs the other name's cached size and bytes stay stale after a write: unprovable there, so kept.
      const more = g.inodes ? 'more\n' : ''
      const { post } = mainThenPost(where, '- {path: h, target: data/x, type: hardlink}', () =>
        fs.appendFileSync(path.join(where.ws, 'data/x'), more)
      )
      expect(post.results.map((r) => r.status)).toEqual(['removed'])
      expect(fs.readFileSync(path.join(where.ws, 'data/x'), 'utf8')).toBe(`x\n${more}`)
    }
  )

  withHardLinks('keeps a hard link whose TARGET a later step wrote as a new file, then edited: its only name', () => {
    const where = site(ground())
    const { post } = mainThenPost(where, '- {path: h, target: data/x, type: hardlink}', () => {
      fs.rmSync(path.join(where.ws, 'data/x'))
      fs.writeFileSync(path.join(where.ws, 'data/x'), 'new\n')
      fs.appendFileSync(path.join(where.ws, 'h'), 'edited\n')
    })
    expect(post.results.map((r) => r.status)).toEqual(['kept'])
    expect(fs.readFileSync(path.join(where.ws, 'h'), 'utf8')).toBe('x\nedited\n')
  })

  test('removes the directories it made once empty, and keeps one a later step put a file in', () => {
    const g = ground()
    const where = site(g)
    // Links to a name beside them (dangling: no `..`, which Debian's sshfs hides); copies need a TARGET that is.
    const beside = (rel: string): string => (g.symlinks ? `${path.dirname(rel)}/t` : 'data/x')
    const links = ['made/deep/l', 'made/deep/m', 'used/l'].map((rel) => linkAt(g, rel, beside(rel))).join('\n')
    const { post } = mainThenPost(where, links, () => fs.writeFileSync(path.join(where.ws, 'used/note'), 'n\n'))
    expect(post.results.map((r) => r.status)).toEqual(['removed', 'removed', 'removed'])
    expect(fs.readdirSync(where.ws).sort()).toEqual(['data', 'used'])
    expect(fs.readdirSync(path.join(where.ws, 'used'))).toEqual(['note'])
  })

  test('keeps a copy a later step edited with the same size and its times restored (touch -r)', () => {
    const where = site(ground())
    fs.mkdirSync(path.join(where.ws, 'data/dir'))
    fs.writeFileSync(path.join(where.ws, 'data/dir/inner'), 'i\n')
    const copy = '- {path: c, target: data/dir, type: hardlink, fallback: copy}'
    const inner = path.join(where.ws, 'c/inner')
    const { post } = mainThenPost(where, copy, () => {
      // touch -r keeps the times to the nanosecond (utimes through a Date would round them, and be seen).
      const keep = [inner, path.dirname(inner)].map((p, i) => [p, path.join(where.cwd, `times-${i}`)])
      for (const [p, ref] of keep) touch(['-r', p, ref])
      fs.writeFileSync(inner, 'j\n')
      for (const [p, ref] of keep) touch(['-r', ref, p])
    })
    expect(post.results.map((r) => r.status)).toEqual(['kept'])
    expect(fs.readFileSync(inner, 'utf8')).toBe('j\n')
  })

  test('keeps a link whose parent a later step swapped for a symlink out of the workspace, touching nothing there', () => {
    const g = ground()
    const where = site(g)
    const sub = withSub(where.ws)
    const { post } = mainThenPost(where, linkAt(g, 'sub/l', 'sub/x'), () =>
      swapDirectory(g, sub, 'l', 'x', where.outside)
    )
    expect(post.status).toBe(0)
    expect(post.results.map((r) => r.status)).toEqual(['kept'])
    expect(warned(post, /sub/)).toBe(true)
    if (g.symlinks) expect(there(path.join(where.ws, 'sub-was/l'))).toBe(true)
  })

  test('keeps a link whose parent a later step swapped for a symlink to another directory inside', () => {
    const g = ground()
    const where = site(g)
    const sub = withSub(where.ws)
    const { post } = mainThenPost(where, linkAt(g, 'sub/l', 'sub/x'), () =>
      swapDirectory(g, sub, 'l', 'x', path.join(where.ws, 'other'))
    )
    expect(post.results.map((r) => r.status)).toEqual(['kept'])
    expect(there(path.join(where.ws, g.symlinks ? 'other/l' : 'sub/l'))).toBe(true)
  })

  test('keeps every link where a later step swapped the working directory itself', () => {
    const g = ground()
    const where = site(g)
    const { post } = mainThenPost(
      where,
      `${linkAt(g, 'l')}\n${linkAt(g, 'm')}`,
      () => {
        if (g.symlinks) fs.renameSync(where.ws, `${where.ws}-was`)
        else fs.rmSync(where.ws, { recursive: true })
        cleanups.push(`${where.ws}-was`)
        const holder = g.symlinks ? path.join(where.outside, 'ws') : where.ws
        fs.mkdirSync(path.join(holder, 'data'), { recursive: true })
        for (const name of ['l', 'm']) lookAlike(g, 'data/x', path.join(holder, name))
        if (g.symlinks) fs.symlinkSync(holder, where.ws)
      },
      g.symlinks ? `${where.ws}-was` : where.ws
    )
    expect(post.results.map((r) => r.status)).toEqual(['kept', 'kept'])
  })
}

describePosixWithActionNode('cleanup against later steps (dist/index.js, STATE_* as the runner passes it)', () => {
  adversaries(() => ({ root: os.tmpdir(), symlinks: true, hardlinks: true, inodes: true }), it, it)

  it('fails the post step with one error naming a damaged or missing undo record, and undoes nothing', () => {
    const ground: Ground = { root: os.tmpdir(), symlinks: true, hardlinks: true, inodes: true }
    const where = site(ground)
    const inputs = { links: 'l -> data/x', cleanup: 'true', 'working-directory': where.ws }
    const main = runAction(where.cwd, inputs)
    const runnerTemp = fresh(ground, 'runner-temp-')
    const missing = path.join(runnerTemp, 'ln-action-undo-gone.json')
    // A record a later step writes to RUNNER_TEMP, well formed, named by no digest the main step saved.
    const planted = path.join(runnerTemp, 'ln-action-undo-planted.json')
    fs.writeFileSync(planted, main.state.undo)
    const damaged = [
      [stateEnv({ ...main.state, undo: main.state.undo.slice(0, 41) }), /in the runner's state \(undo\)/],
      [stateEnv({ post: 'true', 'undo-file': missing }), new RegExp(`file ${missing} is unreadable \\(ENOENT`)],
      [stateEnv({ post: 'true', 'undo-file': planted }), /changed since the main step wrote it/]
    ] as const
    for (const [state, names] of damaged) {
      const post = runAction(where.cwd, inputs, { ...state, RUNNER_TEMP: runnerTemp })
      expect(post.status).toBe(1)
      const errors = post.annotations.filter((a) => a.level === 'error').map((a) => decodeURIComponent(a.message))
      expect(errors).toHaveLength(1)
      expect(errors[0]).toMatch(names)
      expect(errors[0]).toMatch(/unreadable .*nothing was undone/)
      expect(fs.readlinkSync(path.join(where.ws, 'l'))).toBe('data/x')
    }
  })
})

/** What each lab mount can make (lab/FINDINGS.md): exFAT and FAT through FUSE make neither kind of link. */
const LAB_GROUNDS: Record<string, Omit<Ground, 'root'>> = {
  tmpfs: { symlinks: true, hardlinks: true, inodes: true },
  xfs: { symlinks: true, hardlinks: true, inodes: true },
  exfat: { symlinks: false, hardlinks: false, inodes: false },
  fat: { symlinks: false, hardlinks: false, inodes: false },
  sshfs: { symlinks: true, hardlinks: true, inodes: false }
}

/**
 * A backup deleted by a later step and a new file written under its name with the same inode number: the post step
 * must not put it back. On the lab's own ext4, where no other process takes the freed number first (on the shared
 * /tmp, parallel test workers did).
 */
function reusedBackupNumber(root: string): void {
  const where = site({ root, symlinks: true, hardlinks: true, inodes: true })
  const f = path.join(where.ws, 'f')
  fs.writeFileSync(f, 'mine\n')
  const links = '- {path: f, target: data/x, overwrite: files}'
  const main = runAction(where.cwd, { links, cleanup: 'true', 'backup-suffix': '.bak', 'working-directory': where.ws })
  const ino = fs.lstatSync(`${f}.bak`).ino
  fs.rmSync(`${f}.bak`)
  expect(recreateUntil(`${f}.bak`, ino, 'else\n')).toBeLessThan(REUSE_TRIES)
  const post = runAction(where.cwd, { links, cleanup: 'true', 'working-directory': where.ws }, stateEnv(main.state))
  expect(post.results[0].warnings.join(' ')).toMatch(/backup .*f.bak changed or went/)
  expect(fs.readFileSync(`${f}.bak`, 'utf8')).toBe('else\n')
}

describeLab('cleanup against later steps on the lab mounts (lab/lab.sh)', (lab: Lab) => {
  lab.test(
    'puts back no file a later step wrote again under the backup name with the same inode number (ext4 reuse)',
    ['ext4'],
    () => reusedBackupNumber(lab.mount('ext4').path),
    60_000
  )
  for (const [name, can] of Object.entries(LAB_GROUNDS)) {
    describe(name, () => {
      const test: Declare = (title, fn) => lab.test(title, [name], fn, 60_000)
      const noHardLinks: Declare = (title) => it.skip(`${title} (skipped: ${name} makes no hard links)`, () => {})
      adversaries(() => ({ root: lab.mount(name).path, ...can }), test, can.hardlinks ? test : noHardLinks)
    })
  }
})
