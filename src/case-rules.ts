// Whether each volume tells names apart by case: from its type where that settles it (families.ts), otherwise by
// looking up one name of the link's directory with its case swapped. Read only, so a dry run does it too; once per
// volume; never on a share that may hang (there the type or the OS's usual rule decides).
import { caseRuleOf } from './families.js'
import type { FsOps } from './fsops.js'
import type { FilesystemInfo } from './model.js'
import type { FilesystemDetector } from './mounts.js'
import type { CaseVolume, Platform } from './platform.js'

export interface CaseRuleOptions {
  /** A path on a share that may hang: its volume is never looked at from this process. */
  mayHang: (absPath: string) => boolean
  /** The calls the probe makes; without them nothing is probed. */
  ops?: Pick<FsOps, 'readdir' | 'lstat'>
}

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
    const swapped = swapCase(name)
    if (swapped === name || listed.has(swapped)) continue
    try {
      return ops.lstat(platform.path.join(dir, swapped)) !== undefined
    } catch {
      // unreadable (EACCES...): another name may tell
    }
  }
  return undefined
}

/** Where to look, nearest first: the path itself (a directory, or not there yet), up to the volume's root. */
function directoriesUp(absPath: string, root: string, platform: Platform): string[] {
  const { path } = platform
  const dirs: string[] = []
  for (let dir = absPath; ; dir = path.dirname(dir)) {
    dirs.push(dir)
    if (dir.length <= root.length || path.dirname(dir) === dir) return dirs
  }
}

function ignoresCase(fs: FilesystemInfo, absPath: string, platform: Platform, options: CaseRuleOptions): boolean {
  const rule = caseRuleOf(fs.type, fs.options, platform.name)
  if (rule !== 'probe') return rule === 'insensitive'
  const { ops } = options
  if (!ops || options.mayHang(absPath)) return platform.usuallyIgnoresCase
  for (const dir of directoriesUp(absPath, fs.mountPoint, platform)) {
    const found = probeCase(dir, ops, platform)
    if (found !== undefined) return found
  }
  return platform.usuallyIgnoresCase
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
  const volumeAt = (absPath: string): CaseVolume => {
    const fs = detector.forPath(absPath)
    let volume = volumes.get(fs)
    if (!volume) {
      volume = { root: fs.mountPoint, ignoresCase: ignoresCase(fs, absPath, platform, options) }
      volumes.set(fs, volume)
    }
    return volume
  }
  return { ...platform, caseRules: { volumeAt } }
}
