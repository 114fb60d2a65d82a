// Which filesystem a path is on. Decided lexically (from the mount table; on Windows from the path's volume), so a
// hung share is never touched to find out; looked up once per mount or volume.
import { posix } from 'node:path'
import { familyOf } from './families.js'
import type { FilesystemInfo } from './model.js'
import { systemSources, type MountSources } from './mount-sources.js'
import type { MountEntry } from './mount-table.js'
import { firmlinkPaths, parseMacMounts, throughFirmlinks } from './mounts-macos.js'
import { lastTwoAnswers, lastTwoDirectories } from './last-answers.js'
import { own } from './own.js'
import { parseDriveInfo, uncShare } from './mounts-windows.js'
import { keyWithin, pathKey, resolvedKey, volumeOf, type Platform } from './platform.js'

export type { MountSources }

/** mountinfo escapes space, tab, newline and backslash as \ooo octal. */
function unescape(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)))
}

/**
 * Parse /proc/self/mountinfo (proc(5)):
 * `36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue`
 */
export function parseMountinfo(text: string): MountEntry[] {
  const mounts: MountEntry[] = []
  for (const line of text.split('\n')) {
    const fields = line.split(' ')
    const dash = fields.indexOf('-', 6)
    if (dash < 0 || fields.length < dash + 3) continue
    const options = new Set([...fields[5].split(','), ...(fields[dash + 3] ?? '').split(',')])
    options.delete('')
    const root = unescape(fields[3]) // the directory of the filesystem shown there: not `/` for a bind mount
    mounts.push({
      id: Number(fields[0]),
      device: fields[2],
      ...(root !== '/' ? { root } : {}),
      mountPoint: unescape(fields[4]),
      type: unescape(fields[dash + 1]),
      source: unescape(fields[dash + 2]),
      options: [...options]
    })
  }
  return mounts
}

/** The mount a path lies on: the longest mount point above it; of stacked mounts, the last one mounted. */
export function mountOf(mounts: MountEntry[], absPath: string, platform: Platform): MountEntry | undefined {
  return longestMount(keyMounts(mounts, platform), absPath, platform)
}

interface KeyedMount {
  mount: MountEntry
  key: string
}

/** Mount points as comparable keys, made once per table: every link is looked up against every mount. */
function keyMounts(mounts: MountEntry[], platform: Platform): KeyedMount[] {
  return mounts.map((mount) => ({ mount, key: pathKey(platform, mount.mountPoint) }))
}

function longestMount(mounts: KeyedMount[], absPath: string, platform: Platform): MountEntry | undefined {
  const key = pathKey(platform, absPath)
  let best: KeyedMount | undefined
  for (const keyed of mounts) {
    if (keyWithin(platform, keyed.key, key) && (!best || keyed.key.length >= best.key.length)) best = keyed
  }
  return best?.mount
}

const UNKNOWN_FS: FilesystemInfo = { type: 'unknown', mountPoint: '', source: '', options: [] }

export interface FilesystemDetector {
  /** `absPath` normalized, as path.resolve, realpath and dirname give it. */
  forPath(absPath: string): FilesystemInfo
  /** Every mount as the table shows it; absent where filesystems are found by the path alone (Windows' volumes). */
  table?(): FilesystemInfo[]
}

/** A FUSE daemon's name as mountinfo's `fuse.NAME` would give it: `/usr/sbin/mount.davfs` -> `davfs`. */
const daemonName = (argv0: string): string => posix.basename(argv0).replace(/^mount\./, '')

/** The command line of the process serving a FUSE mount point: one named `name`, or any that names a family. */
function daemonOf(processes: string[][], mountPoint: string, name?: string): string[] | undefined {
  return processes.find((argv) => {
    const own = daemonName(argv[0] ?? '')
    const fits = name ? own === name : familyOf(`fuse.${own}`) !== 'fuse'
    return fits && argv.slice(1).some((arg) => namesMountPoint(arg, mountPoint))
  })
}

/**
 * A FUSE daemon's own options, which the kernel's mount table does not have and which explain failures: `-o a,b`
 * (sshfs's follow_symlinks, s3fs's, bindfs's) and `--name[=value]` or `--name value` (rclone's links,
 * vfs-cache-mode=writes; a boolean flag may take the next word as its value, so options are matched by name).
 */
