// A restore's link texts on Windows, followed by the walk that follows them on POSIX (../capture/leads.ts), so that
// the links the spec's other entries make are judged there too. Win32 normalization removes `.` and `..` from a path
// by name before anything is followed (GetFullPathName, RtlDosPathNameToNtPathName: `a\link\..\b` is `a\b` whatever
// `link` is), and a symbolic link's target takes its name's place in the path, normalized again: a relative text
// climbs by name from the directory that holds the link, in the path as substituted so far. Each text normalized
// keeps only leading `..` names, so the walk's climb from the real directory it reached is that climb; but not past a
// junction, which is not substituted (the walk refuses a climb there: walkReader). Paths cross as `C:\a\b` <->
// `/C:/a/b`: a volume's root is the walk's first name, which no other name can be (none holds `:` or `\`).
// Windows follows up to 63 reparse points in a path, Linux 40 links: a way the walk gave up on at 40 (a loop, inside)
// Windows would follow on, out (Microsoft Learn, "Symbolic link programming considerations": "a maximum of 63
// reparse points (and therefore symbolic links) allowed in a particular path").
import * as path from 'node:path'
import { followEvery, type Ending, type LeadsReader } from '../capture/leads.js'
import { withoutNamespace, type Platform } from '../platform.js'

const { win32 } = path

/** No Windows name holds `?`: a text sent here leads nowhere inside, and the walk ends it outside. */
const NOWHERE = '/?'

/**
 * Reparse points Windows follows in one path (see above); the walk counts each link it enters as one. Windows may stop
 * sooner (31 where the targets are full paths: Microsoft Learn, "Reparse points"): a walk going further only refuses
 * more.
 */
const MAX_REPARSE_POINTS = 63

/** followEvery for Windows paths, `read` asking in Windows paths; the endings' names as Windows spells them. */
export function followOnWindows(
  platform: Platform,
  { dir, text, workspace }: { dir: string; text: string; workspace: string },
  read: LeadsReader
): Ending[] | undefined {
  const reader = walkReader(platform, read)
  const endings = followEvery(walkPath(dir), walkText(platform, text), walkPath(workspace), reader, MAX_REPARSE_POINTS)
  const back = (p: string | undefined): string | undefined => p && windowsPath(p)
  return endings?.map((e) => ({ ...e, through: back(e.through), stop: back(e.stop), junction: back(e.junction) }))
}

/**
 * `read` for the walk's paths; every text, on disk or planned, normalized as Windows follows it. A junction reads
 * back as its absolute target (libuv src/win/fs.c fs__readlink: IO_REPARSE_TAG_MOUNT_POINT is read as a link), as an
 * absolute symbolic link does: either may be one. A restore makes none (outside.ts refuseJunction): planned links
 * are symbolic.
 */
function walkReader(platform: Platform, read: LeadsReader): LeadsReader {
  return {
    lstat: (p) => read.lstat(windowsPath(p)),
    readlink: (p) => walkText(platform, read.readlink(windowsPath(p))),
    planned: (p) => {
      const made = read.planned?.(windowsPath(p))
      return made === undefined ? undefined : walkText(platform, made)
    },
    mayGo: (p) => read.mayGo?.(windowsPath(p)) ?? false,
    mayBeJunction: (text) => text.startsWith('/')
  }
}

/**
 * `C:\a\b` as the walk names it, `/C:/a/b`. The root (`C:\`, `\\server\share\`) is upper-cased: Windows matches drive
 * letters, servers and shares whatever their case, and the walk compares the workspace's names as spelled.
 */
function walkPath(absolute: string): string {
  const { root } = win32.parse(absolute)
  const names = absolute.slice(root.length).split('\\').filter(Boolean)
  return ['', root.replace(/\\$/, '').toUpperCase(), ...names].join('/')
}

/** A walk's path (walkPath) as Windows names it. */
function windowsPath(walked: string): string {
  const [root, ...names] = walked.slice(1).split('/')
  return `${root}\\${names.join('\\')}`
}

/**
 * A link's text as the walk follows it: normalized as Win32 does, so that only leading `..` remain; an absolute one
 * as walkPath. NOWHERE where Windows decides the place by more than the text (`\x` is on the current drive, `C:x` in
 * that drive's current directory), or where a name may reach another entry than the one it spells.
 */
function walkText(platform: Platform, text: string): string {
  const normal = win32.normalize(withoutNamespace(platform, text))
  const { root } = win32.parse(normal)
  if (normal.slice(root.length).split('\\').some(mayAlias)) return NOWHERE
  if (root === '') return normal.replaceAll('\\', '/')
  return /^[A-Z]:\\$|^\\\\[^\\]/i.test(root) ? walkPath(normal) : NOWHERE
}

/** An 8.3 short name as Windows makes one for a longer name: up to six characters, `~`, a number, a short extension. */
const SHORT_NAME = /^[^.]{1,6}~\d+(\.[^.]{1,3})?$/

/**
 * A name Windows may read as another's: Win32 drops trailing dots and spaces (`x.` is `x`), `:` names a stream (or a
 * drive), and a short name (`PROGRA~1`) is a second name of an entry. The spec's links are found by the names they
 * are spelled with: a way through such a name could pass one unseen.
 */
function mayAlias(name: string): boolean {
  return name !== '.' && name !== '..' && (/[. ]$/.test(name) || name.includes(':') || SHORT_NAME.test(name))
}
