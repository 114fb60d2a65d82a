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
  return identityOrNothing(platform.path.dirname(p), ops)
}

function identityOrNothing(dir: string, ops: FsOps): ParentIdentity | undefined {
  try {
    return directoryIdentity(dir, ops)
  } catch (error) {
    if (['ENOENT', 'ENOTDIR'].includes(errnoCode(error))) return undefined
    throw error
  }
}

/** The directory at dir itself, by its real path and inode; undefined where none is. */
export function directoryIdentity(dir: string, ops: FsOps): ParentIdentity | undefined {
  const real = ops.realpath(dir)
  const stats = ops.stat(real)
  return stats?.isDirectory() ? { real, dev: stats.dev, ino: stats.ino } : undefined
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
  byInode: boolean
): Change | undefined {
  return directoryChange(platform.path.dirname(p), was, ops, platform, byInode)
}

export interface Change {
  gone: boolean
  words: string
}

/** parentChange for the directory dir itself. */
function directoryChange(
  dir: string,
  was: ParentIdentity,
  ops: FsOps,
  platform: Platform,
  byInode: boolean
): Change | undefined {
  let now: ParentIdentity | undefined
  try {
    now = identityOrNothing(dir, ops)
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

/**
 * Remove the directories made for a link (outermost first in `dirs`), innermost first, each only while it is still
 * the one made (its real path and, where inodes prove it, its inode) and empty: rmdir never removes one that holds
 * anything. Stops at the first that stays; returns those removed.
 */
export function removeMadeDirs(dirs: ParentIdentity[], ops: FsOps, platform: Platform, byInode: boolean): string[] {
  const removed: string[] = []
  for (const dir of [...dirs].reverse()) {
    // Looked at first: fusefat answers rmdir of a full directory with EPERM, not ENOTEMPTY.
    if (directoryChange(dir.real, dir, ops, platform, byInode) || ops.readdir(dir.real).length > 0) break
    try {
      ops.rmdir(dir.real)
    } catch (error) {
      if (STAYS.includes(errnoCode(error))) break
      throw error
    }
    removed.push(dir.real)
  }
  return removed
}

/** rmdir's answers for a directory that holds something, or is gone. */
const STAYS = ['ENOTEMPTY', 'EEXIST', 'ENOENT']
