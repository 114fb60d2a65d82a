// Which filesystem a path is on. Decided lexically from the mount table, so a hung share is never touched to
// find out; looked up once per mount.
import { spawnSync } from 'node:child_process'
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

/** Where a Linux detector reads from; tests hand in recorded text. */
export interface MountSources {
  mountTable: () => string
  /** The format on a block device (blkid), for fuseblk mounts whose type says only "FUSE". */
  blockDeviceType: (device: string) => string | undefined
  /** The command lines of running processes, for the options FUSE daemons keep to themselves. */
  processArgs: () => string[][]
}

function run(command: string, args: string[]): string | undefined {
  // Bounded: detection must never hold the step up, and never fail it.
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 3000, stdio: ['ignore', 'pipe', 'ignore'] })
  return result.status === 0 ? result.stdout.trim() || undefined : undefined
}

export const linuxSources: MountSources = {
  mountTable: () => fs.readFileSync('/proc/self/mountinfo', 'utf8'),
  blockDeviceType: (device) =>
    run('blkid', ['-o', 'value', '-s', 'TYPE', device]) ?? run('lsblk', ['-ndo', 'FSTYPE', device]),
  processArgs: () =>
    fs
      .readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .flatMap((pid) => {
        try {
          return [fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean)]
        } catch {
          return [] // the process ended meanwhile
        }
      })
}

/**
 * The `-o` options of the sshfs process serving a mount point (follow_symlinks, disable_hardlink...): the kernel's
 * mount table does not have them, and they explain failures.
 */
export function sshfsOptions(processes: string[][], mountPoint: string): string[] {
  const daemon = processes.find((argv) => /(^|\/)sshfs$/.test(argv[0] ?? '') && argv.slice(1).includes(mountPoint))
  if (!daemon) return []
  return daemon.flatMap((arg, i) => {
    if (arg === '-o') return (daemon[i + 1] ?? '').split(',')
    return arg.startsWith('-o') ? arg.slice(2).split(',') : []
  })
}

/** A mount as the knowledge base wants to see it: the real format of a fuseblk device, a FUSE daemon's options. */
function enrich(mount: MountEntry, sources: MountSources): FilesystemInfo {
  const info: FilesystemInfo = { type: mount.type, mountPoint: mount.mountPoint, source: mount.source, options: mount.options }
  if (mount.type === 'fuseblk' && mount.source.startsWith('/dev/')) {
    const format = sources.blockDeviceType(mount.source)
    if (format) info.type = format
  }
  if (mount.type === 'fuse.sshfs') info.options = [...new Set([...mount.options, ...sshfsOptions(sources.processArgs(), mount.mountPoint)])]
  return info
}

/** Reads the mount table at the first question, and each mount's details once. Never throws: what it cannot tell is `unknown`. */
export function createDetector(platform: Platform, sources: Partial<MountSources> = {}): FilesystemDetector {
  const from: MountSources = { ...linuxSources, ...sources }
  let mounts: MountEntry[] | undefined
  const details = new Map<MountEntry, FilesystemInfo>()
  const table = (): MountEntry[] => {
    if (mounts === undefined) {
      try {
        mounts = platform.name === 'linux' ? parseMountinfo(from.mountTable()) : []
      } catch {
        mounts = []
      }
    }
    return mounts
  }
  return {
    forPath: (absPath) => {
      const mount = mountOf(table(), absPath, platform)
      if (!mount) return UNKNOWN_FS
      let info = details.get(mount)
      if (!info) {
        try {
          info = enrich(mount, from)
        } catch {
          info = { type: mount.type, mountPoint: mount.mountPoint, source: mount.source, options: mount.options }
        }
        details.set(mount, info)
      }
      return info
    }
  }
}
