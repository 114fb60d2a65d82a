// The names ln-action gives what it makes besides the links: temporary names (a link is made under one, then renamed
// over PATH; the probes' scratch files) in a form a later run recognises, so that what a killed run left can be swept,
// and backup names. Apply, cleanup and removal all name things here.
import { randomBytes } from 'node:crypto'
import type { PlatformPath } from 'node:path'

/** Temporary names: a fixed prefix a later run can recognise, then pid and randomness (unique per process). */
export const TEMP_PREFIX = '.ln-action-'
export const STALE_TEMP_MS = 60 * 60 * 1000
/** tempName's form, and the probe's scratch names (-f, -s, -h) built on it. */
export const TEMP_NAME = /^\.ln-action-[0-9a-z]+-[0-9a-f]{8}(-[fsh])?$/

/** Random bytes drawn a page at a time: a call to randomBytes per name costs more than the link it names. */
let pool = Buffer.alloc(0)
let drawn = 0

/** Eight random hex digits. */
function randomHex(): string {
  if (drawn >= pool.length) [pool, drawn] = [randomBytes(4096), 0]
  drawn += 4
  return pool.toString('hex', drawn - 4, drawn)
}

/** A new temporary name in dir. */
export function tempName(dir: string, path: PlatformPath): string {
  return path.join(dir, `${TEMP_PREFIX}${process.pid.toString(36)}-${randomHex()}`)
}

/**
 * A name in dir for the directory of ours that copies at PATHs in dir go aside into (overwrite: copies,
 * apply/aside-room.ts). Not of TEMP_NAME's form: what is left there (not proven identical) is never swept by a later
 * run.
 */
export function asideName(dir: string, path: PlatformPath): string {
  return path.join(dir, `${TEMP_PREFIX}aside-${process.pid.toString(36)}-${randomHex()}`)
}

/** The n-th name a backup of `path` may take: PATH+suffix first, then PATH.~1~, PATH.~2~... (as `ln --backup=numbered`). */
export function backupName(path: string, suffix: string, n: number): string {
  return n === 0 ? path + suffix : `${path}.~${n}~`
}
