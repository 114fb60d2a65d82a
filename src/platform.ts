// The one place that knows which OS we run on. Stages receive a Platform object, so tests can pick another.
import * as fs from 'node:fs'
import * as nodePath from 'node:path'

export interface Platform {
  /** `process.platform` value: linux, darwin, win32... */
  name: string
  isWindows: boolean
  isMac: boolean
  /** The runner's OS as `runner.os` names it (Linux, macOS, Windows): what a YAML entry's `os` is matched against. */
  runnerOs: string
  path: nodePath.PlatformPath
  /**
   * The OS's usual rule: paths that differ only in case name the same entry (Windows; macOS's default APFS). It
   * holds above a volume's root (mount points are matched by it) and wherever no volume is known.
   */
  usuallyIgnoresCase: boolean
  /** Whether each volume tells names apart by case (case-rules.ts decides it per volume; here: the usual rule). */
  caseRules: CaseRules
}

/** Names below `root` are compared with case (`ignoresCase: false`) or without. */
export interface CaseVolume {
  /** The volume's mount point or root as the mount table spells it; '' where no volume is known. */
  root: string
  ignoresCase: boolean
}

export interface CaseRules {
  /** The volume `absPath` (normalized) lies on. */
  volumeAt(absPath: string): CaseVolume
  /** The volumes decided so far: a share worker's lanes take them as the action decided them. */
  decided(): CaseVolume[]
}

/** `runner.os` of each `process.platform` a runner can have. */
const RUNNER_OS: Record<string, string> = { linux: 'Linux', darwin: 'macOS', win32: 'Windows' }

/** `runnerOs`: as the runner says (RUNNER_OS); by default, what `name` is called there. */
export function platformFor(name: string, runnerOs = RUNNER_OS[name] ?? name): Platform {
  const isWindows = name === 'win32'
  const isMac = name === 'darwin'
  const usual: CaseVolume = { root: '', ignoresCase: isWindows || isMac }
  return {
    name,
    isWindows,
    isMac,
    runnerOs,
    path: isWindows ? nodePath.win32 : nodePath.posix,
    usuallyIgnoresCase: usual.ignoresCase,
    caseRules: { volumeAt: () => usual, decided: () => [] }
  }
}

export function currentPlatform(): Platform {
  // The runner sets RUNNER_OS for every step; `npm start` and other hosts go by the platform.
  return platformFor(process.platform, process.env.RUNNER_OS || undefined)
}

/** Who Linux lets make a hard link: fs.protected_hardlinks (1: only TARGET's owner, or who may read and write it). */
export interface HardlinkGuard {
  protects: boolean
  euid: number
}

/** Read when a hard link is refused, once per run: two cheap calls, never on a path that could hang. */
export function hardlinkGuard(): HardlinkGuard {
  let setting = ''
  try {
    setting = fs.readFileSync('/proc/sys/fs/protected_hardlinks', 'utf8')
  } catch {
    // no /proc (a container without it): the kernel's default since 3.6 is 1 on every distribution that matters
  }
  return guardOf(setting, process.geteuid?.() ?? -1)
}

/** What fs.protected_hardlinks as read (`1\n`; '' where unread) means for the user `euid`: only `0` protects nothing. */
export function guardOf(setting: string, euid: number): HardlinkGuard {
  return { protects: setting.trim() !== '0', euid }
}

/** A key under which two spellings of one path compare equal on this platform. */
export function pathKey(platform: Platform, p: string): string {
  return resolvedKey(platform, platform.path.normalize(p))
}

/**
 * pathKey of a path that is normalized already (path.resolve made it): nothing to normalize, only to fold. Up to
 * its volume's root a path is compared by the OS's usual rule (as mount points are matched), below it by the
 * volume's own: `/media/USB/A` on a FAT stick and `/media/usb/a` on ext4 stay two names.
 */
