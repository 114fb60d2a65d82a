// Which directory a path's name lives in, proven by the directory itself (device and inode) and not by the path's
// spelling: a later step may swap a parent for a symlink that leads elsewhere, out of the workspace too, and a name
// looked up through the new chain is then another file. Removal and cleanup act only where the chain still leads to
// the directory they recorded, and then through its real path.
import { errnoCode } from './errors.js'
import type { FsOps } from './fsops.js'
import type { ParentIdentity } from './model.js'
import { pathKey, type Platform } from './platform.js'

/** The real directory p's name is in, now; undefined where p's parent is gone (nothing of p's can be there). */
export function parentOf(p: string, ops: FsOps, platform: Platform): ParentIdentity | undefined {
  let real: string
  try {
    real = ops.realpath(platform.path.dirname(p))
  } catch (error) {
    if (['ENOENT', 'ENOTDIR'].includes(errnoCode(error))) return undefined
    throw error
  }
  const stats = ops.stat(real)
  if (!stats?.isDirectory()) return undefined
  return { real, dev: stats.dev, ino: stats.ino }
}

/** p as its real parent names it: the name in that directory, whatever the chain of p's spelling leads to later. */
export function underParent(p: string, parent: ParentIdentity, platform: Platform): string {
  return platform.path.join(parent.real, platform.path.basename(p))
}

const UNFOLLOWABLE = ['EPERM', 'ELOOP']

/**
 * In words, how the chain to p's parent no longer leads to the directory recorded; undefined while it does. Where
 * inode numbers are not the file's own (FUSE without use_ino numbers nodes as the kernel looks them up, and numbers
 * them anew once it forgets one: measured on sshfs, exFAT and FAT after drop_caches), only the real path can tell.
 */
export function parentChange(
  p: string,
  was: ParentIdentity,
  ops: FsOps,
  platform: Platform,
  byInode = true
): { gone: boolean; words: string } | undefined {
  const dir = platform.path.dirname(p)
  let now: ParentIdentity | undefined
  try {
    now = parentOf(p, ops, platform)
  } catch (error) {
    // A symlink swapped in that cannot be read (Debian's sshfs hides texts with `..` or absolute: EPERM) or a loop.
    const code = errnoCode(error)
    if (!UNFOLLOWABLE.includes(code)) throw error
    return { gone: false, words: `its directory ${dir} can no longer be followed (${code} from realpath())` }
  }
  if (!now) return { gone: true, words: `its directory ${dir} is gone` }
  if (pathKey(platform, now.real) !== pathKey(platform, was.real))
    return { gone: false, words: `its directory ${dir} now leads to ${now.real}, not ${was.real}` }
  if (byInode && (now.dev !== was.dev || now.ino !== was.ino))
    return { gone: false, words: `its directory ${was.real} is another directory now (another inode)` }
  return undefined
}
