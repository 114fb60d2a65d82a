// Drive plan and apply directly on a real directory, with a real filesystem whose calls a test may make fail.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { applyContext, closeRooms, type ApplyContext } from '../../src/apply/index.js'
import { makeLink } from '../../src/make-link.js'
import type { LinkPlan } from '../../src/plan/index.js'
import { nodeFs, type FsOps } from '../../src/fsops.js'
import { DEFAULTS as INPUT_DEFAULTS } from '../../src/inputs.js'
import type {
  FilesystemInfo,
  LinkOptions,
  LinkRequest,
  LinkResult,
  LinkSettings,
  Settings,
  SpecVerdict
} from '../../src/model.js'
import { currentPlatform, type Platform } from '../../src/platform.js'
import { parseSpec, readSpec, resolveEntries, specText } from '../../src/spec/index.js'

/** The platform these tests run on: the helpers work on this machine's real disk, with its paths and rules. */
export const host = currentPlatform()

/** The options a link gets from the inputs at their defaults; `state` left unset, which means present. */
export const DEFAULTS: LinkOptions = {
  type: INPUT_DEFAULTS.type,
  fallback: [...INPUT_DEFAULTS.fallback],
  relative: INPUT_DEFAULTS.relative,
  overwrite: INPUT_DEFAULTS.overwrite
}