function daemonOptions(argv: string[]): string[] {
  return argv.flatMap((arg, i) => {
    const next = argv[i + 1] ?? ''
    if (arg === '-o') return next.split(',')
    if (/^-o./.test(arg)) return arg.slice(2).split(',')
    if (arg === '-l') return ['links'] // rclone's short form
    if (!arg.startsWith('--') || arg === '--') return []
    const option = arg.slice(2)
    return [option.includes('=') || next === '' || next.startsWith('-') ? option : `${option}=${next}`]
  })
}

/**
 * An sshfs argument naming this mount point: as mountinfo has it, or as typed (`./mnt`, `/mnt/x/`); a relative one
 * is taken to end the absolute path, since the process's working directory is not at hand (one that leads up, `..`
 * or `../x`, or is empty, ends no mount point as mountinfo writes it).
 */
function namesMountPoint(arg: string, mountPoint: string): boolean {
  if (arg.startsWith('-')) return false
  const typed = posix.normalize(arg).replace(/(.)\/+$/, '$1')
  return posix.isAbsolute(typed) ? typed === mountPoint : mountPoint.endsWith(`/${typed}`)
}

/**
 * A mount as the knowledge base wants to see it: the real format of a fuseblk device; for a bare `fuse` mount the
 * daemon behind it (bindfs, davfs2, whose source is its URL); a FUSE daemon's own options.
 */
function enrich(mount: MountEntry, sources: MountSources): FilesystemInfo {
  const info = basicInfo(mount)
  if (mount.type === 'fuseblk' && mount.source.startsWith('/dev/')) {
    const format = sources.blockDeviceType(mount.source)
    if (format) Object.assign(info, { type: format, driver: mount.type })
  }
  if (!mount.type.startsWith('fuse.') && mount.type !== 'fuse') return info
  // davfs2's source is its URL; other bare `fuse` mounts are named by the known daemon serving them.
  const davfs = mount.type === 'fuse' && /^https?:\/\//i.test(mount.source) ? 'davfs' : undefined
  const named = davfs ?? (mount.type.startsWith('fuse.') ? mount.type.slice('fuse.'.length) : undefined)
  const daemon = daemonOf(sources.processArgs(), mount.mountPoint, named)
  const own = named ?? (daemon && daemonName(daemon[0]))
  if (mount.type === 'fuse' && own) Object.assign(info, { type: `fuse.${own}`, driver: mount.type })
  if (daemon) info.options = [...new Set([...mount.options, ...daemonOptions(daemon)])]
  return info
}

/** The mount table of this platform, parsed; empty where there is none to read. */
function mountTable(platform: Platform, from: MountSources): MountEntry[] {
  if (platform.isMac) return parseMacMounts(from.mountTable())
  return platform.name === 'linux' ? parseMountinfo(from.mountTable()) : []
}

/** What one path is on: a key to look its details up once by, the details, and what to say when they cannot be had. */
interface Found {
  key: unknown
  details: () => FilesystemInfo
  plain: FilesystemInfo
}

function basicInfo(mount: MountEntry): FilesystemInfo {
  const { type, mountPoint, source, options, driver, root } = mount
  return { type, mountPoint, source, options, ...(driver && { driver }), ...(root ? { root } : {}) }
}

/** How to find what a path is on, and which paths start something of their own (a mount, a volume, a firmlink). */
interface Lookup {
  find(absPath: string): Found | undefined
  /** The path itself begins another filesystem than its directory may be on. */
  isBoundary(absPath: string): boolean
  /** Every mount of the table, where there is one. */
  table?(): FilesystemInfo[]
  /** Whether every entry of the directory is on the filesystem it is on (none begins another); asked where known. */
  entriesShare?(dir: string): boolean
}

/** Linux and macOS: the mount table, read at the first question. */
function tableLookup(platform: Platform, from: MountSources): Lookup {
  let mounts: MountEntry[] | undefined
  let keyed: KeyedMount[] = []
  let firmlinks: string[] = []
  let boundaries = new Set<string>()
  let holdingBoundaries = new Set<string>()
  const read = (): MountEntry[] => {
    if (mounts) return mounts
    try {
      mounts = mountTable(platform, from)
    } catch {
      mounts = []
    }
    keyed = keyMounts(mounts, platform)
    if (platform.isMac) firmlinks = firmlinkPaths(from.firmlinks())
    boundaries = new Set([...keyed.map((k) => k.key), ...firmlinks.map((f) => pathKey(platform, f))])
    holdingBoundaries = new Set([...boundaries].map((b) => platform.path.dirname(b)))
    return mounts
  }
  return {
    find: (absPath) => {
      const all = read()
      const lexical = longestMount(keyed, absPath, platform)
      const mount = platform.isMac ? throughFirmlinks(lexical, all, absPath, firmlinks, platform) : lexical
      return mount && { key: mount, details: () => enrich(mount, from), plain: basicInfo(mount) }
    },
    isBoundary: (absPath) => {
      read()
      return boundaries.has(resolvedKey(platform, absPath))
    },
    table: () => read().map(basicInfo),
    entriesShare: (dir) => {
      read()
      return !holdingBoundaries.has(resolvedKey(platform, dir))
    }
  }
}

