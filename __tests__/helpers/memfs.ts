// An in-memory filesystem behind FsOps, to run plan and apply on another OS's paths (C:\ws, \\server\share) here.
// Entries are keyed the way that platform compares paths; a link is followed the way Windows reads it back.
import { createHash } from 'node:crypto'
import type { Stats } from 'node:fs'
import type { FsOps } from '../../src/fsops.js'
import { pathKey, withoutNamespace, type Platform } from '../../src/platform.js'
import { errnoError } from './stage.js'

interface Inode {
  ino: number
  nlink: number
  size: number
  /** A file's bytes, as a string. */
  data: string
}
export type Node =
  | { kind: 'dir'; inode: Inode }
  | { kind: 'file'; inode: Inode }
  | { kind: 'link'; inode: Inode; text: string; type?: string }

/** What a test lays out: `'dir'`, `'file'`, or a link with its text (and Windows type). */
export type Layout = Record<string, 'dir' | 'file' | { link: string; type?: 'file' | 'dir' | 'junction' }>

/** Decides that a call fails, and with which error (undefined: it works). */
export type Refusal = (call: keyof FsOps, args: string[]) => NodeJS.ErrnoException | undefined

export interface MemoryFs {
  ops: FsOps
  /** The entry at a path, not following a link there. */
  at(p: string): Node | undefined
  /** Every path, as it was created. */
  paths(): string[]
  /** The calls that changed something, in order: `symlink TEXT PATH TYPE`, `link FROM PATH`... */
  changes: string[]
  /** The paths of each linkKinds call (each a PowerShell start on Windows), in order. */
  kindQueries: string[][]
}

/** What Windows calls a directory: one, a directory symlink or a junction. */
function namesDirectory(node: Node): boolean {
  return node.kind === 'dir' || (node.kind === 'link' && (node.type === 'dir' || node.type === 'junction'))
}

/**
 * `reuseInodes`: a freed inode number goes to the next new entry, as ext4 often does (its allocator looks first near
 * the directory, where the freed one is): what a backup deleted and written again must not pass for the backup.
 */
