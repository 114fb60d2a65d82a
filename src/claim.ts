// Moving an entry to a name of our choosing (a backup, a copy moved aside, a copy put back) without replacing what is
// there. rename(2) silently replaces a file, a link or an empty directory at its destination, and so does libuv's
// rename on Windows (MoveFileExW with MOVEFILE_REPLACE_EXISTING, src/win/fs.c fs__rename): a name found free by
// lstat may be taken by another process before the rename, and what it put there would be lost. Node has no
// renameat2(RENAME_NOREPLACE), so the name is claimed first, by a call that fails with EEXIST where it is taken, and
// only then renamed onto; a taken name passes to the next.
import { errnoCode, NOT_IMPLEMENTED, quietly } from './errors.js'
import type { FsOps } from './fsops.js'
import type { Platform } from './platform.js'

/** Names tried before giving up: more backups than a PATH gets, and an end where a filesystem says EEXIST to all. */
const MOST_NAMES = 10_000

/** The EEXIST of a name that was taken, as fs would throw it: where no call of ours said so itself. */
export function takenError(name: string, why = 'taken'): NodeJS.ErrnoException {
  return Object.assign(new Error(`EEXIST: ${why}, '${name}'`), { code: 'EEXIST', path: name })
}

/** Whether `make` made its new name: false where the name was taken (EEXIST); any other failure is thrown. */
export function claimed(make: () => void): boolean {
  try {
    make()
    return true
  } catch (error) {
    if (errnoCode(error) === 'EEXIST') return false
    throw error
  }
}

/** The first of nameAt(0), nameAt(1)... that `claim` takes (true); EEXIST once MOST_NAMES names were taken. */
export function firstFree(nameAt: (n: number) => string, claim: (name: string) => boolean): string {
  let name = ''
  for (let n = 0; n < MOST_NAMES; n++) if (claim((name = nameAt(n)))) return name
  throw takenError(name, `the last of ${MOST_NAMES} names tried is taken`)
}

/**
 * What moves, as the caller found it: a directory, a symbolic link (or what may be one), or a file. Where that is
 * wrong about a directory, rename(2) refuses the other kind (ENOTDIR, EISDIR) and nothing moves.
 */
export type Moving = 'directory' | 'link' | 'file'

/** Move `from` to the first free name of nameAt(0), nameAt(1)...; returns the name it took. */
export function moveToFree(
  from: string,
  moving: Moving,
  nameAt: (n: number) => string,
  ops: FsOps,
  platform: Platform
): string {
  return firstFree(nameAt, (to) => moveIfFree(from, to, moving, ops, platform))
}

/**
 * Move `from` to `to` unless something is there; false where it is. POSIX: a directory goes onto an empty directory
 * made for it, anything else over a placeholder. Windows puts every kind over a placeholder first: a directory (or a
 * directory link) that MoveFileExW will not put there (EPERM) is renamed alone, which never replaces either.
 */
export function moveIfFree(from: string, to: string, moving: Moving, ops: FsOps, platform: Platform): boolean {
  if (moving === 'directory' && !platform.isWindows) return intoOwnDirectory(from, to, ops)
  return overPlaceholder(from, to, moving, ops, platform)
}

/**
 * What renaming a directory onto an empty one of ours gives where the filesystem will not do it (fusefat: EPERM,
 * rclone: EEXIST, davfs2: EINVAL; lab/FINDINGS.md), or where ours was filled meanwhile (ENOTEMPTY, EEXIST).
 */
const NOT_OVER_DIRECTORY = ['EPERM', 'EEXIST', 'EINVAL', 'ENOTEMPTY']

/**
 * An empty directory made at `to` (mkdir: EEXIST where taken), then `from` renamed onto it: rename(2) lets a
 * directory replace an empty one. Where the filesystem will not, ours goes and the directory is renamed alone, which
 * can replace at most an empty directory made meanwhile, never data. Ours filled meanwhile will not go: taken.
 */
