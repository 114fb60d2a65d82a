// Apply stage: carry out each plan. One link's story: its missing parents are made (parents.ts), then the link,
// falling back to the next kind where the filesystem cannot make one (make.ts; a copy is copy.ts), or, to replace what
// is at PATH, made under a temporary name and renamed over it, the old one backed up first (replace.ts, names in ../names.ts,
// kept-kinds.ts); where a filesystem misreports, it is read back (verify.ts). `state: absent` is removal.ts. A failed
// call is a StepError (step-error.ts, with evidence.ts) and becomes the link's failed outcome, with a probe of what the
// filesystem allows (failed-outcome.ts, probe.ts). What one run keeps on the way is in context.ts; what came of each
// link becomes a result in result.ts.
import type { LinkResult } from '../model.js'
import { planLink, planOrSkip, type LinkPlan } from '../plan/index.js'
import { toResult, type LinkOutcome } from '../result.js'
import type { ApplyContext } from './context.js'
import { failedOutcome } from './failed-outcome.js'
import { makeWithFallback } from './make.js'
import { createParents, removeCreatedParents } from './parents.js'
import { removal } from './removal.js'
import { replace } from './replace.js'
import { StepError } from './step-error.js'
import { verify } from './verify.js'

export { applyContext, type ApplyContext } from './context.js'
export { keptLinkType, learnKeptKinds } from './kept-kinds.js'
export { TEMP_PREFIX } from '../names.js'

function execute(plan: LinkPlan, ctx: ApplyContext): LinkOutcome {
  if (plan.action === 'unchanged') return { status: 'unchanged', kind: plan.kinds[0] ?? '' }
  if (plan.action === 'remove') return removal(plan, ctx)
  if (plan.action === 'fail') {
    return { status: plan.skipped ? 'skipped' : 'failed', kind: '', failure: plan.failure, failedKind: plan.kinds[0] }
  }
  const createdParents: string[] = []
  try {
    createParents(plan, ctx, createdParents)
    const status = plan.action === 'replace' ? 'replaced' : 'created'
    const made = status === 'replaced' ? replace(plan, ctx) : makeWithFallback(plan.request.absPath, plan, ctx)
    if (createdParents.length > 0) ctx.taken?.set(plan.request.absPath, { dirs: createdParents })
    verify(made, plan, ctx)
    return { status, kind: made.kind, failure: made.quirk, failedKind: made.kind }
  } catch (error) {
    if (!(error instanceof StepError)) throw error
    removeCreatedParents(createdParents, ctx)
    return failedOutcome(error, plan, ctx)
  }
}

/**
 * Apply one link. Links below another entry's PATH are planned again now, since that link exists only now; so are
 * links on a share that an earlier link found gone, which then are skipped.
 */
export function applyLink(planned: LinkPlan, ctx: ApplyContext): LinkResult {
  const shareGone =
    planned.action !== 'fail' && ctx.goneShares.has(ctx.detector.forPath(planned.request.absPath).mountPoint)
  const plan = planned.request.dependsOnEarlier || shareGone ? planOrSkip(planned.request, ctx) : planned
  const outcome = execute(plan, ctx)
  // Something appeared at PATH since the plan looked (another run on the same directory): look once more.
  if (plan.action === 'create' && outcome.failure?.code === 'EEXIST' && outcome.status === 'failed') {
    const again = planLink(plan.request, ctx)
    return toResult(again, execute(again, ctx), ctx)
  }
  return toResult(plan, outcome, ctx)
}
