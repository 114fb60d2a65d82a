// Apply stage: carry out each plan. One link's story: its missing parents are made (parents.ts), then the link,
// falling back to the next kind where the filesystem cannot make one (make.ts; a copy is copy.ts), or, to replace what
// is at PATH, made under a temporary name and renamed over it, the old one backed up first (replace.ts, names in ../names.ts,
// kept-kinds.ts); where a filesystem misreports, it is read back (verify.ts). `state: absent` is removal.ts. A failed
// call is a StepError (step-error.ts, with evidence.ts) and becomes the link's failed outcome, with a probe of what the
// filesystem allows (failed-outcome.ts, probe.ts). What one run keeps on the way is in context.ts; what came of each
// link becomes a result in result.ts. A plan is carried out as it is: where the disk may have changed since it was
// made, the executors plan again first (../make-link.ts).
import type { LinkResult } from '../model.js'
import type { LinkPlan } from '../plan/index.js'
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
export { closeRooms } from './aside-room.js'
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

/** Carry out one plan, as it stands, and say what came of it: apply never looks again (../make-link.ts does). */
export function applyLink(plan: LinkPlan, ctx: ApplyContext): LinkResult {
  return toResult(plan, execute(plan, ctx), ctx)
}
