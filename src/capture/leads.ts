// Capture, step two: where a symbolic link leads, found the way the kernel finds it (component by component, each
// link's text read and followed, `..` from the real directory reached) but by hand, so that it stops at the edge of
// the workspace: nothing outside it is looked at, not even with stat. Bounded like the kernel (40 links, ELOOP).
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

function lstatOrCode(p: string): fs.Stats | string {
  try {
    return fs.lstatSync(p)
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'EIO'
  }
}

const GONE = new Set(['ENOENT', 'ENOTDIR'])

/** Where `text`, the text of a link in the real directory `dir`, leads; `workspace` real, never left. */
export function leadsTo(dir: string, text: string, workspace: string): Leads {
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
    if (!within(workspace, next)) return 'outside'
    const stats = lstatOrCode(next)
    if (typeof stats === 'string') return GONE.has(stats) ? 'dangling' : 'unreadable'
    if (stats.isSymbolicLink()) {
      if (++followed > MAX_LINKS) return 'loop'
      const inner = fs.readlinkSync(next)
      parts.unshift(...inner.split('/'))
      if (inner.startsWith('/')) at = '/'
      continue
    }
    // Anything after a name that is not a directory (`file/`, `file/..`) is ENOTDIR to the kernel.
    if (parts.length > 0 && !stats.isDirectory()) return 'dangling'
    at = next
  }
  return kindAt(at, workspace)
}

/** What is at the real path the walk ended on (a text of only `.` and `..` ends on a directory never stat'ed). */
function kindAt(at: string, workspace: string): Leads {
  if (!within(workspace, at)) return 'outside'
  const stats = lstatOrCode(at)
  if (typeof stats === 'string') return GONE.has(stats) ? 'dangling' : 'unreadable'
  return stats.isDirectory() ? 'dir' : stats.isFile() ? 'file' : 'other'
}
