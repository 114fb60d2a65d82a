// A dry run's result: what the real run will do, predicted from what can be read without writing. The plan already
// fails where the disk shows why (something in the way, a read-only mount, a missing parent, a directory as a hard
// link's TARGET); here each kind to try is given the answer its call would get: EXDEV where TARGET is on another
// filesystem (device numbers, the mount table), or what the family table measured its calls to answer on this mount
// (quirksOf: the family's row and the mount's options). Where neither says, only a write could tell, and the result
// says so instead of predicting success. A link that waits for an earlier one is planned again on the disk as the
// links predicted before it would leave it (plan/planned-disk.ts), as a real run plans it once they exist. Nothing
// here writes or probes.
import { errnoNumber, quietly } from './errors.js'
import { quirksOf } from './families.js'
import { fallBack, kindWords, syscallOf, type Failure, type Kind, type LinkResult } from './model.js'
import { planOrSkip, type LinkPlan, type PlanContext } from './plan/index.js'
import { PlannedDisk } from './plan/planned-disk.js'
import { explainFailure, plannedResult } from './result.js'

/**
 * PATH's directory and TARGET on different filesystems or mounts: link() answers EXDEV before the filesystem is
 * asked (Linux refuses a hard link between two mounts even of one filesystem). Nothing readable: not known to.
 * TARGET's device is its directory's: overlayfs gives a file from a lower layer that layer's st_dev, and only
 * directories the overlay's own, yet link() within the overlay works. A file mounted on its own is in the mount table.
 */
function crossesFilesystems(plan: LinkPlan, ctx: PlanContext): boolean {
  const { path } = ctx.platform
  const dir = path.dirname(plan.missingParents[0] ?? plan.request.absPath)
  const [here, there] = [dir, path.dirname(plan.linkSource)].map((p) => quietly(() => ctx.ops.stat(p)))
  if (!here || !there) return false
  return here.dev !== there.dev || ctx.detector.forPath(plan.linkSource).mountPoint !== plan.filesystem.mountPoint
}

/** The errno making `kind` would answer, '' where it makes the link, undefined where only a write could tell. */
export function answerOf(kind: Kind, plan: LinkPlan, ctx: PlanContext): string | undefined {
  if (kind === 'hardlink' && crossesFilesystems(plan, ctx)) return 'EXDEV'
  const calls = quirksOf(plan.filesystem).calls
  if (calls?.on !== ctx.platform.name) return undefined
  if (kind === 'copy') return ''
  return (kind === 'hardlink' ? calls.link : calls.symlink) ?? ''
}

/** Nothing read says whether this kind can be made here: the plan stands, saying so. */
function notKnowable(plan: LinkPlan, kind: Kind, ctx: PlanContext): LinkResult {
  const message =
    `Not knowable without a write: nothing read says whether ${plan.filesystem.type} at ` +
    `${plan.filesystem.mountPoint || ctx.platform.path.dirname(plan.request.absPath)} makes a ${kindWords(kind)}, ` +
    'and a dry run makes nothing to find out.'
  return { ...plannedResult(plan, ctx), message, knowable: false }
}

/**
 * What a real run of this plan will do: the first kind whose call would work, each step down the list as the real
 * run records it (`fallback`); a failure with the errno and hint the real run gives; or not knowable.
 */
export function predictedResult(planned: LinkPlan, ctx: PlanContext): LinkResult {
  if (planned.action !== 'create' && planned.action !== 'replace') return plannedResult(planned, ctx)
  const plan = { ...planned } // the fallback recorded here is the prediction's, not the plan's
  for (const [i, kind] of plan.kinds.entries()) {
    const code = answerOf(kind, plan, ctx)
    if (code === undefined) return notKnowable(plan, kind, ctx)
    if (code === '') return plannedResult(plan, ctx, { status: 'planned', kind })
    const failure: Failure = {
      code,
      errno: errnoNumber(code) ?? undefined,
      syscall: syscallOf(kind),
      attempted: `create the ${kindWords(kind)}`
    }
    const explanation = explainFailure(plan, failure, kind, ctx)
    const next = plan.kinds[i + 1]
    if (!next || !explanation.capability) {
      const outcome = { status: 'planned' as const, kind: '' as const, failure, failedKind: kind, explanation }
      return plannedResult({ ...plan, action: 'fail', failure }, ctx, outcome)
    }
    plan.fallback = fallBack(plan.fallback, kind, next, explanation.message)
  }
  return plannedResult(plan, ctx) // planLink never plans an empty list
}

/**
 * A dry run's predictions, one link after another in spec order. A link that waits for an earlier one
 * (`dependsOnEarlier`) is planned again, as make-link.ts does in a real run, but on a PlannedDisk: the disk as the
 * links predicted so far would leave it.
 */
export function predictor(ctx: PlanContext): (planned: LinkPlan) => LinkResult {
  const disk = new PlannedDisk(ctx.ops, ctx.platform)
  const afterEarlier = { ...ctx, ops: disk }
  return (planned) => {
    const dependent = planned.request.dependsOnEarlier
    const plan = dependent ? planOrSkip(planned.request, afterEarlier) : planned
    const result = predictedResult(plan, dependent ? afterEarlier : ctx)
    disk.note(plan, result)
    return result
  }
}
