// macOS: the mount table as `mount` prints it (there is no /proc, and fs.statfs gives only numbers).
import type { MountEntry } from './mount-table.js'
import { isWithin, type Platform } from './platform.js'

/**
 * One line of `mount` output. Nothing is escaped, and both a source (`map auto_home`) and a mount point
 * (`/Volumes/My Disk (2)`) may hold spaces; a source never holds ` on ` and the flags never a parenthesis, so the
 * source ends at the first ` on ` and the mount point at the last ` (`.
 */
const LINE = /^(.+?) on (.+) \(([^()]*)\)$/

/**
 * Parse what `mount` prints on macOS:
 * `/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)`,
 * `//user@server/share on /Volumes/share (smbfs, nodev, nosuid, mounted by user)`.
 */
export function parseMacMounts(text: string): MountEntry[] {
  return text.split('\n').flatMap((line, index) => {
    const match = LINE.exec(line.trim())
    if (!match) return []
    const [type, ...flags] = match[3].split(', ')
    // macOS says `read-only` where mountinfo says `ro`, and the knowledge base looks for `ro`.
    const options = flags.includes('read-only') ? [...flags, 'ro'] : flags
    const entry: MountEntry = { id: index, device: '', source: match[1], mountPoint: match[2], type, options }
    if (flags.includes('fskit')) entry.driver = 'fskit'
    return [entry, ...visibleTwin(entry)]
  })
}

/** Where macOS keeps what users write: /Users, /private (so /tmp), /opt... are "firmlinks" into this volume. */
export const DATA_VOLUME = '/System/Volumes/Data'

/**
 * A mount inside the Data volume may be listed under its firmlinked path (`/System/Volumes/Data/Users/me/mnt`)
 * while every path a user writes says `/Users/me/mnt`: the mount is known under both, so either finds it.
 */
function visibleTwin(entry: MountEntry): MountEntry[] {
  if (!entry.mountPoint.startsWith(`${DATA_VOLUME}/`)) return []
  return [{ ...entry, mountPoint: entry.mountPoint.slice(DATA_VOLUME.length) }]
}

/**
 * What leads from the sealed system volume into the Data volume, when `/usr/share/firmlinks` cannot be read: that
 * file's first column as macOS 15 ships it (firmlinks came with 10.15).
 */
const FIRMLINKS = [
  '/AppleInternal',
  '/Applications',
  '/Library',
  '/System/Library/Caches',
  '/System/Library/Assets',
  '/System/Library/PreinstalledAssets',
  '/System/Library/AssetsV2',
  '/System/Library/PreinstalledAssetsV2',
  '/System/Library/CoreServices/CoreTypes.bundle/Contents/Library',
  '/System/Library/Speech',
  '/Users',
  '/Volumes',
  '/cores',
  '/opt',
  '/private',
  '/usr/local',
  '/usr/libexec/cups',
  '/usr/share/snmp'
]

/** The sealed volume's own symlinks into /private: lexically on `/`, really on the Data volume. */
const PRIVATE_LINKS = ['/tmp', '/var', '/etc']

/**
 * The paths that lead into the Data volume, from `/usr/share/firmlinks`: one `PATH<tab>PATH-IN-DATA` per line,
 * PATH being where the firmlink sits on the system volume.
 */
export function firmlinkPaths(text: string | undefined): string[] {
  const paths = (text ?? '').split('\n').flatMap((line) => (line.startsWith('/') ? [line.split('\t')[0]] : []))
  return [...(paths.length > 0 ? paths : FIRMLINKS), ...PRIVATE_LINKS]
}

/**
 * The mount that really holds a path macOS shows under its read-only system volume (macOS 10.15 on): the Data
 * volume for a path behind a firmlink (/Users, /private, /usr/local...), so /Users/runner/work is not called EROFS
 * before a link is tried; the sealed volume itself for the rest (/usr/bin, /System), which truly is read-only.
 */
export function throughFirmlinks(
  mount: MountEntry | undefined,
  mounts: MountEntry[],
  absPath: string,
  firmlinks: string[],
  platform: Platform
): MountEntry | undefined {
  if (mount?.mountPoint !== '/' || !mount.options.includes('ro')) return mount
  const intoData = firmlinks.some((link) => isWithin(platform, link, absPath))
  return (intoData && mounts.find((m) => m.mountPoint === DATA_VOLUME)) || mount
}
