// Links on a share already found gone (ENOTCONN...) are skipped, not attempted: they fail as the link that found it
// gone did, and say they were skipped.
import { isShareGone } from '../families.js'
import type { Failure, LinkRequest } from '../model.js'
import type { PlanContext } from './context.js'
import { emptyPlan, failed, type LinkPlan } from './link-plan.js'

/**
 * What found the share `absPath` is on gone, where one did. Its mount is looked up only once a share was found gone:
 * most runs never find one (every link, planned and made).
 */
export function goneShareOf(absPath: string, ctx: PlanContext): Failure | undefined {
  return ctx.goneShares.size > 0 ? ctx.goneShares.get(ctx.detector.forPath(absPath).mountPoint) : undefined
}

/** The plan of a link on a share already known to be gone. */
export function skipOnGoneShare(request: LinkRequest, ctx: PlanContext): LinkPlan | undefined {
  const gone = goneShareOf(request.absPath, ctx)
  if (!gone) return undefined
  return { ...failed(emptyPlan(request, ctx), gone.code, gone.syscall, gone.attempted), skipped: true }
}

/** A plan that finds its share gone marks it so for the links after it. */
export function noteGoneShare(plan: LinkPlan, ctx: PlanContext): void {
  if (!plan.failure || !isShareGone(plan.failure.code)) return
  ctx.goneShares.set(ctx.detector.forPath(plan.request.absPath).mountPoint, plan.failure)
}
