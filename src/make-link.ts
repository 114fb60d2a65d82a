// One planned link as the executors make it: planned again first where the disk may have changed since its slice
// was planned, then carried out by apply/. Plans are made ahead (a slice at a time, or a share's all at once), so
// three things can make one stale: a link below another entry's PATH (that link exists only now, and confinement
// must be judged through it), a link on a share an earlier link found gone (skipped without a call), and something
// another run put at PATH after the plan looked (EEXIST: looked at once more).
import { applyLink, type ApplyContext } from './apply/index.js'
import type { LinkResult } from './model.js'
import { goneShareOf, planLink, planOrSkip, type LinkPlan } from './plan/index.js'

export function makeLink(planned: LinkPlan, ctx: ApplyContext): LinkResult {
  const shareGone = planned.action !== 'fail' && goneShareOf(planned.request.absPath, ctx) !== undefined
  const plan = planned.request.dependsOnEarlier || shareGone ? planOrSkip(planned.request, ctx) : planned
  const result = applyLink(plan, ctx)
  if (plan.action === 'create' && result.status === 'failed' && result.code === 'EEXIST')
    return applyLink(planLink(plan.request, ctx), ctx)
  return result
}
