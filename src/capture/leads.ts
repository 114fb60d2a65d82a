// Capture, step two: where a symbolic link leads, found the way the kernel finds it (component by component, each
// link's text read and followed, `..` from the real directory reached) but by hand, so that it stops at the edge of
// the workspace: nothing outside it is looked at, not even with stat. Bounded like the kernel (40 links, ELOOP), or
// as the platform judged bounds it (followEvery's maxLinks).
// A restore judges the links it is asked to make the same way (../plan/outside.ts), through its own filesystem calls,
// and both ways at each name where another entry of its spec may make a link: that link, or what is there now.
import * as fs from 'node:fs'
import * as path from 'node:path'

/** What a link leads to: a file or directory (its type is recorded), something else, or why nothing is known. */
export type Leads = 'file' | 'dir' | 'other' | 'dangling' | 'loop' | 'outside' | 'unreadable'

/**
 * Links followed on one way before giving up, as Linux's MAXSYMLINKS. macOS stops at 32 (MAXSYMLINKS in its
 * sys/param.h): a way it gives up on the walk follows further, so it only refuses more there, never less.
 */
const MAX_LINKS = 40

/** `child` is `parent` or below it; both absolute and normal. */
export function within(parent: string, child: string): boolean {
  return child === parent || child.startsWith(parent === '/' ? '/' : `${parent}/`)
}

/**
 * The two calls the walk makes: an entry not followed (or the errno code that came instead), and a link's text; and,
 * judging a restore, the text of the link another entry of the spec may make at a name (../plan/outside.ts).
 */
export interface LeadsReader {
  lstat(p: string): fs.Stats | string
  readlink(p: string): string
  planned?(p: string): string | undefined
  /** p is an entry's PATH: a link there now may go (`state: absent`), and a later entry make the name a directory. */
  mayGo?(p: string): boolean
  /**
   * Windows: a link on disk holding `text` may be a junction, which Windows does not put in the path in place of its
   * name, so that a relative link past it climbs (..) from the junction's own name (../plan/windows-ways.ts).
   */
  mayBeJunction?(text: string): boolean
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
  return walk(
    start(dir, text),
    workspace,
    onDisk,
    () => undefined,
    () => true
  ).leads
}

/**
 * Where a walk ended, with the names left unfollowed where a name was missing (a link dangling there may lead
 * elsewhere once that name is made), and the first name on its way where it took a link the spec makes.
 */
export interface Ending {
  leads: Leads
  rest: string[]
  through?: string
  /** The name it stopped at, missing or not a directory (dangling), or unreadable. */
  stop?: string
  /** Leading out: a possible junction it passed before a climb (..) whose end the walk cannot tell. */
  junction?: string
}

/** One way through the names: where it is, the names still to follow, how many more links it may follow. */
interface Way {
  at: string
  parts: string[]
  linksLeft: number
  through?: string
  /** A link the spec makes, to follow first. */
  enter?: string
  /** The name whose link on disk the spec may remove: the way ends there, dangling. */
  gone?: string
  /** The last link on the way that may be a junction (LeadsReader.mayBeJunction). */
  junction?: string
}

/** Ways one text may take at most through the links a spec makes: each such name on the way doubles them. */
export const MAX_WAYS = 64
/** Names looked at, over all the ways of one text: texts up to 4096 bytes through 40 links could ask millions. */
export const MAX_NAMES = 10_000

/**
 * As leadsTo, every way the text may lead once the spec's other links are made or not: at a name where one may be
 * made, the name is that link or what is there now (the entry failed or left it). Undefined past MAX_WAYS or
 * MAX_NAMES. A way needing more than `maxLinks` links ends in a loop, as the OS the link is made on gives up (ELOOP).
 */
