// What the post step does for one link the main step made (`cleanup: true`): only where PATH is still exactly what
// was made, remove it, and put back what it replaced (from its backup, or a replaced link from its recorded text).
// Anything changed since is kept, with a warning. The same code identifies what the main step made.
import { createHash } from 'node:crypto'
import type { Stats } from 'node:fs'
import { moveIfFree, moveToFree, takenError, type Moving } from './claim.js'
import { errnoCode, quietly } from './errors.js'
import { removeEntry, sameFile, type FsOps } from './fsops.js'
import type { Identity, Status, UndoEntry } from './model.js'
import { tempName } from './names.js'
import { parentChange, removeMadeDirs, underParent } from './parent.js'
import { kindFromText } from './mounts-windows.js'
import { pathKey, sameLinkTarget, type Platform } from './platform.js'

/** Everything below a copied directory, in one digest: names, types, link texts and file contents. */
function treeOf(dir: string, ops: FsOps, platform: Platform): string {
  const hash = createHash('sha256')
  const walk = (d: string, rel: string): void => {
    for (const name of ops.readdir(d).sort()) {
      const p = platform.path.join(d, name)
      const s = ops.lstat(p)
      if (!s) continue
      const what = s.isDirectory() ? 'd' : s.isSymbolicLink() ? `l${ops.readlink(p)}` : `f${ops.contentHash(p)}`
      hash.update(`${rel}/${name}\0${what}\n`)
      if (s.isDirectory()) walk(p, `${rel}/${name}`)
    }
  }
  walk(dir, '')
  return hash.digest('hex')
}

/**
 * What is at p now, in the terms the post step compares; undefined where nothing is. With `content`, what only the
 * same data has as well: a file's hash, a directory's tree, and the birth time where the filesystem keeps one.
 */
export function identify(p: string, ops: FsOps, platform: Platform, content = false): Identity | undefined {
  const s = ops.lstat(p)
  if (!s) return undefined
  if (s.isSymbolicLink()) return { link: ops.readlink(p) }
  const { dev, ino, size } = s
  if (!content) return { dev, ino, size }
  const born = s.birthtimeMs > 0 ? { birthtimeMs: s.birthtimeMs } : {}
  const data = s.isDirectory() ? { tree: treeOf(p, ops, platform) } : { hash: ops.contentHash(p) }
  return { dev, ino, size, ...born, ...data }
}

/**
 * p still is what was recorded: a link by its text; anything else by its content where that was recorded, and by its
 * inode (and birth time) where inode numbers are the file's own. A reused inode number (ext4 gives a deleted file's
 * number to the next) passes none of content, birth time and size together; where inodes prove nothing (FUSE
 * shares) the content alone decides, and without a recorded content nothing does: kept.
 */
function isStill(p: string, s: Stats, was: Identity, ops: FsOps, platform: Platform, byInode: boolean): boolean {
  if (was.link !== undefined) {
    if (!s.isSymbolicLink()) return false
    const text = ops.readlink(p)
    return sameLinkTarget(platform, p, text, was.link) && sameKind(p, text, was, ops, platform)
  }
  if (s.isSymbolicLink()) return false
  if (byInode && (s.dev !== was.dev || s.ino !== was.ino)) return false
  if (byInode && was.birthtimeMs !== undefined && s.birthtimeMs !== was.birthtimeMs) return false
  if (was.tree !== undefined) return s.isDirectory() && treeOf(p, ops, platform) === was.tree
  if (was.hash !== undefined) return s.isFile() && s.size === was.size && ops.contentHash(p) === was.hash
  return byInode // a link that sshfs -o follow_symlinks shows as what it leads to: its inode is all there is
}

/**
 * Windows: the link at p is still of the kind made, where that was recorded: a junction swapped in with the text of
 * the step's directory link is not the step's. A relative text that leads somewhere tells without PowerShell.
 */