export function memoryFs(
  platform: Platform,
  layout: Layout,
  refuse: Refusal = () => undefined,
  { reuseInodes = false } = {}
): MemoryFs {
  const { path } = platform
  const entries = new Map<string, { name: string; node: Node }>()
  const changes: string[] = []
  const kindQueries: string[][] = []
  let inodes = 0
  const freed: number[] = []
  const inode = (size = 0, data = ''): Inode => ({ ino: freed.pop() ?? ++inodes, nlink: 1, size, data })
  /** One name fewer; the number is free once none is left. */
  const drop = (gone: Inode): void => {
    gone.nlink--
    if (reuseInodes && gone.nlink === 0) freed.push(gone.ino)
  }
  const key = (p: string): string => pathKey(platform, path.resolve(p))
  const get = (p: string): Node | undefined => entries.get(key(p))?.node
  const put = (p: string, node: Node): void => void entries.set(key(p), { name: path.resolve(p), node })
  const fail = (code: string, call: string): never => {
    throw errnoError(code, call)
  }
  const parentIsDir = (p: string): boolean => get(path.dirname(path.resolve(p)))?.kind === 'dir'
  const mustBeNew = (p: string, call: string): void => {
    if (get(p)) fail('EEXIST', call)
    if (!parentIsDir(p)) fail('ENOENT', call)
  }
  const follow = (p: string, depth = 0): string | undefined => {
    const node = get(p)
    if (!node) return undefined
    if (node.kind !== 'link') return path.resolve(p)
    if (depth > 30) return fail('ELOOP', 'stat')
    return follow(path.resolve(path.dirname(path.resolve(p)), withoutNamespace(platform, node.text)), depth + 1)
  }
  const stats = (node: Node): Stats =>
    ({
      isDirectory: () => node.kind === 'dir',
      isFile: () => node.kind === 'file',
      isSymbolicLink: () => node.kind === 'link',
      ino: node.inode.ino,
      dev: 1,
      nlink: node.inode.nlink,
      size: node.inode.size,
      mode: node.kind === 'dir' ? 0o40755 : 0o100644,
      mtimeMs: 0
    }) as unknown as Stats
  const children = (p: string): string[] => {
    const dir = key(p)
    return [...entries.entries()]
      .filter(([k]) => k !== dir && pathKey(platform, path.dirname(k)) === dir)
      .map(([, e]) => path.basename(e.name))
  }

  const real: FsOps = {
    lstat: (p) => {
      const node = get(p)
      return node && stats(node)
    },
    stat: (p) => {
      const end = follow(p)
      const node = end === undefined ? undefined : get(end)
      return node && stats(node)
    },
    readlink: (p) => {
      const node = get(p)
      return node?.kind === 'link' ? node.text : fail(node ? 'EINVAL' : 'ENOENT', 'readlink')
    },
    realpath: (p) => follow(p) ?? fail('ENOENT', 'realpath'),
    symlink: (text, p, type) => {
      mustBeNew(p, 'symlink')
      put(p, { kind: 'link', inode: inode(text.length), text, type })
      changes.push(`symlink ${text} ${p} ${type ?? ''}`.trimEnd())
    },
    link: (existing, p) => {
      const node = get(existing)
      if (!node) return fail('ENOENT', 'link')
      if (node.kind === 'dir') return fail('EPERM', 'link')
      mustBeNew(p, 'link')
      node.inode.nlink++
      put(p, node)
      changes.push(`link ${existing} ${p}`)
    },
    rename: (from, to) => {
      const node = get(from) ?? fail('ENOENT', 'rename')
      const replaced = get(to)
      // libuv renames with MoveFileExW(MOVEFILE_REPLACE_EXISTING) (src/win/fs.c, fs__rename), which "cannot be used
      // if lpNewFileName or lpExistingFileName names a directory" (Microsoft's MoveFileExW reference): a directory,
      // a directory symlink or a junction is one. Windows answers ERROR_ACCESS_DENIED, which libuv calls EPERM.
      if (platform.isWindows && replaced && [node, replaced].some(namesDirectory)) fail('EPERM', 'rename')
      // rename(2): a directory replaces only an empty directory; anything else replaces only what is none.
      if (replaced?.kind === 'dir' && (node.kind !== 'dir' || children(to).length > 0))
        fail(node.kind === 'dir' ? 'ENOTEMPTY' : 'EISDIR', 'rename')
      if (replaced && node.kind === 'dir' && replaced.kind !== 'dir') fail('ENOTDIR', 'rename')
      if (replaced && replaced.inode !== node.inode) drop(replaced.inode)
      entries.delete(key(from))
      put(to, node)
      // A directory takes what is below it along (a copy a restore moves aside).
      const below = key(from) + path.sep
      for (const [k, { name, node: inner }] of [...entries].filter(([k]) => k.startsWith(below))) {
        entries.delete(k)
        put(path.join(to, name.slice(path.resolve(from).length + 1)), inner)
      }
      changes.push(`rename ${from} ${to}`)
    },
    unlink: (p) => {
      const node = get(p) ?? fail('ENOENT', 'unlink')
      if (node.kind === 'dir') fail('EPERM', 'unlink')
      drop(node.inode)
      entries.delete(key(p))
      changes.push(`unlink ${p}`)
    },
    mkdir: (p) => {
      mustBeNew(p, 'mkdir')
      put(p, { kind: 'dir', inode: inode() })
      changes.push(`mkdir ${p}`)
    },
    rmdir: (p) => {
      if (get(p)?.kind !== 'dir') fail('ENOTDIR', 'rmdir')
      if (children(p).length > 0) fail('ENOTEMPTY', 'rmdir')
      entries.delete(key(p))
      changes.push(`rmdir ${p}`)
    },
    readdir: (p) => (get(p)?.kind === 'dir' ? children(p) : fail('ENOTDIR', 'scandir')),
    exists: (p) => {
      const end = follow(p)
      return end !== undefined && get(end) !== undefined
    },
    writeFile: (p, data) => {
      mustBeNew(p, 'open')
      put(p, { kind: 'file', inode: inode(data.length, data) })
      changes.push(`writeFile ${p}`)
    },
    // nodeFs opens `to` with O_CREAT|O_EXCL ('wx'; CREATE_NEW on Windows, libuv's fs__open): EEXIST when taken.
    copyFile: (from, to) => {
      const source = follow(from)
      const node = source === undefined ? fail('ENOENT', 'open') : get(source)
      mustBeNew(to, 'open')
      put(to, { kind: 'file', inode: inode(node?.inode.size, node?.inode.data) })
      changes.push(`copyFile ${from} ${to}`)
    },
    // Modes and times are not modelled (every entry reads back the same): only that both ends must exist.
    copyMeta: (from, to) => {
      if (follow(from) === undefined || !get(to)) fail('ENOENT', 'utime')
      changes.push(`copyMeta ${from} ${to}`)
    },
    contentHash: (p) => {
      const node = get(p)
      if (node?.kind === 'file') return createHash('sha256').update(node.inode.data).digest('hex')
      return fail(!node ? 'ENOENT' : node.kind === 'link' ? 'ELOOP' : 'EISDIR', 'open') // O_NOFOLLOW, as nodeFs
    },
    sameBytes: (a, b) => {
      const data = (p: string): string => {
        const at = follow(p)
        const node = at === undefined ? undefined : get(at)
        return node?.kind === 'file' ? node.inode.data : fail(!node ? 'ENOENT' : 'EISDIR', 'read')
      }
      return data(a) === data(b)
    },
    // What nodeFs asks PowerShell for on Windows (fsops.ts): the type each link was made with. Each call is kept,
    // since each is a PowerShell start.
    linkKinds: (paths) => {
      kindQueries.push(paths)
      return paths.map((p) => {
        const node = get(p)
        return platform.isWindows && node?.kind === 'link' ? (node.type as 'file' | 'dir' | 'junction') : undefined
      })
    }
  }

  // Every call first asks the refusal, as a filesystem that says no would.
  const ops = Object.fromEntries(
    Object.entries(real).map(([name, fn]) => [
      name,
      (...args: string[]) => {
        const error = refuse(name as keyof FsOps, args)
        if (error) throw error
        return (fn as (...a: string[]) => unknown)(...args)
      }
    ])
  ) as unknown as FsOps

  for (const [p, what] of Object.entries(layout)) {
    for (let dir = path.dirname(path.resolve(p)); !get(dir); dir = path.dirname(dir)) {
      put(dir, { kind: 'dir', inode: inode() })
      if (dir === path.dirname(dir)) break
    }
    if (what === 'dir') put(p, { kind: 'dir', inode: inode() })
    else if (what === 'file') put(p, { kind: 'file', inode: inode(4, 'file') })
    else put(p, { kind: 'link', inode: inode(what.link.length), text: what.link, type: what.type })
  }

  return { ops, at: get, paths: () => [...entries.values()].map((e) => e.name), changes, kindQueries }
}