/** Windows: the path's volume; a UNC share is SMB by its spelling, a drive is asked about once. */
function volumeLookup(platform: Platform, from: MountSources): Lookup {
  return {
    find: (absPath) => {
      const root = volumeOf(platform, absPath)
      if (!root) return undefined
      const plain = { ...UNKNOWN_FS, mountPoint: root }
      return { key: root, details: () => uncShare(root) ?? parseDriveInfo(root, from.driveInfo(root)), plain }
    },
    // A volume begins at its root, which is its own directory: no path below it begins another.
    isBoundary: () => false
  }
}

/**
 * The mount points (as keys) of the mounts the table shows with `property`; undefined where that cannot tell a path
 * that lies below none of them from one that does: no table (Windows' volumes), or on macOS one such mount (a
 * firmlink leads `/Users/...` onto the Data volume, which the path does not spell).
 */
export function rootsWhere(
  detector: FilesystemDetector,
  platform: Platform,
  property: (fs: FilesystemInfo) => boolean
): string[] | undefined {
  const roots = detector.table?.().filter(property)
  if (!roots || (platform.isMac && roots.length > 0)) return undefined
  return roots.map((fs) => pathKey(platform, fs.mountPoint))
}

/**
 * Whether `absPath` (normalized) may lie on one of the mounts rootsWhere found: undefined roots tell nothing. Asked
 * of every PATH and TARGET several times: a loop, not `some` with a closure made at each call.
 */
export function mayLieBelow(platform: Platform, roots: string[] | undefined, absPath: string): boolean {
  if (!roots) return true
  if (roots.length === 0) return false
  const key = resolvedKey(platform, absPath)
  for (let i = 0; i < roots.length; i++) if (keyWithin(platform, roots[i], key)) return true
  return false
}

/**
 * Finds each path's filesystem, asking about each mount or volume once. Never throws: what it cannot tell is `unknown`.
 * `known` filesystems are taken as given, by mount point, without asking (a share worker's share: the action has).
 */
export function createDetector(
  platform: Platform,
  sources: Partial<MountSources> = {},
  known: FilesystemInfo[] = []
): FilesystemDetector {
  const from: MountSources = { ...systemSources(platform), ...sources }
  const lookup = platform.isWindows ? volumeLookup(platform, from) : tableLookup(platform, from)
  const details = new Map<unknown, FilesystemInfo>()
  // Thousands of links share a few directories, and each asks several times (split, plan, apply): a path is on its
  // directory's filesystem unless it begins one itself, so each directory is looked up once.
  const answers = new Map<string, FilesystemInfo>()
  const answer = (absPath: string): FilesystemInfo => {
    const found = lookup.find(absPath)
    if (!found) return UNKNOWN_FS
    let info = details.get(found.key) ?? known.find((k) => k.mountPoint === found.plain.mountPoint)
    if (!info) {
      try {
        info = found.details()
      } catch {
        info = found.plain
      }
      details.set(found.key, info)
    }
    return info
  }
  const { table, entriesShare } = lookup
  const cached = (p: string): FilesystemInfo => {
    let info = answers.get(p)
    if (!info) answers.set(own(p), (info = answer(p)))
    return info
  }
  const forPath = (absPath: string): FilesystemInfo =>
    cached(lookup.isBoundary(absPath) ? absPath : platform.path.dirname(absPath))
  return {
    forPath: entriesShare ? lastTwoDirectories(platform.path.sep, forPath, entriesShare) : lastTwoAnswers(forPath),
    // As forPath answers: a filesystem known already stands for the table's mount at its mount point.
    table: table && (() => table().map((fs) => known.find((k) => k.mountPoint === fs.mountPoint) ?? fs))
  }
}