export function followEvery(
  dir: string,
  text: string,
  workspace: string,
  read: LeadsReader,
  maxLinks = MAX_LINKS
): Ending[] | undefined {
  const ways = [start(dir, text, maxLinks)]
  const endings: Ending[] = []
  let taken = 1
  let names = 0
  const fork = (way: Way): void => void (++taken <= MAX_WAYS && ways.push(way))
  const spend = (): boolean => ++names <= MAX_NAMES
  for (let way = ways.pop(); way && names <= MAX_NAMES; way = ways.pop())
    endings.push(walk(way, workspace, read, fork, spend))
  return taken > MAX_WAYS || names > MAX_NAMES ? undefined : endings
}

function start(dir: string, text: string, maxLinks = MAX_LINKS): Way {
  return { at: text.startsWith('/') ? '/' : dir, parts: text.split('/'), linksLeft: maxLinks }
}

/** Into a link's text, as the kernel goes on with it; false past the way's links. */
function enter(way: Way, text: string): boolean {
  if (--way.linksLeft < 0) return false
  way.parts.unshift(...text.split('/'))
  if (text.startsWith('/')) way.at = '/'
  return true
}

/** Follow one way to its end; `fork` takes the other way at a name where the spec may make a link. */
function walk(way: Way, workspace: string, read: LeadsReader, fork: (way: Way) => void, spend: () => boolean): Ending {
  const { parts } = way
  const end = (leads: Leads, rest: string[] = [], stop?: string): Ending => ({
    leads,
    rest,
    through: way.through,
    stop
  })
  if (way.gone !== undefined) return end('dangling', parts, way.gone)
  if (way.enter !== undefined && !enter(way, way.enter)) return end('loop')
  // The last entry the way went into, as looked at: where the way ends there, what it is is known.
  let last: { at: string; stats: fs.Stats } | undefined
  while (parts.length > 0) {
    if (!spend()) return end('loop')
    const part = parts.shift() as string
    if (part === '' || part === '.') continue
    if (part === '..') {
      // Past a junction, Windows climbs from the junction's name, the walk from where it leads: refused, unjudged.
      if (way.junction !== undefined) return { ...end('outside', parts), junction: way.junction }
      way.at = path.posix.dirname(way.at)
      continue
    }
    const next = way.at === '/' ? `/${part}` : `${way.at}/${part}`
    // The workspace's own real path leads down to it through real directories: nothing to look at on the way.
    if (within(next, workspace)) {
      way.at = next
      continue
    }
    if (!within(workspace, next)) return end('outside')
    const made = read.planned?.(next)
    if (made !== undefined) fork({ ...way, parts: [...parts], through: way.through ?? next, enter: made })
    const stats = read.lstat(next)
    if (typeof stats === 'string') return end(GONE.has(stats) ? 'dangling' : 'unreadable', parts, next)
    if (stats.isSymbolicLink()) {
      // Removed, the name may become a real directory (a later PATH's missing parent): `..` then climbs from it.
      // A name where the spec makes a link is that link or this one (a PATH has one entry), taken above.
      if (made === undefined && read.mayGo?.(next)) fork({ ...way, parts: [...parts], gone: next })
      const text = read.readlink(next)
      if (read.mayBeJunction?.(text)) way.junction = next
      if (!enter(way, text)) return end('loop')
      continue
    }
    // Anything after a name that is not a directory (`file/`, `file/..`) is ENOTDIR to the kernel.
    if (parts.length > 0 && !stats.isDirectory()) return end('dangling', parts, next)
    way.at = next
    last = { at: next, stats }
  }
  return end(kindAt(way.at, workspace, read, last))
}

/**
 * What is at the real path the walk ended on: the entry it went into last, or one never looked at (a text of only `.`
 * and `..` ends on a directory never stat'ed).
 */
function kindAt(at: string, workspace: string, read: LeadsReader, last?: { at: string; stats: fs.Stats }): Leads {
  if (!within(workspace, at)) return 'outside'
  const stats = last?.at === at ? last.stats : read.lstat(at)
  if (typeof stats === 'string') return GONE.has(stats) ? 'dangling' : 'unreadable'
  return stats.isDirectory() ? 'dir' : stats.isFile() ? 'file' : 'other'
}