export function resolvedKey(platform: Platform, normal: string): string {
  const volume = platform.caseRules.volumeAt(normal)
  const folded =
    volume.ignoresCase === platform.usuallyIgnoresCase ? foldAll(platform, normal) : foldBelow(platform, volume, normal)
  // APFS and HFS+ also take an é typed as one character and as e + accent for the same name.
  return platform.isMac ? folded.normalize('NFC') : folded
}

function foldAll(platform: Platform, p: string): string {
  return platform.usuallyIgnoresCase ? p.toLowerCase() : p
}

/** The part above the volume's root by the usual rule, the rest by the volume's. */
function foldBelow(platform: Platform, { root, ignoresCase }: CaseVolume, normal: string): string {
  // The root was matched by the usual rule, so the path may spell it otherwise (another case, another Unicode form):
  // it is then found by its segments.
  const cut = normal.startsWith(root) ? root.length : lengthOfSegments(platform, normal, root)
  const below = normal.slice(cut)
  return foldAll(platform, normal.slice(0, cut)) + (ignoresCase ? below.toLowerCase() : below)
}

/** How long the first segments of `p` are, as many as `root` has. */
function lengthOfSegments(platform: Platform, p: string, root: string): number {
  const { sep } = platform.path
  const count = root.split(sep).filter(Boolean).length
  let at = 0
  while (p[at] === sep) at++
  for (let seen = 0; seen < count; seen++) {
    at = p.indexOf(sep, at + 1)
    if (at < 0) return p.length
  }
  return at
}

/**
 * What a POSIX path with something to resolve holds: a doubled or trailing slash, or a `.` or `..` segment (which
 * shows as `./` or a final `.`; `a./b` is turned away too, and merely takes the slow way). One expression, one scan:
 * four searches of each PATH and TARGET cost more.
 */
const UNPLAIN = /\/\/|\.\/|[./]$/

/** A POSIX path with nothing to resolve. */
function isPlain(p: string): boolean {
  return p !== '' && !UNPLAIN.test(p)
}

/**
 * path.resolve(base, p) for a normalized absolute base: spec paths are mostly plain names or plain absolute paths
 * (a runner's workspace), and resolve is slow.
 */
export function resolveFrom(platform: Platform, base: string, p: string): string {
  if (platform.isWindows || !isPlain(p)) return sameOr(p, platform.path.resolve(base, p))
  if (p[0] === '/') return p
  return base === '/' ? `/${p}` : `${base}/${p}`
}

/**
 * `a` where it equals `b`: the spec's own text instead of the copy path.resolve makes of an absolute path that was
 * already normal (a run of 100,000 links holds every request's strings, so the copy would double them).
 */
function sameOr(a: string, b: string): string {
  return a === b ? a : b
}

/**
 * path.dirname of a normalized path: on POSIX, where it is a cut at the last separator (not the root's, not `//`, not
 * a trailing one), that cut, without dirname's own walk over the name (each link asks for PATH's and TARGET's).
 */
export function parentOf(platform: Platform, p: string): string {
  const cut = platform.isWindows ? -1 : p.lastIndexOf('/')
  return cut > 1 && cut < p.length - 1 ? p.slice(0, cut) : platform.path.dirname(p)
}

/** `child` is `parent` itself or lies below it. Both absolute. */
export function isWithin(platform: Platform, parent: string, child: string): boolean {
  return keyWithin(platform, pathKey(platform, parent), pathKey(platform, child))
}

/** isWithin for keys already made by pathKey: a prefix test, cheap enough for every link against every mount. */
export function keyWithin(platform: Platform, parentKey: string, childKey: string): boolean {
  // Most keys asked about lie elsewhere (every PATH and TARGET, against each mount that may hang): the last character
  // of parentKey, compared first, turns most away without the startsWith call, ~1,000 instructions where it matches.
  const last = parentKey.length - 1
  if (last >= 0 && childKey.charCodeAt(last) !== parentKey.charCodeAt(last)) return false
  if (!childKey.startsWith(parentKey)) return false
  // No `parentKey + sep` to compare with: that string would be made for every mount at every lookup.
  const { sep } = platform.path
  return childKey.length === parentKey.length || parentKey.endsWith(sep) || childKey[parentKey.length] === sep
}

