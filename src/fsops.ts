// The filesystem calls plan and apply make, behind one interface so tests can inject an errno and a
// worker process can run them on a share that may hang.
import * as fs from 'node:fs'

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
  /** Create a new file; fails when p exists. */
  writeFile(p: string, data: string): void
  /** A copy of a file or a whole tree, keeping modes and modification times. */
  copy(from: string, to: string): void
}

function missing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT'
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
  realpath: (p) => fs.realpathSync.native(p),
  symlink: (text, p, type) => fs.symlinkSync(text, p, type),
  link: (existing, p) => fs.linkSync(existing, p),
  rename: (from, to) => fs.renameSync(from, to),
  unlink: (p) => fs.unlinkSync(p),
  mkdir: (p) => fs.mkdirSync(p),
  rmdir: (p) => fs.rmdirSync(p),
  readdir: (p) => fs.readdirSync(p),
  writeFile: (p, data) => fs.writeFileSync(p, data, { flag: 'wx' }),
  copy: (from, to) => {
    if (fs.statSync(from).isDirectory()) {
      fs.cpSync(from, to, { recursive: true, preserveTimestamps: true, verbatimSymlinks: true, errorOnExist: true })
    } else {
      fs.copyFileSync(from, to, fs.constants.COPYFILE_EXCL)
      const { atime, mtime } = fs.statSync(from)
      fs.utimesSync(to, atime, mtime)
    }
  }
}