/** An errno error as Node's fs throws it. */
export function errnoError(
  code: string,
  syscall: string,
  errno = -(os.constants.errno as Record<string, number>)[code]
): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected, ${syscall}`), { code, syscall, errno })
}

/** The real filesystem, except that the named calls throw the given errno. */
export function failing(calls: Partial<Record<keyof FsOps, string>>): FsOps {
  const ops: FsOps = { ...nodeFs }
  for (const [name, code] of Object.entries(calls) as [keyof FsOps, string][]) {
    ops[name] = (() => {
      throw errnoError(code, name)
    }) as never
  }
  return ops
}

/**
 * The disk as `ops` shows it, except that `call` (lstat unless told) on `p` shows `change` too: another device, inode,
 * birth time, as a later mount, a reused inode number or a rewrite would.
 */
export function seenAs(
  ops: FsOps,
  p: string,
  change: (s: fs.Stats) => Partial<fs.Stats>,
  call: 'lstat' | 'stat' = 'lstat'
): FsOps {
  const changed = (s: fs.Stats): fs.Stats =>
    Object.assign(Object.create(Object.getPrototypeOf(s) as object) as fs.Stats, s, change(s))
  return {
    ...ops,
    [call]: (q: string) => {
      const s = ops[call](q)
      return s && q === p ? changed(s) : s
    }
  }
}

/**
 * `ops`, raced by another process: it makes `make` at the first name `picks` right before this run's first call that
 * would create that name or rename onto it. A look (lstat) before that call finds the name free; the call finds it
 * taken.
 */
export function racing(ops: FsOps, picks: (p: string) => boolean, make: (p: string) => void): FsOps {
  let raced = false
  const race = (p: string): void => {
    if (raced || !picks(p)) return
    raced = true
    make(p)
  }
  return {
    ...ops,
    symlink: (text, p, type) => (race(p), ops.symlink(text, p, type)),
    link: (existing, p) => (race(p), ops.link(existing, p)),
    mkdir: (p) => (race(p), ops.mkdir(p)),
    writeFile: (p, data) => (race(p), ops.writeFile(p, data)),
    copyFile: (from, to) => (race(to), ops.copyFile(from, to)),
    rename: (from, to) => (race(to), ops.rename(from, to))
  }
}

/**
 * `ops` as sshfs -o follow_symlinks shows them (lab/FINDINGS.md), except `source`, shown as the plan found it:
 * symlink() makes the link, then answers EIO, or ENOENT where its text leads nowhere; a link shows as what it leads
 * to, or as nothing, and readlink says EINVAL; each name has its own inode number (no -o use_ino); an O_EXCL create
 * on a taken name is refused with EPERM.
 */
export function followingSymlinks(ops: FsOps, source: string): FsOps {
  const numbers = new Map<string, number>()
  const numbered = (s: fs.Stats | undefined, p: string): fs.Stats | undefined => {
    if (!s) return undefined
    if (!numbers.has(p)) numbers.set(p, 1_000_000 + numbers.size)
    return Object.assign(Object.create(Object.getPrototypeOf(s) as object) as fs.Stats, s, { ino: numbers.get(p) })
  }
  const isLink = (p: string): boolean => p !== source && ops.lstat(p)?.isSymbolicLink() === true
  const lstat = (p: string): fs.Stats | undefined => numbered(isLink(p) ? ops.stat(p) : ops.lstat(p), p)
  return {
    ...ops,
    lstat,
    stat: (p) => numbered(ops.stat(p), p),
    readlink: (p) => (isLink(p) ? fail(errnoError('EINVAL', 'readlink')) : ops.readlink(p)),
    symlink: (text, p, type) => {
      ops.symlink(text, p, type)
      throw errnoError(ops.stat(p) ? 'EIO' : 'ENOENT', 'symlink')
    },
    writeFile: (p, data) => (ops.lstat(p) ? fail(errnoError('EPERM', 'open')) : ops.writeFile(p, data)),
    unlink: (p) => (lstat(p) ? ops.unlink(p) : fail(errnoError('ENOENT', 'unlink')))
  }
}

function fail(error: Error): never {
  throw error
}

/** What a test may change of a context: its parts, or any of the link settings. */
export type ContextOverrides = Partial<ApplyContext> & Partial<Omit<LinkSettings, 'workingDirectory'>>

export function context(ws: string, overrides: ContextOverrides = {}, filesystem?: FilesystemInfo): ApplyContext {
  const {
    confine = INPUT_DEFAULTS.confine,
    createParents = INPUT_DEFAULTS.createParents,
    dangling = INPUT_DEFAULTS.dangling,
    backupSuffix = INPUT_DEFAULTS.backupSuffix,
    confineTargets,
    restore,
    dryRun,
    ...parts
  } = overrides
  const settings: LinkSettings = {
    workingDirectory: ws,
    confine,
    createParents,
    dangling,
    backupSuffix,
    confineTargets,
    restore,
    dryRun
  }
  const detector = {
    forPath: () => filesystem ?? { type: 'ext4', mountPoint: '/', source: '/dev/test', options: ['rw'] }
  }
  // Another platform's working directory (C:\ws) exists only in an in-memory filesystem: it comes as an override.
  const realWorkingDirectory = overrides.realWorkingDirectory ?? fs.realpathSync(ws)
  return { ...applyContext({ settings, realWorkingDirectory, platform: host, ops: nodeFs, detector }), ...parts }
}

/** Parse and resolve a spec the way main does; throws on spec problems so tests state only valid specs here. */
export function requests(
  spec: string,
  ws: string,
  defaults: Partial<LinkOptions> = {},
  platform = host
): LinkRequest[] {
  const parsed = parseSpec(spec, { ...DEFAULTS, ...defaults })
  const resolved = resolveEntries(parsed.entries, ws, true, platform)
  // An entry this runner sets aside (another OS, a Windows spelling here) would be missing from the requests.
  const settled = resolved.verdicts.map(({ entry, message }) => ({ line: entry.line, message }))
  const problems = [...parsed.problems, ...resolved.problems, ...settled]
  if (problems.length > 0) throw new Error(JSON.stringify(problems))
  return resolved.requests
}

/**
 * readSpec of a spec given as text, with every link the action would read again as it makes them: its requests and
 * verdicts in spec order; or the problems and entries of a rejected spec.
 */
export function readAll(
  text: string,
  settings: Parameters<typeof readSpec>[1],
  platform: Platform
): { requests: LinkRequest[]; verdicts: SpecVerdict[] } | Exclude<ReturnType<typeof readSpec>, { walk: unknown }> {
  const read = readSpec(specText(text), settings, platform)
  if ('problems' in read) return read
  const items = [...read.walk()]
  const requests = items.flatMap((item) => ('request' in item ? [item.request] : []))
  return { requests, verdicts: items.filter((item): item is SpecVerdict => !('request' in item)) }
}

export function tempDir(): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ln-action-unit-')))
}

/** A fresh directory holding `data/x` (a file) and `data/dir`: what the plan and apply tests link to. */
export function dataWorkspace(): string {
  const ws = tempDir()
  fs.mkdirSync(path.join(ws, 'data/dir'), { recursive: true })
  fs.writeFileSync(path.join(ws, 'data/x'), 'x')
  return ws
}

/** The settings every input at its default gives, with `ws` as working-directory. */
export function settingsFor(ws: string, more: Partial<Settings> = {}): Settings {
  return {
    defaults: { ...DEFAULTS, state: INPUT_DEFAULTS.state },
    backupSuffix: INPUT_DEFAULTS.backupSuffix,
    createParents: INPUT_DEFAULTS.createParents,
    workingDirectory: ws,
    confine: INPUT_DEFAULTS.confine,
    dangling: INPUT_DEFAULTS.dangling,
    dryRun: INPUT_DEFAULTS.dryRun,
    failOnError: INPUT_DEFAULTS.failOnError,
    timeoutMs: INPUT_DEFAULTS.timeout * 1000,
    summary: INPUT_DEFAULTS.summary,
    cleanup: INPUT_DEFAULTS.cleanup,
    ...more
  }
}

/**
 * An NTFS `C:\\ws` over an in-memory model, cleanup on: where the Windows undo tests make their links. The suite
 * passes win32's platform (helpers name none: portability.test.ts).
 */
export function windowsCleanupContext(win32: Platform, ops: FsOps, overrides: ContextOverrides = {}): ApplyContext {
  const NTFS = { type: 'NTFS', mountPoint: 'C:\\', source: '', options: ['fixed'] }
  const base = context('C:\\ws', {
    platform: win32,
    ops,
    realWorkingDirectory: 'C:\\ws',
    detector: { forPath: () => NTFS },
    ...overrides
  })
  return { ...base, settings: { ...base.settings, cleanup: true } }
}

/** Make each plan, then let go of what the slice used (the directories copies went aside into), as the executors do. */
export function makeAll(plans: LinkPlan[], ctx: ApplyContext): LinkResult[] {
  const results = plans.map((p) => makeLink(p, ctx))
  closeRooms(ctx)
  return results
}
