// The filesystem calls plan and apply make, behind one interface so tests can inject an errno and a
// worker process can run them on a share that may hang.
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import type { PlatformPath } from 'node:path'
import { errnoCode } from './errors.js'
import { askPowerShell } from './mount-sources.js'
import {
  forPowerShell,
  inputGroups,
  LINK_KINDS_SCRIPT,
  parseLinkKinds,
  type WindowsLinkType
} from './mounts-windows.js'
import { currentPlatform, type Platform } from './platform.js'

export interface FsOps {
  /** The entry itself, not what it points to; undefined when nothing is there. */
  lstat(p: string): fs.Stats | undefined
  /** What p leads to; undefined when nothing is there (or p is a dangling link). */
  stat(p: string): fs.Stats | undefined
  readlink(p: string): string
  realpath(p: string): string
  symlink(text: string, p: string, type?: 'file' | 'dir' | 'junction'): void
  link(existing: string, p: string): void
  rename(from: string, to: string): void
  unlink(p: string): void
  mkdir(p: string): void
  rmdir(p: string): void
  readdir(p: string): string[]
  /** Whether p leads to something (a dangling link leads to nothing); false also where that cannot be told. */
  exists(p: string): boolean
  /** Create a new file; fails when p exists. */
  writeFile(p: string, data: string): void
  /** A new file at `to` with the content, mode and times of the file `from` leads to; fails when `to` exists. */
  copyFile(from: string, to: string): void
  /** Give the directory `to` the mode and times of `from`: once its content is in, since each entry added moves mtime. */
  copyMeta(from: string, to: string): void
  /** SHA-256 of the bytes of the file at p; a link at p is not followed (O_NOFOLLOW where the OS has it). */
  contentHash(p: string): string
  /** Whether the files a and b lead to hold the same bytes: read side by side, stopping at the first difference. */
  sameBytes(a: string, b: string): boolean
  /**
   * Windows: what each link was made as (file or directory symlink, junction), in the order asked; undefined elsewhere
   * or where it cannot be read.
   */
  linkKinds(paths: string[]): (WindowsLinkType | undefined)[]
}

function missing(error: unknown): boolean {
  return errnoCode(error) === 'ENOENT'
}

export const nodeFs: FsOps = {
  lstat: (p) => fs.lstatSync(p, { throwIfNoEntry: false }),
  stat: (p) => {
    try {
      return fs.statSync(p)
    } catch (error) {
      if (missing(error)) return undefined
      throw error
    }
  },
  readlink: (p) => fs.readlinkSync(p),
  realpath: (p) => realpath(p),
  symlink: (text, p, type) => fs.symlinkSync(text, p, type),
  link: (existing, p) => fs.linkSync(existing, p),
  rename: (from, to) => fs.renameSync(from, to),
  unlink: (p) => fs.unlinkSync(p),
  mkdir: (p) => fs.mkdirSync(p),
  rmdir: (p) => fs.rmdirSync(p),
  readdir: (p) => fs.readdirSync(p),
  // access(2), as the real user (the runner's is the effective one too); any failure is false, and the caller's full
  // look asks again and says why.
  exists: (p) => fs.existsSync(p),
  writeFile: (p, data) => fs.writeFileSync(p, data, { flag: 'wx' }),
  copyFile: (from, to) => keepMeta(to, copyFileData(from, to)),
  copyMeta: (from, to) => keepMeta(to, fs.statSync(from)),
  linkKinds: (paths) => linkKindsOn(currentPlatform(), paths),
  contentHash: (p) => hashFile(p),
  sameBytes: (a, b) => sameBytes(a, b)
}

/** open(2)'s O_PATH (Linux): a name opened only to be where it is, not read; Node's fs.constants lacks it. */
const O_PATH = 0o10000000
/** Where Linux shows each descriptor's path; none elsewhere. */
const PROC_FDS = currentPlatform().name === 'linux' ? '/proc/self/fd' : ''

/**
 * realpath(3). glibc's reads each name of the path with readlink, each walked from the root again: 12 calls for a
 * TARGET 12 names deep, and a restore asks two for each copy it proves. On Linux the name, opened with O_PATH (nothing is
 * read and a FIFO does not block), says where it really is through /proc/self/fd (d_path), in five calls with the
 * check that what it says is that very file: d_path may name a pseudo-file (`pipe:[N]`), a removed one (` (deleted)`)
 * or one in a detached mount (umount -l) from that mount's root. Where it does not check out, where there is no
 * /proc, and wherever the path fails, realpath(3) answers, with its own errno.
 * `fds`: the directory of the process's descriptors (a test names another).
 */
export function realpath(p: string, fds = PROC_FDS): string {
  const fd = fds ? opened(p) : undefined
  if (fd === undefined) return fs.realpathSync.native(p)
  try {
    const real = fs.readlinkSync(`${fds}/${fd}`)
    if (real.startsWith('/') && sameFile(fs.fstatSync(fd), fs.lstatSync(real))) return real
  } catch {
    // Descriptors that cannot be read, a name that cannot be looked at: realpath(3) below.
  } finally {
    fs.closeSync(fd)
  }
  return fs.realpathSync.native(p)
}

/** Two looks at one file: the same device and inode (a hard link's two names, or a name and where it leads). */
export function sameFile(a: Pick<fs.Stats, 'dev' | 'ino'>, b: Pick<fs.Stats, 'dev' | 'ino'>): boolean {
  return a.dev === b.dev && a.ino === b.ino
}

