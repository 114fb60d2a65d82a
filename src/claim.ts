// Moving an entry to a name of our choosing (a backup, a copy moved aside, a copy put back) without replacing what is
// there. rename(2) silently replaces a file, a link or an empty directory at its destination, and so does libuv's
// rename on Windows (MoveFileExW with MOVEFILE_REPLACE_EXISTING, src/win/fs.c fs__rename): a name found free by
// lstat may be taken by another process before the rename, and what it put there would be lost. Node has no
// renameat2(RENAME_NOREPLACE), so the name is claimed first, by a call that fails with EEXIST where it is taken, and
// only then renamed onto; a taken name passes to the next.
import type { Stats } from 'node:fs'
import { errnoCode, NOT_IMPLEMENTED, quietly } from './errors.js'
import { sameFile, type FsOps } from './fsops.js'
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
    renameOrMoved(from, to, ops)
  } catch (error) {
    if (!NOT_OVER_DIRECTORY.includes(errnoCode(error))) {
      quietly(() => ops.rmdir(to))
      throw error
    }
    return unclaimed(to, error, ops) && renameRefusingTaken(from, to, ops)
  }
  return true
}

/** What rmdir answers where our directory is not ours alone any more: filled (ENOTEMPTY, EEXIST) or gone. */
const CLAIM_TAKEN = ['ENOTEMPTY', 'EEXIST', 'ENOENT']

/**
 * Our empty directory at `to` removed after `refused` (the rename onto it): false where another process has the
 * name now. Any other failure (EBUSY) is thrown: passing on would leave one more empty directory at each name tried.
 */
function unclaimed(to: string, refused: unknown, ops: FsOps): boolean {
  try {
    ops.rmdir(to)
    return true
  } catch (error) {
    const code = errnoCode(error)
    if (CLAIM_TAKEN.includes(code)) return false
    const why = `the empty directory made to claim the name (the rename onto it was refused: ${errnoCode(refused)})`
    throw Object.assign(new Error(`${code}: cannot remove ${why}; it is left, and no other name tried, '${to}'`), {
      code,
      errno: (error as NodeJS.ErrnoException).errno,
      syscall: 'rmdir',
      path: to
    })
  }
}

/**
 * rename(2), done also where it answered an error but `from` is gone and `to` holds its inode: NFS answers a
 * retransmitted rename that already happened with ENOENT.
 */
export function renameOrMoved(from: string, to: string, ops: FsOps, moving = ops.lstat(from)): void {
  try {
    ops.rename(from, to)
  } catch (error) {
    const at = quietly(() => ops.lstat(to))
    const moved = moving && at && sameFile(at, moving) && !quietly(() => ops.lstat(from))
    if (!moved) throw error
  }
}

/**
 * `from` renamed over a placeholder of ours at `to`; Windows: see renameRefusingTaken. What moves is looked at once,
 * before the placeholder is made: for its text, and to know it at `to` after a rename that answered an error.
 */
function overPlaceholder(from: string, to: string, moving: Moving, ops: FsOps, platform: Platform): boolean {
  const found = ops.lstat(from)
  const text = platform.isWindows ? '' : placeholderText(from, to, { moving, found }, ops, platform)
  const held = placeholder(to, text, ops, platform)
  if (!held) return false
  try {
    renameOrMoved(from, to, ops, found)
  } catch (error) {
    dropPlaceholder(to, held, ops)
    if (platform.isWindows && errnoCode(error) === 'EPERM' && namesDirectory(from, ops))
      return renameRefusingTaken(from, to, ops)
    throw error
  }
  return true
}

/**
 * The text of the link that holds `to` off Windows: a link's own, what the name holds after the rename anyway (s3fs,
 * which serves link texts from a cache, then reads back the right one); else one to `from`. A text that leads nowhere
 * is replaced by `.`: sshfs -o follow_symlinks makes such a link yet answers ENOENT, and then shows nothing at the
 * name, so the link could neither be told ours nor removed (lab/FINDINGS.md).
 */
function placeholderText(from: string, to: string, what: MovingNow, ops: FsOps, platform: Platform): string {
  const { path } = platform
  const own = what.moving === 'link' ? quietly(() => ops.readlink(from)) : undefined
  const text = own ?? path.relative(path.dirname(to), from)
  // A text to `from` leads somewhere where `from` was found and is no link: only another text is followed to know.
  const leads = own === undefined && what.found !== undefined && !what.found.isSymbolicLink()
  return leads || quietly(() => ops.stat(path.resolve(path.dirname(to), text))) ? text : '.'
}

/** What moves, as the caller named it and as found (lstat) just before the placeholder. */
interface MovingNow {
  moving: Moving
  found: Stats | undefined
}

/** What symlink() answers where no link can be made at all (FAT: ENOSYS, EPERM; SMB without them: EOPNOTSUPP). */
const NO_LINKS = [...NOT_IMPLEMENTED, 'EPERM']

