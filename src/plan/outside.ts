// Where a restored link may lead. A captured spec may come from an artifact that an untrusted pull-request build made:
// restoring it (`overwrite: copies`) refuses, entry by entry, a link that would lead outside working-directory (a
// planted `../../.ssh` that a later upload step would follow), unless `allow-outside: true`. `confine` keeps PATH in.
import { isWithin } from '../platform.js'
import type { PlanContext } from './context.js'
import { attemptOf, failed, type LinkPlan } from './link-plan.js'
import { realDirectory } from './resolve.js'

/** The plan refused when the link would lead outside working-directory; undefined when it stays inside. */
export function refuseOutside(plan: LinkPlan, realParent: string, ctx: PlanContext): LinkPlan | undefined {
  const leadsTo = destinations(plan, realParent, ctx).find((p) => !isWithin(ctx.platform, ctx.realWorkingDirectory, p))
  if (leadsTo === undefined) return undefined
  const { request } = plan
  const message =
    `The link '${request.path}' would lead to ${leadsTo}, outside working-directory ${ctx.realWorkingDirectory}: ` +
    `a restore (overwrite: copies) does not make it. Nothing was made there.`
  const hint =
    'Check where the spec came from; when its links may lead out of working-directory, set `allow-outside: true`.'
  return { ...failed(plan, 'CONFINE', 'realpath', attemptOf(request)), said: { message, hint } }
}

/** Where each kind asked would lead, symlinks resolved as far as they exist. */
function destinations(plan: LinkPlan, realParent: string, ctx: PlanContext): string[] {
  const { request } = plan
  // An exact text is followed from PATH's real directory, as the kernel will; a computed one leads to TARGET.
  const text = request.text === undefined ? request.absTarget : ctx.platform.path.resolve(realParent, request.text)
  const symbolic = plan.kinds.some((k) => k !== 'hardlink')
  return [...(symbolic ? [realOf(text, ctx)] : []), ...(plan.targetExists ? [plan.linkSource] : [])]
}

/** p with its symlinks resolved: all of them where p exists, else those of its existing directories. */
function realOf(p: string, ctx: PlanContext): string {
  const { path } = ctx.platform
  try {
    return ctx.ops.realpath(p)
  } catch {
    // Dangling, a loop, or below a file: where its existing directories lead is as far as it can be followed.
  }
  try {
    return path.join(realDirectory(path.dirname(p), ctx).real, path.basename(p))
  } catch {
    return p
  }
}
