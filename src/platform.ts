// The one place that knows which OS we run on. Stages receive a Platform object, so tests can pick another.
import * as nodePath from 'node:path'

export interface Platform {
  /** `process.platform` value: linux, darwin, win32... */
  name: string
  isWindows: boolean
  isMac: boolean
  path: nodePath.PlatformPath
  /** Paths that differ only in case name the same entry (Windows; macOS's default APFS). */
  caseInsensitive: boolean
}

export function platformFor(name: string): Platform {
  const isWindows = name === 'win32'
  const isMac = name === 'darwin'
  return {
    name,
    isWindows,
    isMac,
    path: isWindows ? nodePath.win32 : nodePath.posix,
    caseInsensitive: isWindows || isMac
  }
}

export function currentPlatform(): Platform {
  return platformFor(process.platform)
}

/** A key under which two spellings of one path compare equal on this platform. */
export function pathKey(platform: Platform, p: string): string {
  const normal = platform.path.normalize(p)
  return platform.caseInsensitive ? normal.toLowerCase() : normal
}

/** `child` is `parent` itself or lies below it. Both absolute. */
export function isWithin(platform: Platform, parent: string, child: string): boolean {
  const rel = platform.path.relative(pathKey(platform, parent), pathKey(platform, child))
  return !(rel === '..' || rel.startsWith(`..${platform.path.sep}`) || platform.path.isAbsolute(rel))
}

/** `child` relative to `parent` when it lies inside it ('' for itself); undefined otherwise. */
export function relativeInside(platform: Platform, parent: string, child: string): string | undefined {
  return isWithin(platform, parent, child) ? platform.path.relative(parent, child) : undefined
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
