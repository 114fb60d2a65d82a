// The common re-run: PATH is already the symbolic link asked for. Once a link in a planning pass was found so, the
// next links' texts are read first, and TARGET is looked at only as far as `dangling` needs it (on a share each call
// is a round trip): one or two calls instead of three. Anything else gets the full look; a first run never reads
// first, so it pays nothing for this.
import { errnoCode } from '../errors.js'
import { targetThere, type PlanContext } from './context.js'
import type { LinkPlan } from './link-plan.js'
import { textOf } from './link-text.js'

/** What reading PATH's text first found: the link asked for (the plan is settled), nothing, or undecided. */
export type FirstLook = 'settled' | 'nothing' | undefined

/**
 * Settle the plan as `unchanged` when PATH already holds the asked text and TARGET is as `dangling` wants it. Only
 * where the text alone decides: not on Windows (junctions, link types), not for another kind asked first.
 */
export function firstLook(plan: LinkPlan, realParent: string, ctx: PlanContext): FirstLook {
  const { request } = plan
  if (!ctx.rerun?.likely || ctx.platform.isWindows || plan.kinds[0] !== 'symlink') return undefined
  let text: string
  try {
    text = ctx.ops.readlink(request.absPath)
  } catch (error) {
    // Not a link (EINVAL), a hidden text (EPERM on sshfs), a share's errno: the full look asks again and says why.
    return errnoCode(error) === 'ENOENT' ? 'nothing' : undefined
  }
  if (text !== textOf(request, realParent, ctx)) return undefined
  if (ctx.settings.dangling !== 'allow') {
    // A missing TARGET warns or fails: the full look says so. Whether TARGET is a directory matters to none of
    // this (it is not Windows), nor does what a hard link would share: it is not asked.
    if (!targetThere(request.absTarget, ctx)) return undefined
    plan.targetExists = true
  }
  // Field by field: Object.assign with a new object costs each re-run's link about a thousand instructions more.
  plan.text = text
  plan.existing = 'link'
  plan.action = 'unchanged'
  plan.kinds = ['symlink']
  return 'settled'
}

/**
 * Whether the next link is likely already right: the one just planned was a symbolic link whose text could be read.
 * Not where a mount shows links as their TARGETs or hides their texts: reading first would only add a round trip.
 */
export function noteSettled(plan: LinkPlan, ctx: PlanContext): void {
  if (!ctx.rerun) return
  const readable = plan.existing === 'link' && plan.kinds[0] === 'symlink' && !plan.unreadable
  ctx.rerun.likely = plan.action === 'unchanged' && readable
}
