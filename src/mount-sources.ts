// What this machine says about its mounts: the mount table, block devices' formats, running FUSE daemons' command
// lines, Windows drives, macOS firmlinks. Read as is; mounts.ts makes sense of it. Every read is bounded and never
// throws where a missing answer will do.
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import { DRIVE_SCRIPT, driveInput, POWERSHELL_INPUT, powershellArgs } from './mounts-windows.js'
import type { Platform } from './platform.js'

/** Where a detector reads from; tests hand in recorded output. */
export interface MountSources {
  /** Linux: /proc/self/mountinfo. macOS: what `mount` prints. */
  mountTable: () => string
  /** The format on a block device (blkid), for fuseblk mounts whose type says only "FUSE". */
  blockDeviceType: (device: string) => string | undefined
  /** The command lines of running processes, for the options FUSE daemons keep to themselves. */
  processArgs: () => string[][]
  /** Windows: what the drive query (mounts-windows.ts) prints for a drive root such as `D:\`. */
  driveInfo: (root: string) => string | undefined
  /** macOS: /usr/share/firmlinks, what leads from the sealed system volume into the Data volume. */
  firmlinks: () => string | undefined
}

/** A command's output, or undefined. Bounded: detection must never hold the step up, and never fail it. */
export function run(command: string, args: string[], timeout = 3000, env = process.env): string | undefined {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    timeout,
    windowsHide: true,
    // process.env is the action's default, named because under Jest it is the test file's own copy (PATH included),
    // which the default (Node's real one) would not see.
    env,
    stdio: ['ignore', 'pipe', 'ignore']
  })
  return result.status === 0 ? result.stdout.trim() || undefined : undefined
}

/**
 * A fixed PowerShell script run on `input`, handed over as JSON in the environment (never spliced into the script:
 * see POWERSHELL_INPUT). PowerShell starts slowly on a busy runner: 10 s at most.
 */
export function askPowerShell(script: string, input: unknown): string | undefined {
  return run('powershell.exe', powershellArgs(script), 10_000, {
    ...process.env,
    [POWERSHELL_INPUT]: JSON.stringify(input)
  })
}

export function readOrUndefined(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
}

/** Where the real sources are read; tests lay out their own (commands on PATH need no such seam). */
export type Places = Readonly<Record<'proc' | 'mount' | 'firmlinks', string>>
export const SYSTEM_PLACES: Places = Object.freeze({
  proc: '/proc',
  mount: '/sbin/mount',
  firmlinks: '/usr/share/firmlinks'
})

/** Linux's /proc, which only Linux has (darwin reads `mount` instead). Only numeric entries are processes. */
function processArgsFromProc(proc: string): string[][] {
  return fs
    .readdirSync(proc)
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        return [fs.readFileSync(`${proc}/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean)]
      } catch {
        return [] // the process ended meanwhile
      }
    })
}

/** The real sources of the platform the detector is made for. */
export function systemSources(platform: Platform, places = SYSTEM_PLACES): MountSources {
  return {
    mountTable: () =>
      platform.isMac ? (run(places.mount, []) ?? '') : fs.readFileSync(`${places.proc}/self/mountinfo`, 'utf8'),
    blockDeviceType: (device) =>
      run('blkid', ['-o', 'value', '-s', 'TYPE', device]) ?? run('lsblk', ['-ndo', 'FSTYPE', device]),
    processArgs: () => processArgsFromProc(places.proc),
    // Once per drive.
    driveInfo: (root) => askPowerShell(DRIVE_SCRIPT, driveInput(root)),
    firmlinks: () => readOrUndefined(places.firmlinks)
  }
}