/** `child` relative to `parent` when it lies inside it ('' for itself); undefined otherwise. */
export function relativeInside(platform: Platform, parent: string, child: string): string | undefined {
  if (!isWithin(platform, parent, child)) return undefined
  const { path } = platform
  // path.posix.relative compares letters exactly: on a volume that ignores case `/WS/a` under `/ws` would read
  // `../WS/a`. Inside the parent (as isWithin decided), the child's first segments are the parent's: drop as many.
  if (platform.isWindows) return path.relative(parent, child)
  const segments = (p: string): string[] => path.normalize(p).split(path.sep).filter(Boolean)
  return segments(child).slice(segments(parent).length).join(path.sep)
}

/** The `type` argument of fs.symlink: fixed at creation on Windows, ignored elsewhere. */
export function symlinkType(
  platform: Platform,
  kind: 'symlink' | 'junction',
  targetIsDir: boolean
): 'file' | 'dir' | 'junction' | undefined {
  if (!platform.isWindows) return undefined
  if (kind === 'junction') return 'junction'
  return targetIsDir ? 'dir' : 'file'
}

/** The text a link of `kind` holds: a Windows junction always holds the absolute TARGET, elsewhere it is a symlink. */
export function linkTextOf(platform: Platform, kind: string, text: string, absTarget: string): string {
  return kind === 'junction' && platform.isWindows ? absTarget : text
}

/**
 * The volume a path is on: `C:\` or `\\server\share\` on Windows (drive letter upper-cased), `/` elsewhere. A long-path
 * spelling (`\\?\C:\...`, `\\?\UNC\server\share\...`) is on the volume it names.
 */
export function volumeOf(platform: Platform, absPath: string): string {
  const root = platform.path.parse(withoutNamespace(platform, absPath)).root
  if (!platform.isWindows) return root
  // `\\server\share` itself (the dirname of `\\?\UNC\server\share\l`) has its root without the final backslash.
  const whole = root === '' || root.endsWith('\\') ? root : `${root}\\`
  return whole.replace(/^[a-z]:/, (drive) => drive.toUpperCase())
}

/**
 * A link text as Windows may hand it back from readlink, without the namespace prefix that Node adds to absolute
 * targets (`\\?\C:\x`, or NT's `\??\C:\x`); `\\?\UNC\server\share` is `\\server\share`.
 */
export function withoutNamespace(platform: Platform, text: string): string {
  if (!platform.isWindows) return text
  return text.replace(/^(?:\\\\\?\\|\\\?\?\\)(?:UNC\\|(?=[A-Za-z]:))/i, (prefix) =>
    /UNC\\$/i.test(prefix) ? '\\\\' : ''
  )
}

/**
 * The link at `linkPath` holding `existingText` already leads where `wantedText` would. Elsewhere a link holds
 * exactly the text it was given. Windows hands texts back in its own spelling (a `\\?\` prefix, a junction's
 * trailing backslash, either slash, any case): there both must lead to the same place and both be relative or both
 * absolute (a change of `relative` still replaces the link).
 */
export function sameLinkTarget(
  platform: Platform,
  linkPath: string,
  existingText: string,
  wantedText: string
): boolean {
  if (!platform.isWindows) return existingText === wantedText
  const { path } = platform
  const [existing, wanted] = [existingText, wantedText].map((t) => withoutNamespace(platform, t))
  if (path.isAbsolute(existing) !== path.isAbsolute(wanted)) return false
  const dir = path.dirname(linkPath)
  return pathKey(platform, path.resolve(dir, existing)) === pathKey(platform, path.resolve(dir, wanted))
}
