// Capture, step two: where a symbolic link leads, found the way the kernel finds it (component by component, each
// link's text read and followed, `..` from the real directory reached) but by hand, so that it stops at the edge of
// the workspace: nothing outside it is looked at, not even with stat. Bounded like the kernel (40 links, ELOOP).
// A restore judges the links it is asked to make the same way (../plan/outside.ts), through its own filesystem calls.
import * as fs from 'node:fs'
import * as path from 'node:path'

/** What a link leads to: a file or directory (its type is recorded), something else, or why nothing is known. */
export type Leads = 'file' | 'dir' | 'other' | 'dangling' | 'loop' | 'outside' | 'unreadable'

/** Links followed before giving up, as Linux's MAXSYMLINKS. */
const MAX_LINKS = 40

/** `child` is `parent` or below it; both absolute and normal. */
export function within(parent: string, child: string): boolean {
  return child === parent || child.startsWith(parent === '/' ? '/' : `${parent}/`)
}

/** The two calls the walk makes: an entry not followed (or the errno code that came instead), and a link's text. */
export interface LeadsReader {
  lstat(p: string): fs.Stats | string
  readlink(p: string): string
}

const onDisk: LeadsReader = {
  lstat: (p) => {
    try {
      return fs.lstatSync(p)
    } catch (error) {
      return (error as NodeJS.ErrnoException).code ?? 'EIO'
    }
  },
  readlink: (p) => fs.readlinkSync(p)
}

const GONE = new Set(['ENOENT', 'ENOTDIR'])

/** Where `text`, the text of a link in the real directory `dir`, leads; `workspace` real, never left. */
export function leadsTo(dir: string, text: string, workspace: string): Leads {
  return follow(dir, text, workspace).leads
}

/**
 * As leadsTo, with the names left unfollowed where a name was missing (a link dangling there may lead elsewhere once
 * that name is made).
 */
export function follow(
  dir: string,
  text: string,
  workspace: string,
  read: LeadsReader = onDisk
): { leads: Leads; rest: string[] } {
  const parts = text.split('/')
  let at = text.startsWith('/') ? '/' : dir
  let followed = 0
  while (parts.length > 0) {
    const part = parts.shift() as string
    if (part === '' || part === '.') continue
    if (part === '..') {
      at = path.posix.dirname(at)
      continue
    }
    const next = at === '/' ? `/${part}` : `${at}/${part}`
    // The workspace's own real path leads down to it through real directories: nothing to look at on the way.
    if (within(next, workspace)) {
      at = next
      continue
    }
    if (!within(workspace, next)) return { leads: 'outside', rest: [] }
    const stats = read.lstat(next)
    if (typeof stats === 'string') return { leads: GONE.has(stats) ? 'dangling' : 'unreadable', rest: parts }
    if (stats.isSymbolicLink()) {
      if (++followed > MAX_LINKS) return { leads: 'loop', rest: [] }
      const inner = read.readlink(next)
      parts.unshift(...inner.split('/'))
      if (inner.startsWith('/')) at = '/'
      continue
    }
    // Anything after a name that is not a directory (`file/`, `file/..`) is ENOTDIR to the kernel.
    if (parts.length > 0 && !stats.isDirectory()) return { leads: 'dangling', rest: parts }
    at = next
  }
  return { leads: kindAt(at, workspace, read), rest: [] }
}

/** What is at the real path the walk ended on (a text of only `.` and `..` ends on a directory never stat'ed). */
function kindAt(at: string, workspace: string, read: LeadsReader): Leads {
  if (!within(workspace, at)) return 'outside'
  const stats = read.lstat(at)
  if (typeof stats === 'string') return GONE.has(stats) ? 'dangling' : 'unreadable'
  return stats.isDirectory() ? 'dir' : stats.isFile() ? 'file' : 'other'
}
