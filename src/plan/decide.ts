// The decision, given what is at PATH: unchanged, create, replace, or fail (and why, in the terms of the options).
import type { Stats } from 'node:fs'
import type { PlanContext } from './context.js'
import { syscallOf } from '../model.js'
import { replaceCopy } from './copies.js'
import { attemptOf, failed, requestedKinds, type LinkPlan } from './link-plan.js'
import { existingKind, recognise } from './recognise.js'

/** Given what is at PATH: unchanged when it is already what was asked for, else create, replace, or fail. */
export function decide(plan: LinkPlan, at: Stats | undefined, target: Stats | undefined, ctx: PlanContext): LinkPlan {
  const { request } = plan
  const attempt = attemptOf(request)
  if (at) {
    plan.existing = existingKind(at)
    for (const kind of requestedKinds(request, ctx)) {
      const recognised = recognise(kind, plan, at, target, ctx)
      if (!recognised) continue
      if (recognised.warning) plan.warnings.push(recognised.warning)
      return Object.assign(plan, { action: 'unchanged' as const, kinds: [kind] })
    }
  }
  // A read-only mount answers EEXIST where something is in the way: name the real cause first.
  if (plan.filesystem.options.includes('ro')) return failed(plan, 'EROFS', syscallOf(plan.kinds[0]), attempt)
  if (!at) {
    if (plan.missingParents.length === 0 || ctx.settings.createParents) return plan
    return failed(plan, 'ENOENT', syscallOf(plan.kinds[0]), `${attempt} (create-parents: false)`)
  }
  if (request.options.overwrite === 'copies' && !at.isSymbolicLink()) return replaceCopy(plan, at, target, ctx)
  // A restore's entry asking for less than `copies` replaces no file: a hard link's other name may be its only data.
  const asLink = at.isSymbolicLink() || !ctx.settings.restore
  const allowed =
    plan.existing === 'link'
      ? request.options.overwrite !== 'never' && asLink
      : plan.existing === 'file' && request.options.overwrite === 'files'
  if (!allowed && plan.unreadable) return failed(plan, 'EPERM', 'readlink', 'check the existing link')
  if (!allowed) return failed(plan, 'EEXIST', syscallOf(plan.kinds[0]), attempt)
  return Object.assign(plan, { action: 'replace' as const })
}
