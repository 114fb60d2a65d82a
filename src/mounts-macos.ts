// macOS: the mount table as `mount` prints it (there is no /proc, and fs.statfs gives only numbers).
import type { MountEntry } from './mount-table.js'

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
 * The mount that really holds a path macOS shows under its read-only system volume (macOS 10.15 on): the Data
 * volume, since everything writable there is a firmlink into it. Taken lexically, /Users/runner/work would be on
 * the sealed, read-only `/`, and every link there would be called EROFS before it is tried.
 */
export function throughFirmlinks(mount: MountEntry | undefined, mounts: MountEntry[]): MountEntry | undefined {
  if (mount?.mountPoint !== '/' || !mount.options.includes('ro')) return mount
  return mounts.find((m) => m.mountPoint === DATA_VOLUME) ?? mount
}
