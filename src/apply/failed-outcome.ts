// A failed step as the link's outcome: explained, with a probe of what the filesystem allows where a capability is
// missing; a share found gone is marked so for the links after it.
import { isShareGone } from '../families.js'
import type { LinkPlan } from '../plan/index.js'
import type { LinkOutcome } from '../result.js'
import type { ApplyContext } from './context.js'
import { probe } from './probe.js'
import type { StepError } from './step-error.js'

export function failedOutcome(error: StepError, plan: LinkPlan, ctx: ApplyContext): LinkOutcome {
  const { failure, kind } = error
  // Said by apply itself (a copy found changed right before the swap): nothing for the knowledge base to add.
  if (plan.said) return { status: 'failed', kind: '', failure, failedKind: kind }
  const explanation = error.explanation(plan, ctx)
  const outcome: LinkOutcome = { status: 'failed', kind: '', failure, failedKind: kind, explanation }
  if (isShareGone(failure.code)) ctx.goneShares.set(ctx.detector.forPath(plan.request.absPath).mountPoint, failure)
  // EXDEV is about the pair of filesystems: a probe of PATH's directory alone would say "hard links work".
  else if (failure.code !== 'EXDEV' && explanation.capability) {
    outcome.probe = probe(ctx.platform.path.dirname(plan.request.absPath), plan, ctx)
  }
  return outcome
}
