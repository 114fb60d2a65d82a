// `overwrite: copies`, the policy that restores a captured tree: after an artifact or cache round trip PATH holds a
// copy of what the link led to, and it gives way to the link only when proven to hold those very bytes, kept
// elsewhere (../restore-copy.ts). Anything else (a file edited since, truncated, a TARGET that is gone, a TARGET that
// leads back to PATH) is kept, and the link's result says why. The proof that counts is made by apply, right before
// the swap: a run's plan only sorts out by their stats what cannot be a copy (what it would read could change before
// then); a dry run's plan, which is all there is, proves.
import type { Stats } from 'node:fs'
import { keptWords, NOT_A_COPY, whyNotACopy } from '../restore-copy.js'
import type { PlanContext } from './context.js'
import { attemptOf, failed, type LinkPlan } from './link-plan.js'

/**
 * A file or directory at PATH under `overwrite: copies`: replaced when it holds what the link will lead to (a
 * directory, what a followed directory link became: all the way down), anything else kept.
 */
export function replaceCopy(plan: LinkPlan, at: Stats, target: Stats | undefined, ctx: PlanContext): LinkPlan {
  const { request } = plan
  const replacing = { action: 'replace' as const, copyAtPath: true }
  if (!ctx.settings.dryRun && mayBeACopy(at, target)) return Object.assign(plan, replacing)
  const why = whyNotACopy(request, plan.kinds[0], ctx)
  if (why === undefined) return Object.assign(plan, replacing)
  return { ...failed(plan, NOT_A_COPY, 'read', attemptOf(request)), said: keptWords(request, why) }
}

/** What the stats alone allow to be a copy: of one type, a file of the same size. */
function mayBeACopy(at: Stats, target: Stats | undefined): boolean {
  if (!target) return false
  return at.isDirectory() ? target.isDirectory() : at.isFile() && target.isFile() && at.size === target.size
}