function sameKind(p: string, text: string, was: Identity, ops: FsOps, platform: Platform): boolean {
  if (!platform.isWindows || was.type === undefined) return true
  return (
    (kindFromText(
      text,
      quietly(() => ops.stat(p))
    ) ?? ops.linkKinds([p])[0]) === was.type
  )
}

/**
 * A hard link goes only while PATH and the file it was made a name of are still one file, so its content keeps a
 * name: both present, same device and inode. Not what was recorded of PATH: TARGET rewritten as a new file leaves
 * PATH the only name of the old content, under the inode recorded. No change time either: a write or chmod on TARGET
 * changes it. Where inode numbers prove nothing (FUSE shares), equal bytes are the proof.
 */
function isStillHardLink(p: string, s: Stats, entry: UndoEntry, ops: FsOps, platform: Platform): boolean {
  const sourcePath = entry.source ?? entry.target
  const source = ops.lstat(sourcePath)
  if (!source?.isFile() || !s.isFile()) return false
  // One name reached twice is not two names: a parent of TARGET swapped for a link to PATH's directory.
  if (samePlace(sourcePath, p, ops, platform)) return false
  if (entry.share) return ops.contentHash(p) === ops.contentHash(sourcePath)
  return s.nlink > 1 && sameFile(s, source)
}

/** a and b are one name, their symlinked parents resolved; where that cannot be told, taken to be (kept). */
function samePlace(a: string, b: string, ops: FsOps, platform: Platform): boolean {
  return quietly(() => pathKey(platform, ops.realpath(a)) === pathKey(platform, ops.realpath(b))) ?? true
}

export interface Undone {
  status: Extract<Status, 'removed' | 'restored' | 'kept' | 'unchanged'>
  message: string
  warnings: string[]
}

/**
 * A link with `text`, of its Windows kind, put where `p` is: made under a temporary name (names.ts: swept if
 * left behind), then renamed over p.
 */
function putLinkBack(p: string, was: Identity, ops: FsOps, platform: Platform, warnings: string[]): void {
  const temp = tempName(platform.path.dirname(p), platform.path)
  ops.symlink(was.link!, temp, platform.isWindows ? (was.type ?? 'file') : undefined)
  try {
    renameOver(temp, p, ops, platform, warnings)
  } catch (error) {
    ops.unlink(temp)
    throw error
  }
}

/**
 * Rename `from` over p, the step's own link. Windows refuses (EPERM) where either is a directory link or junction,
 * dangling or not (MoveFileExW cannot replace a directory; libuv says EPERM for ERROR_ACCESS_DENIED): there p is
 * removed first (libuv's fs__unlink removes a directory link or junction too, src/win/fs.c), and the result says it
 * was not atomic.
 */
function renameOver(from: string, p: string, ops: FsOps, platform: Platform, warnings: string[]): void {
  // rename(2) puts neither a directory over a link nor a link over a directory (a copy a restore replaced). Where
  // p went meanwhile, `from` simply goes in.
  const here = ops.lstat(p)
  if (here && here.isDirectory() !== ops.lstat(from)?.isDirectory())
    return renameOverCopy(from, p, here.isDirectory(), ops, platform, warnings)
  try {
    return ops.rename(from, p)
  } catch (error) {
    if (!platform.isWindows || errnoCode(error) !== 'EPERM') throw error
  }
  ops.unlink(p)
  ops.rename(from, p)
  warnings.push(`Windows cannot put a link back over ${p} in one step (not atomic): it was removed, then renamed.`)
}

/**
 * Rename `from` where p, the step's own (proven so: a copied tree, or the link that replaced a copied directory;
 * `isDirectory`: which), is: rename(2) cannot put a link over a directory (EISDIR; Windows EPERM), nor a directory
 * over a link (ENOTDIR). p goes aside under a temporary name, `from` takes its place, then p is removed; where `from`
 * cannot move in, p goes back, and where it cannot either, it goes (it was to go, and a temporary name would hide it),
 * the failure to move `from` in being the one said. No move replaces what another process put at its name meanwhile
 * (claim.ts). Not atomic: said.
 */
