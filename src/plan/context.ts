// What a planning pass reads the disk through, and the caches one pass keeps: thousands of links share a few
// directories and targets, and on a share each lookup is a round trip.
import type { Stats } from 'node:fs'
import type { FsOps } from '../fsops.js'
import type { FilesystemDetector } from '../mounts.js'
import type { Failure, FilesystemInfo, LinkSettings, LinkTexts } from '../model.js'
import type { HardlinkGuard, Platform } from '../platform.js'

export interface PlanContext {
  platform: Platform
  ops: FsOps
  detector: FilesystemDetector
  settings: LinkSettings
  /** The working directory with its symlinks resolved, for confinement. */
  realWorkingDirectory: string
  /** A restore's: the symbolic links its spec may make, whose names a link's way is judged through (outside.ts). */
  linkTexts?: LinkTexts
  /** Mount points whose share was found gone (ENOTCONN...): later links there are skipped, not attempted. */
  goneShares: Map<string, Failure>
  /**
   * Directories already resolved while planning (thousands of links share a few directories). Only while nothing
   * is being made: a link planned again at apply time must see what earlier links changed.
   */
  realDirectories?: Map<string, RealLocation>
  /** Likewise each TARGET's stat (many links share a few targets; on a share each stat is a round trip). */
  targets?: Map<string, Stats | undefined>
  /** Likewise the relative way from a link's real directory to its TARGET's (a few pairs for thousands of links). */
  relatives?: Map<string, string>
  /**
   * Likewise the names in directories a share lane listed (lane.ts): a name missing there is known missing without
   * asking the share, which answers one lookup at a time per directory.
   */
  listed?: Map<string, Set<string>>
  /**
   * Likewise the names a restore's ways (outside.ts) found to be directories: every link of a tree is judged down the
   * same ones (for a TARGET nine names below working-directory, eight lstats a link saved).
   */
  wayDirectories?: Map<string, Stats>
  /** Likewise whether each TARGET is there, where nothing more was asked of it (settled.ts). */
  present?: Map<string, boolean>
  /** Whether the last link this pass planned was already right: then the next one's text is read first (settled.ts). */
  rerun?: { likely: boolean }
  /** fs.protected_hardlinks and the effective user, read at the first hard link Linux refuses (result.ts). */
  hardlinkGuard?: HardlinkGuard
}

export interface RealLocation {
  /** p with the symlinks of its existing part resolved. */
  real: string
  /** The directories of p that do not exist yet, outermost first. */
  missing: string[]
  /** Whether `real` lies inside the real working directory: asked once per directory, not per link. */
  inside?: boolean
  /** The filesystem `real` is on: likewise looked up once per directory (resolve.ts). */
  filesystem?: FilesystemInfo
}

/** The context for a planning pass, in which resolved directories and what TARGETs are may be remembered. */
export function planningContext<T extends PlanContext>(ctx: T): T {
  return {
    ...ctx,
    realDirectories: new Map(),
    targets: new Map(),
    present: new Map(),
    relatives: new Map(),
    wayDirectories: new Map(),
    listed: new Map(),
    rerun: { likely: false }
  }
}

/**
 * How a listed name is compared: without case or Unicode form, so that a share whose server ignores them (a macOS or
 * Windows disk behind it) never has a name taken for missing that its lookups would find.
 */
export function listedKey(name: string): string {
  return name.normalize('NFC').toLowerCase()
}

/** p's directory was listed while planning, without p in it. */
export function unlisted(p: string, ctx: PlanContext): boolean {
  // Only a share's lanes list: elsewhere p is not taken apart for nothing (every link, twice).
  if (!ctx.listed?.size) return false
  const { path } = ctx.platform
  return ctx.listed.get(path.dirname(p))?.has(listedKey(path.basename(p))) === false
}

/** TARGET's stat, once per planning pass: a share worker's lanes look up their share of them first (lane.ts). */
export function statTarget(target: string, ctx: PlanContext): Stats | undefined {
  if (ctx.targets?.has(target)) return ctx.targets.get(target)
  const stats = unlisted(target, ctx) ? undefined : ctx.ops.stat(target)
  ctx.targets?.set(target, stats)
  return stats
}

/**
 * Whether TARGET leads to something, once per planning pass: its stat says where one was made, else it is asked
 * alone (access(2): no stat to build, a tenth of a re-run's instructions where each link has a TARGET of its own).
 */
export function targetThere(target: string, ctx: PlanContext): boolean {
  if (ctx.targets?.has(target)) return ctx.targets.get(target) !== undefined
  const known = ctx.present?.get(target)
  if (known !== undefined) return known
  const there = !unlisted(target, ctx) && ctx.ops.exists(target)
  ctx.present?.set(target, there)
  return there
}