function intoOwnDirectory(from: string, to: string, ops: FsOps): boolean {
  if (!claimed(() => ops.mkdir(to))) return false
  try {
    ops.rename(from, to)
  } catch (error) {
    const gone = quietly(() => {
      ops.rmdir(to)
      return true
    })
    if (!NOT_OVER_DIRECTORY.includes(errnoCode(error))) throw error
    if (!gone) return false
    ops.rename(from, to)
  }
  return true
}

/** `from` renamed over a placeholder of ours at `to`; Windows: see renameRefusingTaken. */
function overPlaceholder(from: string, to: string, moving: Moving, ops: FsOps, platform: Platform): boolean {
  const text = platform.isWindows ? '' : placeholderText(from, to, moving, ops, platform)
  if (!placeholder(to, text, ops, platform)) return false
  try {
    ops.rename(from, to)
  } catch (error) {
    dropPlaceholder(to, text, ops)
    if (platform.isWindows && errnoCode(error) === 'EPERM') return renameRefusingTaken(from, to, ops)
    throw error
  }
  return true
}

/**
 * The text of the link that holds `to` off Windows: a link's own, what the name holds after the rename anyway (s3fs,
 * which serves link texts from a cache, then reads back the right one); else one to `from`.
 */
function placeholderText(from: string, to: string, moving: Moving, ops: FsOps, platform: Platform): string {
  const own = moving === 'link' ? quietly(() => ops.readlink(from)) : undefined
  return own ?? platform.path.relative(platform.path.dirname(to), from)
}

/** What symlink() answers where no link can be made at all (FAT: ENOSYS, EPERM; SMB without them: EOPNOTSUPP). */
const NO_LINKS = [...NOT_IMPLEMENTED, 'EPERM']

/**
 * Hold `to` until the rename: false where it is taken. Off Windows, a link with `text`: whoever opens `to` meanwhile
 * reaches what it will reach just after the rename. Where no link can be made, and on Windows (where a link needs a
 * privilege), an empty file made with O_EXCL: nothing that was there is replaced, but a writer that opens it without
 * O_EXCL (a shell's `>`) in the moment before the rename loses what it wrote.
 */
function placeholder(to: string, text: string, ops: FsOps, platform: Platform): boolean {
  if (!platform.isWindows) {
    try {
      ops.symlink(text, to)
      return true
    } catch (error) {
      const code = errnoCode(error)
      if (code === 'EEXIST') return false
      // Not EEXIST: the name was free when the call reached the filesystem, so a link there now is ours, made by a
      // share that then answered an error (sshfs -o follow_symlinks: EIO, lab/FINDINGS.md). Where none is (rclone:
      // EIO), no link can be made: the file holds the name.
      if (!NO_LINKS.includes(code) && ops.lstat(to)) return true
    }
  }
  return claimed(() => ops.writeFile(to, ''))
}

/** After a failed rename: the placeholder goes only while it still is one (the link with `text`, or an empty file). */
function dropPlaceholder(to: string, text: string, ops: FsOps): void {
  const at = quietly(() => ops.lstat(to))
  const ours = at?.isSymbolicLink() ? quietly(() => ops.readlink(to)) === text : at?.isFile() && at.size === 0
  if (ours) quietly(() => ops.unlink(to))
}

/**
 * Windows: MoveFileExW "cannot be used if lpNewFileName or lpExistingFileName names a directory" with
 * MOVEFILE_REPLACE_EXISTING (Microsoft's reference): a directory, a directory symlink or a junction is put over
 * nothing (ERROR_ACCESS_DENIED, which libuv calls EPERM). So the rename alone is safe, and a refusal with something
 * now at `to` means the name is taken.
 */
function renameRefusingTaken(from: string, to: string, ops: FsOps): boolean {
  try {
    ops.rename(from, to)
  } catch (error) {
    if (ops.lstat(to)) return false
    throw error
  }
  return true
}
