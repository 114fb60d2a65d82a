// Links on a share already found gone (ENOTCONN...) are skipped, not attempted: they fail as the link that found it
// gone did, and say they were skipped.
import { isShareGone } from '../families.js'
import type { LinkRequest } from '../model.js'
import type { PlanContext } from './context.js'
import { emptyPlan, failed, type LinkPlan } from './link-plan.js'

/** The plan of a link on the share at `mountPoint` when that share is already known to be gone. */
export function skipOnGoneShare(request: LinkRequest, mountPoint: string, ctx: PlanContext): LinkPlan | undefined {
  const gone = ctx.goneShares.get(mountPoint)
  if (!gone) return undefined
  return { ...failed(emptyPlan(request, ctx), gone.code, gone.syscall, gone.attempted), skipped: true }
}

/** A plan that finds its share gone marks it so for the links after it. */
export function noteGoneShare(plan: LinkPlan, mountPoint: () => string, ctx: PlanContext): void {
  if (plan.failure && isShareGone(plan.failure.code)) ctx.goneShares.set(mountPoint(), plan.failure)
}
