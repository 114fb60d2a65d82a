// `state: absent`: the facts remove.ts judges (what is at PATH, whether a link there leads to TARGET), and the plan
// that follows from its verdict.
import { quirksOf } from '../families.js'
import { sameFile } from '../fsops.js'
import { parentOf } from '../parent.js'
import { pathKey, withoutNamespace } from '../platform.js'
import { judgeRemoval } from '../remove.js'
import type { PlanContext, RealLocation } from './context.js'
import { failed, type LinkPlan } from './link-plan.js'
import { existingKind, readLinkText } from './recognise.js'

/** `state: absent`: whether what is at PATH may go (remove.ts judges), and the text of a link that would. */
export function planRemoval(plan: LinkPlan, parent: RealLocation, ctx: PlanContext): LinkPlan {
  const { request } = plan
  const at = parent.missing.length > 0 ? undefined : ctx.ops.lstat(request.absPath)
  const given = request.absTarget !== ''
  const isLink = at?.isSymbolicLink() === true
  if (at) plan.existing = existingKind(at)
  if (isLink) plan.text = readLinkText(plan, ctx) ?? ''
  const verdict = judgeRemoval({
    path: request.absPath,
    target: request.absTarget,
    at,
    targetStats: given && at && !isLink ? ctx.ops.stat(request.absTarget) : undefined,
    leadsToTarget: isLink && given && leadsTo(plan, parent.real, ctx),
    hidesInodes: quirksOf(plan.filesystem).hidesInodes
  })
  if (verdict.action === 'remove')
    return {
      ...plan,
      action: 'remove',
      kinds: [verdict.kind],
      parent: parentOf(request.absPath, ctx.ops, ctx.platform)
    }
  if (verdict.action !== 'fail') return { ...plan, action: verdict.action, kinds: [] }
  const { code, message, hint } = verdict
  return { ...failed(plan, code, 'unlink', 'remove the link'), said: { message, hint } }
}

/** The link at PATH leads to TARGET: its text read from either parent's spelling, or both lead to the same file. */
function leadsTo(plan: LinkPlan, realParent: string, ctx: PlanContext): boolean {
  const { platform, ops } = ctx
  const { absPath, absTarget } = plan.request
  const wanted = pathKey(platform, absTarget)
  const text = withoutNamespace(platform, plan.text)
  const dirs = [platform.path.dirname(absPath), realParent]
  if (text !== '' && dirs.some((dir) => pathKey(platform, platform.path.resolve(dir, text)) === wanted)) return true
  const [a, b] = [ops.stat(absPath), ops.stat(absTarget)]
  return a !== undefined && b !== undefined && sameFile(a, b)
}
