// The proof `overwrite: copies` (restore-copy.ts) asks before a file or directory at PATH gives way to a link: it holds, byte for byte,
// what the link will lead to, and that is somewhere else. The same walk, handed a remover, sweeps a copy moved aside:
// each file goes only once proven, each directory only once empty (rmdir), so nothing unproven is ever removed.
import type { Stats } from 'node:fs'
import { sameFile, type FsOps } from './fsops.js'
import { keyWithin, pathKey, type Platform } from './platform.js'

/** The filesystem calls and the platform the proof reads through (a plan's or apply's context). */
export interface ProofContext {
  ops: FsOps
  platform: Platform
}
type Ctx = ProofContext

/** The copy (what is at PATH), the original (real) it must equal, and the real path nothing compared may lie under. */
export interface Sides {
  copy: string
  original: string
  /** PATH's own real path (or, sweeping, the name the copy was moved aside to). */
  own: string
}

/** Removes what was proven: a file, or a directory once all it held was (then empty); `at`: its entry as compared. */
export type Remover = (p: string, at: Stats) => void

/** Links followed in the original's tree before giving up, as the kernel's 40. */
const MAX_DEPTH = 40

/**
 * Why the copy is not the original's, in words; undefined when it is. With a remover, the walk goes on past a
 * difference and removes every part proven, keeping the rest. `seen`: the copy's entry, where the caller has just
 * looked at it (not followed).
 */
export function whyNotSame(sides: Sides, ctx: Ctx, remove?: Remover, seen?: Stats): string | undefined {
  const { original } = sides
  const { platform } = ctx
  // Each key made once: every path compared is normalized and folded as its volume compares names.
  const ownKey = pathKey(platform, sides.own)
  const originalKey = pathKey(platform, original)
  if (keyWithin(platform, ownKey, originalKey)) return `TARGET (${original}) is PATH or lies inside it`
  if (keyWithin(platform, originalKey, ownKey)) return `PATH lies inside TARGET (${original})`
  const at = seen ?? ctx.ops.lstat(sides.copy)
  if (!at) return 'nothing is there any more'
  return difference(sides.copy, at, original, { ctx, ownKey, dev: at.dev, remove }, 0)
}

interface Walk {
  ctx: Ctx
  /** Sides.own's key (platform.ts pathKey). */
  ownKey: string
  /** The copy's filesystem: a mount inside it is not part of the copy. */
  dev: number
  remove?: Remover
}

/** `a`: the copy's entry, just looked at (not followed). */
function difference(
  copy: string,
  a: Stats | undefined,
  original: string,
  walk: Walk,
  depth: number
): string | undefined {
  if (!a || a.dev !== walk.dev || !(a.isFile() || a.isDirectory()))
    return `${copy} is not a file or directory of the copy (a link, a mount, or gone)`
  const b = originalAt(original, walk)
  if (typeof b === 'string') return b
  // The same file or directory reached twice is no copy of itself; a second name of a file keeps its content.
  if (sameFile(a, b.stats) && (a.isDirectory() || a.nlink < 2)) return `${copy} is ${b.real} itself`
  if (a.isFile()) return fileDifference(copy, a, b, walk)
  if (!b.stats.isDirectory()) return `${copy} is a directory and ${b.real} is not`
  if (depth > MAX_DEPTH) return `${copy} lies too deep to compare (a loop of links?)`
  return treeDifference(copy, a, b.real, walk, depth)
}

function fileDifference(copy: string, a: Stats, b: Original, walk: Walk): string | undefined {
  if (!b.stats.isFile()) return `${copy} is a file and ${b.real} is not`
  if (a.size !== b.stats.size) return `${copy} holds ${a.size} bytes and ${b.real} ${b.stats.size}`
  if (!walk.ctx.ops.sameBytes(copy, b.real)) return `${copy}'s content differs from ${b.real}'s (edited since)`
  walk.remove?.(copy, a)
  return undefined
}

function treeDifference(copy: string, a: Stats, original: string, walk: Walk, depth: number): string | undefined {
  const { ops, platform } = walk.ctx
  const names = ops.readdir(copy).sort()
  const theirs = new Set(ops.readdir(original))
  let first = names.length === theirs.size ? undefined : `${copy} does not hold the same names as ${original}`
  for (const name of names) {
    const p = platform.path.join(copy, name)
    const why = theirs.has(name)
      ? difference(p, ops.lstat(p), platform.path.join(original, name), walk, depth + 1)
      : `${p} is not in ${original}`
    first ??= why
    if (first !== undefined && !walk.remove) return first
  }
  if (first === undefined) walk.remove?.(copy, a)
  return first
}

interface Original {
  real: string
  stats: Stats
}

/** The original's entry, its links followed, or why it cannot be one: gone, or leading back into the copy. */
function originalAt(p: string, walk: Walk): Original | string {
  const { ops, platform } = walk.ctx
  const at = ops.lstat(p)
  if (!at) return `${p} does not exist`
  const real = at.isSymbolicLink() ? ops.realpath(p) : p
  if (keyWithin(platform, walk.ownKey, pathKey(platform, real)))
    return `${p} leads back into PATH (${real}): no proof of a copy`
  const stats = real === p ? at : ops.stat(real)
  return stats ? { real, stats } : `${p} does not exist`
}
