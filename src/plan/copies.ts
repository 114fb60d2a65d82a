// `overwrite: copies`, the policy that restores a captured tree: after an artifact or cache round trip PATH holds a
// copy of what the link led to, and it gives way to the link only when it holds those very bytes. Anything else (a
// file edited since, truncated, a TARGET that is gone) is kept, and the link's result says why.
import type { Stats } from 'node:fs'
import { errnoCode, isErrno } from '../errors.js'
import type { PlanContext } from './context.js'
import { attemptOf, failed, type LinkPlan } from './link-plan.js'

/** The code of a file kept because it is not a copy of what the link leads to. */
export const NOT_A_COPY = 'NOTCOPY'

/**
 * A file or directory at PATH under `overwrite: copies`: replaced when it holds TARGET's bytes (a directory, what a
 * followed directory link became: all the way down), anything else kept.
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
  if (at.isDirectory()) return whyNotATreeCopy(plan, target, ctx)
  if (!at.isFile()) return 'it is not a regular file'
  if (!target) return 'TARGET does not exist'
  if (!target.isFile()) return 'TARGET is not a regular file'
  if (at.size !== target.size) return `it holds ${at.size} bytes and TARGET ${target.size}`
  // A hard link shares the file TARGET resolves to; a symbolic link leads to TARGET itself: the same bytes either way.
  const source = plan.kinds[0] === 'hardlink' ? plan.linkSource : plan.request.absTarget
  return ctx.ops.sameBytes(plan.request.absPath, source) ? undefined : 'its content differs from TARGET (edited since)'
}

function whyNotATreeCopy(plan: LinkPlan, target: Stats | undefined, ctx: PlanContext): string | undefined {
  if (!target?.isDirectory()) return 'it is a directory and TARGET is not'
  try {
    const differs = firstDifference(plan.request.absPath, plan.request.absTarget, ctx, 0)
    return differs === undefined ? undefined : `${differs} differs from TARGET's tree`
  } catch (error) {
    // A loop of links inside (ELOOP), a name that cannot be read: what cannot be compared is kept.
    if (!isErrno(error)) throw error
    return `its tree cannot be compared with TARGET's (${errnoCode(error)} at ${error.path ?? 'a name inside'})`
  }
}

/** Links in a tree are followed, as the round trip did; a loop of them ends the comparison as a difference. */
const MAX_DEPTH = 40

/** The first name under `copy` whose content is not what the same name under `original` leads to; undefined: none. */
function firstDifference(copy: string, original: string, ctx: PlanContext, depth: number): string | undefined {
  const { ops, platform } = ctx
  const names = ops.readdir(original).sort()
  if (depth > MAX_DEPTH || ops.readdir(copy).sort().join('\0') !== names.join('\0')) return copy
  for (const name of names) {
    const [a, b] = [platform.path.join(copy, name), platform.path.join(original, name)]
    const [sa, sb] = [ops.stat(a), ops.stat(b)]
    if (sa?.isDirectory() && sb?.isDirectory()) {
      const differs = firstDifference(a, b, ctx, depth + 1)
      if (differs !== undefined) return differs
    } else if (!sa?.isFile() || !sb?.isFile() || sa.size !== sb.size || !ops.sameBytes(a, b)) return a
  }
  return undefined
}
