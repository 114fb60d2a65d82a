// `overwrite: copies`, the policy that restores a captured tree: after an artifact or cache round trip PATH holds a
// copy of what the link led to, and it gives way to the link only when it holds those very bytes. Anything else (a
// file edited since, truncated, a TARGET that is gone) is kept, and the link's result says why.
import type { Stats } from 'node:fs'
import type { PlanContext } from './context.js'
import { attemptOf, failed, type LinkPlan } from './link-plan.js'

/** The code of a file kept because it is not a copy of what the link leads to. */
export const NOT_A_COPY = 'NOTCOPY'

/**
 * A file or directory at PATH under `overwrite: copies`: a file is replaced when byte-identical to TARGET, anything
 * else kept. A directory that a followed directory link became is kept too: comparing and replacing trees is not done.
 */
export function replaceCopy(plan: LinkPlan, at: Stats, target: Stats | undefined, ctx: PlanContext): LinkPlan {
  const why = whyNotACopy(plan, at, target, ctx)
  if (why === undefined) return Object.assign(plan, { action: 'replace' as const })
  const { request } = plan
  const message =
    `${request.absPath} is kept: ${why}, so it is not a copy of what the link leads to (${request.absTarget}) ` +
    `and replacing it would lose data (overwrite: copies).`
  const hint =
    'Compare the file with TARGET: when its content is wanted, keep it (drop the entry or move the file away); when ' +
    'it is not, remove it and run again.'
  return { ...failed(plan, NOT_A_COPY, 'read', attemptOf(request)), said: { message, hint } }
}

/** Why PATH's file is not TARGET's copy; undefined when it is. Sizes first: most differences need no read. */
function whyNotACopy(plan: LinkPlan, at: Stats, target: Stats | undefined, ctx: PlanContext): string | undefined {
  if (at.isDirectory()) return 'it is a directory, and overwrite: copies replaces files only'
  if (!at.isFile()) return 'it is not a regular file'
  if (!target) return 'TARGET does not exist'
  if (!target.isFile()) return 'TARGET is not a regular file'
  if (at.size !== target.size) return `it holds ${at.size} bytes and TARGET ${target.size}`
  // A hard link shares the file TARGET resolves to; a symbolic link leads to TARGET itself: the same bytes either way.
  const source = plan.kinds[0] === 'hardlink' ? plan.linkSource : plan.request.absTarget
  return ctx.ops.sameBytes(plan.request.absPath, source) ? undefined : 'its content differs from TARGET (edited since)'
}
