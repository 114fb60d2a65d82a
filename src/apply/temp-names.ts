// The temporary names a link is made under before it is renamed over PATH (and the probes' scratch names): a form a
// later run recognises, so that what a killed run left can be swept.
import { randomBytes } from 'node:crypto'
import type { ApplyContext } from './context.js'

/** Temporary names: a fixed prefix a later run can recognise, then pid and randomness (unique per process). */
export const TEMP_PREFIX = '.ln-action-'
export const STALE_TEMP_MS = 60 * 60 * 1000
/** tempName's form, and the probe's scratch names (-f, -s, -h) built on it. */
export const TEMP_NAME = /^\.ln-action-[0-9a-z]+-[0-9a-f]{8}(-[fsh])?$/

export function tempName(dir: string, ctx: ApplyContext): string {
  return ctx.platform.path.join(dir, `${TEMP_PREFIX}${process.pid.toString(36)}-${randomBytes(4).toString('hex')}`)
}