function opened(p: string): number | undefined {
  try {
    return fs.openSync(p, O_PATH)
  } catch {
    return undefined
  }
}

/** sameBytes' two chunks, made once: a restore compares thousands of files, twice each, and fresh ones cost GC. */
const chunks = { a: Buffer.allocUnsafe(0), b: Buffer.allocUnsafe(0) }

/**
 * Chunk by chunk, both files open at once: a restore compares thousands of copies and most differ early or not at all.
 * `a` (the copy, looked at without following) is opened without following either; neither open waits (a FIFO swapped
 * in since the lstat would hang the step), and only two regular files compare.
 */
function sameBytes(a: string, b: string): boolean {
  const { O_RDONLY, O_NONBLOCK = 0, O_NOFOLLOW = 0 } = fs.constants
  const fa = fs.openSync(a, O_RDONLY | O_NONBLOCK | O_NOFOLLOW)
  try {
    const fb = fs.openSync(b, O_RDONLY | O_NONBLOCK)
    try {
      if (!fs.fstatSync(fa).isFile() || !fs.fstatSync(fb).isFile()) return false
      if (chunks.a.length === 0)
        Object.assign(chunks, { a: Buffer.allocUnsafe(1 << 16), b: Buffer.allocUnsafe(1 << 16) })
      const { a: bufA, b: bufB } = chunks
      for (;;) {
        const n = fs.readSync(fa, bufA, 0, bufA.length, null)
        if (n === 0) return fs.readSync(fb, bufB, 0, 1, null) === 0
        if (n !== readFully(fb, bufB, n) || !bufA.subarray(0, n).equals(bufB.subarray(0, n))) return false
      }
    } finally {
      fs.closeSync(fb)
    }
  } finally {
    fs.closeSync(fa)
  }
}

/** Read up to n bytes (a short read is not the end of a file); returns how many came. */
function readFully(fd: number, buffer: Buffer, n: number): number {
  let got = 0
  for (let r; got < n && (r = fs.readSync(fd, buffer, got, n - got, null)) > 0;) got += r
  return got
}

/** Read in chunks: a copied file may be large, and only its digest is kept. */
function hashFile(p: string): string {
  const hash = createHash('sha256')
  const fd = fs.openSync(p, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0))
  try {
    const buffer = Buffer.allocUnsafe(1 << 20)
    for (let n; (n = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0;) hash.update(buffer.subarray(0, n))
  } finally {
    fs.closeSync(fd)
  }
  return hash.digest('hex')
}

/** Only Windows fixes a link's kind apart from its text: elsewhere nothing is asked (`ask` is the seam for tests). */
export function linkKindsOn(platform: Platform, paths: string[], ask = askLinkKinds): (WindowsLinkType | undefined)[] {
  return platform.isWindows ? ask(paths) : paths.map(() => undefined)
}

/**
 * PowerShell's LinkType reads the reparse tag (a junction's IO_REPARSE_TAG_MOUNT_POINT). Each start costs a few
 * hundred ms, so the links are asked in as few calls as the environment's size allows, each given 10 s at most: it
 * cannot hang the action, and where it says nothing the caller falls back to what stat shows.
 */
export function askLinkKinds(paths: string[]): (WindowsLinkType | undefined)[] {
  return inputGroups(paths.map(forPowerShell)).flatMap((group) =>
    parseLinkKinds(askPowerShell(LINK_KINDS_SCRIPT, { paths: group }), group.length)
  )
}

/** Keep mode and times where the filesystem can; FAT (fusefat) answers chmod with ENOSYS, and that is no reason to fail. */
function keepMeta(to: string, stats: fs.Stats): void {
  for (const keep of [() => fs.chmodSync(to, stats.mode & 0o7777), () => fs.utimesSync(to, stats.atime, stats.mtime)]) {
    try {
      keep()
    } catch (error) {
      if (!['ENOSYS', 'EPERM', 'ENOTSUP'].includes(errnoCode(error))) throw error
    }
  }
}

/**
 * Not copyFileSync: libuv's copy fails as a whole where fchmod is refused (fusefat), and it ftruncate()s the new file,
 * which smbnetfs over SMB3 answers with EIO after 4 s (lab/FINDINGS.md). O_EXCL, never truncated; in chunks.
 * Returns what `from` was, for its mode and times.
 */
function copyFileData(from: string, to: string): fs.Stats {
  const input = fs.openSync(from, 'r')
  try {
    const stats = fs.fstatSync(input) // before reading moves atime
    const output = fs.openSync(to, 'wx')
    try {
      const buffer = Buffer.allocUnsafe(1 << 20)
      for (let n; (n = fs.readSync(input, buffer, 0, buffer.length, null)) > 0;) fs.writeSync(output, buffer, 0, n)
    } finally {
      fs.closeSync(output)
    }
    return stats
  } finally {
    fs.closeSync(input)
  }
}

/** Remove what is at `p`, a whole tree where it is a directory (only ever one of ours: a copy, a temporary name). */
export function removeEntry(p: string, ops: FsOps, path: PlatformPath): void {
  if (!ops.lstat(p)?.isDirectory()) return ops.unlink(p)
  for (const name of ops.readdir(p)) removeEntry(path.join(p, name), ops, path)
  ops.rmdir(p)
}
