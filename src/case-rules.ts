// Whether each volume tells names apart by case: from its type where that settles it (families.ts), otherwise by
// looking up one name of the link's directory with its case swapped. Read only, so a dry run does it too; once per
// volume; never on a share that may hang, nor through a symlink (there the type or the OS's usual rule decides).
import { caseRuleOf, mayFoldOtherwise } from './families.js'
import type { FsOps } from './fsops.js'
import type { FilesystemInfo } from './model.js'
import { mayLieBelow, rootsWhere, type FilesystemDetector } from './mounts.js'
import { pathKey, type CaseVolume, type Platform } from './platform.js'

/** Without `ops` nothing is probed, so nothing can hang: a share worker's lanes pass none. */
export type CaseRuleOptions = {
  /** Volumes already decided elsewhere (the action, for a share worker's lanes), by their root. */
  known?: CaseVolume[]
} & (
  | {
      /** The calls the probe makes. */
      ops: Pick<FsOps, 'readdir' | 'lstat'>
      /** A path on a share that may hang: its volume is never looked at from this process. */
      mayHang: (absPath: string) => boolean
    }
  | { ops?: undefined; mayHang?: undefined }
)

/** ASCII letters only: every filesystem that ignores case folds those. */
function swapCase(name: string): string {
  return name.replace(/[A-Za-z]/g, (c) => (c <= 'Z' ? c.toLowerCase() : c.toUpperCase()))
}

/**
 * Whether `dir` ignores case: one of its names, spelled with the case of its letters swapped and not itself listed,
 * is found or not. Not by device and inode: FUSE filesystems give each spelling its own inode (exfat-fuse, fusefat).
 * Undefined where the directory cannot be read or has no such name.
 */
export function probeCase(dir: string, ops: Pick<FsOps, 'readdir' | 'lstat'>, platform: Platform): boolean | undefined {
  let names: string[]
  try {
    names = ops.readdir(dir)
  } catch {
    return undefined
  }
  const listed = new Set(names)
  for (const name of names) {
    // Listed: nothing to learn (a name without letters is its own swap).
    const swapped = swapCase(name)
    if (listed.has(swapped)) continue
    try {
      return ops.lstat(platform.path.join(dir, swapped)) !== undefined
    } catch {
      // unreadable (EACCES...): another name may tell
    }
  }
  return undefined
}

/**
 * Where to look, nearest first: the real directories from the volume's root (as the mount table spells it: a real
 * directory on that volume) down towards the path, each one a directory by lstat, its parents having been so too.
 * The walk stops before a symlink, which may lead to another volume or to a share that hangs, and goes down only
 * where the path is spelled below the root as the table spells it (not through a firmlink, nor in another case).
 */
function directoriesToProbe(absPath: string, root: string, platform: Platform, ops: Pick<FsOps, 'lstat'>): string[] {
  const { path } = platform
  const dirs = [root]
  const below = absPath.startsWith(root) ? absPath.slice(root.length) : ''
  for (const name of below.split(path.sep).filter(Boolean)) {
    const next = path.join(dirs[dirs.length - 1], name)
    try {
      if (!ops.lstat(next)?.isDirectory()) break
    } catch {
      break
    }
    dirs.push(next)
  }
  return dirs.reverse()
}

function ignoresCase(fs: FilesystemInfo, absPath: string, platform: Platform, options: CaseRuleOptions): boolean {
  const rule = caseRuleOf(fs.type, fs.options, platform.name)
  if (rule !== 'probe') return rule === 'usual' ? platform.usuallyIgnoresCase : rule === 'insensitive'
  if (!options.ops || options.mayHang(absPath)) return platform.usuallyIgnoresCase
  for (const dir of directoriesToProbe(absPath, fs.mountPoint, platform, options.ops)) {
    const found = probeCase(dir, options.ops, platform)
    if (found !== undefined) return found
  }
  return platform.usuallyIgnoresCase
}

/**
 * The roots (as keys) of the mounts and known volumes that may compare names otherwise than the OS usually does;
 * undefined where the mount table cannot tell (every path is then looked up).
 */
function unusualRoots(
  platform: Platform,
  detector: FilesystemDetector,
  known: CaseVolume[] = []
): string[] | undefined {
  const { name, usuallyIgnoresCase: usual } = platform
  const mounts = rootsWhere(detector, platform, (fs) => mayFoldOtherwise(fs.type, fs.options, name, usual))
  const volumes = known.filter((v) => v.ignoresCase !== usual).map((v) => pathKey(platform, v.root))
  return mounts && [...mounts, ...volumes]
}

/**
 * The platform with each volume's own case rule, decided at the first path asked about on it. `detector` must be
 * made with a platform of the usual rule: mount points are matched by it.
 */
export function withVolumeCaseRules(
  platform: Platform,
  detector: FilesystemDetector,
  options: CaseRuleOptions
): Platform {
  // The detector hands out one FilesystemInfo per mount or volume.
  const volumes = new Map<FilesystemInfo, CaseVolume>()
  // A path outside every mount that may fold otherwise takes the usual rule with no lookup: each link asks about its
  // PATH and TARGET several times, and on most runners only a small FAT /boot/efi is such a mount.
  const unusual = unusualRoots(platform, detector, options.known)
  const usual: CaseVolume = { root: '', ignoresCase: platform.usuallyIgnoresCase }
  const volumeAt = (absPath: string): CaseVolume => {
    if (!mayLieBelow(platform, unusual, absPath)) return usual
    const fs = detector.forPath(absPath)
    let volume = volumes.get(fs)
    if (!volume) {
      const known = options.known?.find((v) => v.root === fs.mountPoint)
      volume = known ?? { root: fs.mountPoint, ignoresCase: ignoresCase(fs, absPath, platform, options) }
      volumes.set(fs, volume)
    }
    return volume
  }
  return { ...platform, caseRules: { volumeAt, decided: () => [...volumes.values()] } }
}
