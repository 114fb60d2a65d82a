// Which filesystem a path is on. Decided lexically from the mount table, so a hung share is never touched to
// find out; looked up once per mount.
import * as fs from 'node:fs'
import type { FilesystemInfo } from './model.js'
import { isWithin, type Platform } from './platform.js'

export interface MountEntry extends FilesystemInfo {
  id: number
  /** `major:minor` of the device, to find the block device of a fuseblk mount. */
  device: string
}

/** mountinfo escapes space, tab, newline and backslash as \ooo octal. */
function unescape(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)))
}

/**
 * Parse /proc/self/mountinfo (proc(5)):
 * `36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue`
 */
export function parseMountinfo(text: string): MountEntry[] {
  const mounts: MountEntry[] = []
  for (const line of text.split('\n')) {
    const fields = line.split(' ')
    const dash = fields.indexOf('-', 6)
    if (dash < 0 || fields.length < dash + 3) continue
    const options = new Set([...fields[5].split(','), ...(fields[dash + 3] ?? '').split(',')])
    options.delete('')
    mounts.push({
      id: Number(fields[0]),
      device: fields[2],
      mountPoint: unescape(fields[4]),
      type: unescape(fields[dash + 1]),
      source: unescape(fields[dash + 2]),
      options: [...options]
    })
  }
  return mounts
}

/** The mount a path lies on: the longest mount point above it; of stacked mounts, the last one mounted. */
export function mountOf(mounts: MountEntry[], absPath: string, platform: Platform): MountEntry | undefined {
  let best: MountEntry | undefined
  for (const mount of mounts) {
    if (!isWithin(platform, mount.mountPoint, absPath)) continue
    if (!best || mount.mountPoint.length >= best.mountPoint.length) best = mount
  }
  return best
}

export const UNKNOWN_FS: FilesystemInfo = { type: 'unknown', mountPoint: '', source: '', options: [] }

export interface FilesystemDetector {
  forPath(absPath: string): FilesystemInfo
}

/** Reads the mount table once, at the first question. Never throws: what it cannot tell is `unknown`. */
export function createDetector(
  platform: Platform,
  readTable: () => string = () => fs.readFileSync('/proc/self/mountinfo', 'utf8')
): FilesystemDetector {
  let mounts: MountEntry[] | undefined
  const table = (): MountEntry[] => {
    if (mounts === undefined) {
      try {
        mounts = platform.name === 'linux' ? parseMountinfo(readTable()) : []
      } catch {
        mounts = []
      }
    }
    return mounts
  }
  return {
    forPath: (absPath) => mountOf(table(), absPath, platform) ?? UNKNOWN_FS
  }
}
