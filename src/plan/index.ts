// Plan stage: for each link, look at the disk (read only) and decide: create, replace, unchanged or fail. One link's
// story: where PATH really is (resolve.ts), what TARGET is and what a link to it holds (link-text.ts), which kinds
// can lead there (kinds.ts), and what is at PATH already (settled.ts for a link already right; else recognise.ts,
// decide.ts); or, for `state: absent`, whether what is there may go (removal.ts). A link on a share already found
// gone is skipped (gone-shares.ts); the caches one pass keeps are in context.ts.
import { isErrno, toFailure } from '../errors.js'
import type { FilesystemInfo, LinkRequest } from '../model.js'
import { planningContext, type PlanContext } from './context.js'
import { decide } from './decide.js'
import { noteGoneShare, skipOnGoneShare } from './gone-shares.js'
import { fitKinds } from './kinds.js'
import { attemptOf, emptyPlan, type LinkPlan } from './link-plan.js'
import { examineTarget } from './link-text.js'
import { refuseAbsentThroughLink, refuseCopy, refuseOutside } from './outside.js'
import { planRemoval } from './removal.js'
import { firstLook, noteSettled } from './settled.js'
import { escaped, locate } from './resolve.js'

export { listedKey, planningContext, statTarget, type PlanContext } from './context.js'
export { goneShareOf } from './gone-shares.js'
export { emptyPlan, type LinkPlan } from './link-plan.js'

/**
 * A plan's filesystem until locate looks up the one PATH's real parent is on: a plan that fails before then reports
 * PATH's own (located), the one a link that never got further reports. One lookup a link, not two.
 */
const UNLOCATED: FilesystemInfo = { type: 'unknown', mountPoint: '', source: '', options: [] }

/** The plan, with PATH's own filesystem where locate did not get to look up its parent's. */
function located(plan: LinkPlan, ctx: PlanContext): LinkPlan {
  if (plan.filesystem === UNLOCATED) plan.filesystem = ctx.detector.forPath(plan.request.absPath)
  return plan
}

export function planLink(request: LinkRequest, ctx: PlanContext): LinkPlan {
  const plan = emptyPlan(request, ctx, UNLOCATED)
  try {
    const parent = locate(plan, ctx)
    if (!parent) return escaped(located(plan, ctx), ctx)
    if (request.options.state === 'absent') {
      const through = ctx.settings.confineTargets ? refuseAbsentThroughLink(plan, parent.real, ctx) : undefined
      return through ?? planRemoval(plan, parent, ctx)
    }
    if (ctx.settings.restore && request.options.fallback.includes('copy')) return refuseCopy(plan, ctx)
    // Nothing can be in a directory that does not exist: on a share that saves a round trip per new link.
    const first = parent.missing.length > 0 ? 'nothing' : firstLook(plan, parent.real, ctx)
    if (first === 'nothing') return planNew(plan, parent.real, ctx)
    // A restore vouches for no link leading out, not even one the artifact brought already right.
    if (first === 'settled' && !ctx.settings.confineTargets) return plan
    const target = examineTarget(plan, parent.real, ctx)
    const outside = ctx.settings.confineTargets ? refuseOutside(plan, parent.real, ctx) : undefined
    if (outside) return outside
    if (first === 'settled') return plan
    return fitKinds(plan, target, ctx) ?? decide(plan, ctx.ops.lstat(request.absPath), target, ctx)
  } catch (error) {
    if (!isErrno(error)) throw error
    return {
      ...located(plan, ctx),
      action: 'fail',
      failure: toFailure(error, error.syscall ?? 'stat', attemptOf(request))
    }
  }
}

/** A link with nothing at PATH: TARGET is looked at, and no more than that is asked. */
function planNew(plan: LinkPlan, realParent: string, ctx: PlanContext): LinkPlan {
  const target = examineTarget(plan, realParent, ctx)
  const outside = ctx.settings.confineTargets ? refuseOutside(plan, realParent, ctx) : undefined
  return outside ?? fitKinds(plan, target, ctx) ?? decide(plan, undefined, undefined, ctx)
}

/**
 * Plan one link, unless its share (found lexically, without touching it) is already known to be gone. A plan that
 * finds the share gone marks it so for the links after it.
 */
export function planOrSkip(request: LinkRequest, ctx: PlanContext): LinkPlan {
  const skipped = skipOnGoneShare(request, ctx)
  if (skipped) return skipped
  const plan = planLink(request, ctx)
  noteGoneShare(plan, ctx)
  noteSettled(plan, ctx)
  return plan
}

/** Plan every link, in spec order. */
export function planAll(requests: LinkRequest[], ctx: PlanContext): LinkPlan[] {
  const planning = planningContext(ctx)
  return requests.map((request) => planOrSkip(request, planning))
}