/**
 * Hold `to` until the rename: what holds it, as made (its kind and inode), or undefined where the name is taken. Off
 * Windows, a link with `text`: whoever opens `to` meanwhile reaches what it will reach just after the rename. Where no
 * link can be made, and on Windows (where a link needs a privilege), an empty file made with O_EXCL: nothing that was
 * there is replaced, but a writer that opens it without O_EXCL (a shell's `>`) in the moment before the rename loses
 * what it wrote.
 */
function placeholder(to: string, text: string, ops: FsOps, platform: Platform): Stats | undefined {
  const linked = platform.isWindows ? false : linkHolds(to, text, ops, platform)
  if (linked === 'taken' || (!linked && !claimed(() => ops.writeFile(to, '')))) return undefined
  return ops.lstat(to)
}

/** Whether a link with `text` made at `to` holds it: 'taken' where the name is, false where no link could be made. */
function linkHolds(to: string, text: string, ops: FsOps, platform: Platform): boolean | 'taken' {
  try {
    ops.symlink(text, to)
    return true
  } catch (error) {
    const code = errnoCode(error)
    if (code === 'EEXIST') return 'taken'
    if (NO_LINKS.includes(code)) return false
    // A share may make the link and answer an error all the same (sshfs -o follow_symlinks: EIO), but what is at the
    // name now may have come from another process meanwhile: ours only where it is shown to be. Else the empty file
    // is tried, which passes on where the name is taken.
    return isLinkWithText(to, text, ops) || (code === 'EIO' && showsWhereTextLeads(to, text, ops, platform))
  }
}

/** A link at `to` with `text`: ours, or one that leads where ours would, so that renaming over it loses nothing. */
function isLinkWithText(to: string, text: string, ops: FsOps): boolean {
  return quietly(() => ops.lstat(to))?.isSymbolicLink() === true && quietly(() => ops.readlink(to)) === text
}

/**
 * sshfs -o follow_symlinks: the link shows as what it leads to (lstat gives the target's type, readlink EINVAL;
 * lab/FINDINGS.md). Ours where `to` shows the very entry `text` leads to: its inode, or where sshfs numbers each name
 * apart (no -o use_ino), all the server keeps of one inode, and a file's bytes. Another process's entry that passes
 * that holds what the rename puts there anyway; a directory is never replaced by the link or file that moves.
 */
function showsWhereTextLeads(to: string, text: string, ops: FsOps, platform: Platform): boolean {
  const end = platform.path.resolve(platform.path.dirname(to), text)
  const [at, led] = [quietly(() => ops.lstat(to)), quietly(() => ops.stat(end))]
  if (!at || !led || at.isSymbolicLink() || at.dev !== led.dev) return false
  if (at.ino === led.ino) return true
  const kept = (['mode', 'size', 'nlink', 'uid', 'gid', 'mtimeMs'] as const).every((key) => at[key] === led[key])
  return kept && (!at.isFile() || quietly(() => ops.sameBytes(end, to)) === true)
}

/** After a failed rename: the placeholder goes only while it still is the entry made (kind, inode, size, ctime). */
function dropPlaceholder(to: string, held: Stats, ops: FsOps): void {
  const at = quietly(() => ops.lstat(to))
  if (at && sameEntry(at, held)) quietly(() => ops.unlink(to))
}

/** One entry, unchanged: a name another process put in its place, or wrote into, differs in one of these. */
function sameEntry(a: Stats, b: Stats): boolean {
  const kinds = (s: Stats): boolean[] => [s.isSymbolicLink(), s.isFile(), s.isDirectory()]
  const same = (['dev', 'ino', 'size', 'ctimeMs'] as const).every((key) => a[key] === b[key])
  return same && kinds(a).every((kind, i) => kind === kinds(b)[i])
}

/**
 * Windows: `from` is what MoveFileExW puts over nothing: a directory, a directory symlink or a junction, as found now
 * (a link's kind is asked of PowerShell). A file or file symlink it puts over a file: not renamed without a claim.
 */
function namesDirectory(from: string, ops: FsOps): boolean {
  if (quietly(() => ops.lstat(from))?.isDirectory()) return true
  const kind = quietly(() => ops.linkKinds([from])[0])
  return kind === 'dir' || kind === 'junction'
}

/**
 * The rename alone, where it can replace no data: a directory renamed (rename(2) replaces at most an empty one), and
 * on Windows a directory, a directory symlink or a junction, which MoveFileExW with MOVEFILE_REPLACE_EXISTING "cannot"
 * put over anything (Microsoft's reference; ERROR_ACCESS_DENIED, which libuv calls EPERM). A refusal with something
 * now at `to` (rclone says EEXIST) means the name is taken.
 */
function renameRefusingTaken(from: string, to: string, ops: FsOps): boolean {
  try {
    renameOrMoved(from, to, ops)
  } catch (error) {
    if (ops.lstat(to)) return false
    throw error
  }
  return true
}