function renameOverCopy(
  from: string,
  p: string,
  isDirectory: boolean,
  ops: FsOps,
  platform: Platform,
  warnings: string[]
): void {
  // What is not the directory is a link, or a file (a backup of one): its placeholder then leads to it.
  const [pIs, fromIs]: Moving[] = isDirectory ? ['directory', 'link'] : ['link', 'directory']
  const aside = moveToFree(p, pIs, () => tempName(platform.path.dirname(p), platform.path), ops, platform)
  try {
    if (!moveIfFree(from, p, fromIs, ops, platform)) throw takenError(p)
  } catch (error) {
    if (!quietly(() => moveIfFree(aside, p, pIs, ops, platform))) removeEntry(aside, ops, platform.path)
    throw error
  }
  removeEntry(aside, ops, platform.path)
  warnings.push(`${p} was moved aside, what it replaced put back, then removed (not atomic).`)
}

/**
 * Undo one link, or say why it was left, then remove the directories made for it that its undo left empty. Only
 * through PATH's real directory, while the chain still leads there. Throws the errno of a call that failed.
 */
export function undo(entry: UndoEntry, ops: FsOps, platform: Platform): Undone {
  const backupLeft = entry.before?.backup ? ` Its backup ${entry.before.backup} is left where it is.` : ''
  const moved = parentChange(entry.path, entry.parent, ops, platform, !entry.share)
  if (moved?.gone)
    return { status: 'unchanged', message: `Nothing is at ${entry.path} any more: ${moved.words}.`, warnings: [] }
  if (moved) {
    const why = `${entry.path} was kept: ${moved.words} since this job's ln-action step made the link.${backupLeft}`
    return { status: 'kept', message: '', warnings: [why] }
  }
  const undone = undoAt(underParent(entry.path, entry.parent, platform), entry, backupLeft, ops, platform)
  if (!entry.dirs || undone.status === 'kept') return undone
  const removed = removeMadeDirs(entry.dirs, ops, platform, !entry.share)
  if (removed.length === 0) return undone
  const also = `Removed the directory the step made for it, now empty: ${removed.join(', ')}.`
  return { ...undone, message: [undone.message, also].filter(Boolean).join(' ') }
}

/** Undo the link at p, PATH under its real directory. */
function undoAt(p: string, entry: UndoEntry, backupLeft: string, ops: FsOps, platform: Platform): Undone {
  const { before } = entry
  const warnings: string[] = []
  const at = ops.lstat(p)
  if (!at) return { status: 'unchanged', message: `Nothing is at ${entry.path} any more.${backupLeft}`, warnings }
  const still =
    entry.kind === 'hardlink'
      ? isStillHardLink(p, at, entry, ops, platform)
      : isStill(p, at, entry.made, ops, platform, !entry.share)
  if (!still) {
    warnings.push(`${entry.path} changed since this job's ln-action step made it: kept as it is now.${backupLeft}`)
    return { status: 'kept', message: '', warnings }
  }
  const backupAt = before?.backup && underParent(before.backup, entry.parent, platform)
  const backup = backupAt && before.backupIs && ops.lstat(backupAt)
  if (backupAt && backup && isStill(backupAt, backup, before.backupIs!, ops, platform, !entry.share)) {
    renameOver(backupAt, p, ops, platform, warnings)
    return { status: 'restored', message: `Put back from its backup ${before.backup}.`, warnings }
  }
  if (before?.backup) warnings.push(`The backup ${before.backup} changed or went since the step made it: not used.`)
  if (before?.link !== undefined) {
    putLinkBack(p, before, ops, platform, warnings)
    return { status: 'restored', message: `Put back the link it replaced, to '${before.link}'.`, warnings }
  }
  removeEntry(p, ops, platform.path)
  if (before)
    warnings.push(`${entry.path} replaced a file that cannot be put back: there is no backup (set backup-suffix).`)
  return { status: 'removed', message: '', warnings }
}
