// `state: absent`: the link goes (or becomes its backup) through the real directory planned, unless a parent moved.
import { canHang } from '../families.js'
import { parentChange, underParent } from '../parent.js'
import type { LinkPlan } from '../plan/index.js'
import { removeLinkAt } from '../remove.js'
import type { LinkOutcome } from '../result.js'
import type { ApplyContext } from './context.js'
import { failedOutcome } from './failed-outcome.js'
import { step, StepError } from './step-error.js'

/** `state: absent`: the link goes, or with backup-suffix is moved to its backup; through the real directory planned. */
export function removal(plan: LinkPlan, ctx: ApplyContext): LinkOutcome {
  const kind = plan.kinds[0]
  const abs = plan.request.absPath
  // On a share inode numbers are not the directory's own (FUSE renumbers a node it forgot): the real path decides.
  const moved = plan.parent && parentChange(abs, plan.parent, ctx.ops, ctx.platform, !canHang(plan.filesystem))
  if (moved?.gone) return { status: 'unchanged', kind: '' } // the link went with its directory
  if (moved) return parentMoved(moved.words, plan)
  const at = plan.parent ? underParent(abs, plan.parent, ctx.platform) : abs
  try {
    step('remove the link', kind, () => removeLinkAt(at, kind, ctx.settings.backupSuffix, ctx.ops, ctx.platform))
    return { status: 'removed', kind }
  } catch (error) {
    if (!(error instanceof StepError)) throw error
    return failedOutcome(error, plan, ctx)
  }
}

/** PATH's chain led elsewhere by the time the link was to go (a later process swapped a parent): nothing removed. */
function parentMoved(words: string, plan: LinkPlan): LinkOutcome {
  const failure = { code: 'PARENT_CHANGED', syscall: 'realpath', attempted: 'remove the link' }
  const message = `${plan.request.absPath} was not removed: ${words} since the plan looked at it.`
  const hint = 'Run the step again once nothing else changes the directories above PATH.'
  const explanation = { message, hint, advice: [], capability: false }
  return { status: 'failed', kind: '', failure, failedKind: plan.kinds[0], explanation }
}
