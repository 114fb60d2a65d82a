// Reading the new link back where a filesystem is known to misreport, and saying what does not match.
import type { Stats } from 'node:fs'
import { errnoCode } from '../errors.js'
import { quirksOf } from '../families.js'
import type { LinkPlan } from '../plan/index.js'
import { linkTextOf, sameLinkTarget } from '../platform.js'
import type { ApplyContext } from './context.js'
import type { Made } from './make.js'
import { warnFailed } from './step-error.js'

/**
 * Where a filesystem is known to misreport, read the new link back at PATH (after the rename, when replacing: what
 * every reader sees there), and say what does not match.
 */
export function verify(made: Made, plan: LinkPlan, ctx: ApplyContext): void {
  const { kind } = made
  const at = plan.request.absPath
  const quirks = quirksOf(plan.filesystem)
  if (made.quirk || !quirks.misreports || (kind !== 'symlink' && kind !== 'junction')) return
  try {
    const stats = ctx.ops.lstat(at)
    if (!stats) {
      plan.warnings.push(
        `${plan.request.absPath} was reported made but cannot be found through ${plan.filesystem.type} at ${plan.filesystem.mountPoint}.`
      )
      return
    }
    if (!stats.isSymbolicLink()) return // follow_symlinks shows links as their targets; reading back proves nothing
    const wanted = linkTextOf(ctx.platform, kind, plan.text, plan.request.absTarget)
    const text = readBack(at, stats, wanted, plan, ctx)
    if (text !== undefined && !sameLinkTarget(ctx.platform, at, text, wanted)) {
      const why = quirks.readsBackStale ?? ''
      plan.warnings.push(`${at} reads back as '${text}', not '${wanted}'. ${why}`.trim())
    }
  } catch (error) {
    // The link was made; only the check failed (the share may have gone meanwhile): say so, keep the result.
    warnFailed(error, 'lstat', 'read back the new link', kind, plan, ctx)
  }
}

/** The link's text, or undefined where the mount hides it (`..` or absolute) but its size, the text's length, matches. */
function readBack(at: string, stats: Stats, wanted: string, plan: LinkPlan, ctx: ApplyContext): string | undefined {
  const mount = plan.filesystem.mountPoint
  // Once a mount has hidden a text, reading each new one back costs a round trip to learn nothing.
  if (ctx.hidingTexts.has(mount) && stats.size === Buffer.byteLength(wanted)) return undefined
  try {
    return ctx.ops.readlink(at)
  } catch (error) {
    if (errnoCode(error) !== 'EPERM' || stats.size !== Buffer.byteLength(wanted)) throw error
    ctx.hidingTexts.add(mount)
    return undefined
  }
}
