// Which kinds of link can lead to this TARGET, in the order to try them, known before any call is made, and the
// record of a fallback from the kind asked.
import type { Stats } from 'node:fs'
import { fallBack, kindWords, syscallOf, type Kind } from '../model.js'
import type { PlanContext } from './context.js'
import { attemptOf, failed, type LinkPlan } from './link-plan.js'

/**
 * Windows fixes what a link is when it is made: a junction leads only to a directory (so it leaves the kinds to try
 * where TARGET is not one), and a symlink to a TARGET that does not exist yet is a file link unless `target-type: dir`
 * says otherwise, which is worth a warning.
 */
function windowsKinds(plan: LinkPlan): { kinds: Kind[]; warning?: string } {
  const { request, targetExists, targetIsDir } = plan
  const kinds = targetIsDir ? plan.kinds : plan.kinds.filter((k) => k !== 'junction')
  if (targetExists || request.options.targetType !== undefined || !kinds.includes('symlink')) return { kinds }
  const warning =
    `TARGET ${request.absTarget} does not exist yet, and Windows fixes a symbolic link's type when it is made: ` +
    `${request.absPath} is made a file link (a guess). Set \`target-type: dir\` if TARGET will be a directory, ` +
    `or \`target-type: file\` to say so.`
  return { kinds, warning }
}

/**
 * The kinds that can lead to this TARGET, known before any call: a missing one takes only links, a directory no hard
 * link (link(2) says EPERM). A failed plan when none can; a warning when the plan falls back from the asked kind.
 */
export function fitKinds(plan: LinkPlan, target: Stats | undefined, ctx: PlanContext): LinkPlan | undefined {
  const { request } = plan
  const requested = plan.kinds
  const attempt = attemptOf(request)
  if (!target) plan.kinds = requested.filter((k) => k === 'symlink' || k === 'junction')
  else if (target.isDirectory()) plan.kinds = requested.filter((k) => k !== 'hardlink')
  if (plan.kinds.length === 0) {
    plan.kinds = requested // the kind reported is the one whose call would fail
    return target ? failed(plan, 'EPERM', 'link', attempt) : failed(plan, 'ENOENT', syscallOf(requested[0]), attempt)
  }
  if (plan.kinds[0] !== requested[0]) {
    const why = target
      ? 'is a directory, which no hard link can lead to'
      : `does not exist, so no ${kindWords(requested[0])} can lead to it`
    plan.fallback = fallBack(plan.fallback, requested[0], plan.kinds[0], `TARGET ${request.absTarget} ${why}.`)
  }
  if (!target) {
    if (ctx.settings.dangling === 'fail') return failed(plan, 'ENOENT', 'stat', `${attempt} (dangling: fail)`)
    if (ctx.settings.dangling === 'warn') {
      plan.warnings.push(`TARGET ${request.absTarget} does not exist: the link at ${request.absPath} dangles for now.`)
    }
  }
  if (!ctx.platform.isWindows) return undefined
  const fitted = windowsKinds(plan)
  if (fitted.kinds.length === 0) return failed(plan, 'ENOTDIR', 'symlink', 'create the junction')
  plan.kinds = fitted.kinds
  if (fitted.warning) plan.warnings.push(fitted.warning)
  return undefined
}
