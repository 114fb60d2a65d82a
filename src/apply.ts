// Apply stage: make each planned link, falling back to the next kind where the filesystem cannot make one,
// replacing atomically (new link under a temporary name, renamed over PATH), and turn the outcome into a result.
import { randomBytes } from 'node:crypto'
import { isErrno, toFailure } from './errors.js'
import { explain, isCapabilityFailure, kindWords, type FailureContext } from './knowledge.js'
import type { Failure, Kind, LinkResult, Status } from './model.js'
import { ConfinementProblem, planLink, syscallOf, type LinkPlan, type PlanContext } from './plan.js'
import { symlinkType } from './platform.js'

export interface ApplyContext extends PlanContext {
  backupSuffix: string
  /** Directories already swept of temporary names that a killed run left behind. */
  swept: Set<string>
  now: () => number
}

/** Temporary names: a fixed prefix a later run can recognise, then pid and randomness (unique per process). */
export const TEMP_PREFIX = '.ln-action-'
const STALE_TEMP_MS = 60 * 60 * 1000

function tempName(dir: string, ctx: ApplyContext): string {
  return ctx.platform.path.join(dir, `${TEMP_PREFIX}${process.pid.toString(36)}-${randomBytes(4).toString('hex')}`)
}

/** Remove temporary links older than an hour: what a run that was killed mid-replacement left. */
function sweepStaleTemps(dir: string, ctx: ApplyContext): void {
  if (ctx.swept.has(dir)) return
  ctx.swept.add(dir)
  for (const name of ctx.ops.readdir(dir)) {
    if (!name.startsWith(TEMP_PREFIX)) continue
    const p = ctx.platform.path.join(dir, name)
    const stats = ctx.ops.lstat(p)
    if (stats && !stats.isDirectory() && ctx.now() - stats.mtimeMs > STALE_TEMP_MS) ctx.ops.unlink(p)
  }
}

/** A failed call, with what we were doing in words. */
class StepError extends Error {
  constructor(
    readonly failure: Failure,
    readonly kind: Kind
  ) {
    super(failure.code)
  }
}

function step<T>(attempted: string, kind: Kind, fn: () => T): T {
  try {
    return fn()
  } catch (error) {
    if (!isErrno(error)) throw error
    const failure = toFailure(error, error.syscall ?? syscallOf(kind), attempted)
    throw new StepError(failure, kind)
  }
}

function make(kind: Kind, at: string, plan: LinkPlan, ctx: ApplyContext): void {
  const { ops, platform } = ctx
  switch (kind) {
    case 'symlink':
      return ops.symlink(plan.text, at, symlinkType(platform, 'symlink', plan.targetIsDir))
    case 'junction':
      // Elsewhere a junction is a symlink; Windows junctions take an absolute target.
      if (!platform.isWindows) return ops.symlink(plan.text, at)
      return ops.symlink(plan.request.absTarget, at, 'junction')
    case 'hardlink':
      return ops.link(plan.linkSource, at)
    case 'copy':
      return ops.copy(plan.request.absTarget, at)
  }
}

function failureContext(plan: LinkPlan, failure: Failure, kind: Kind, ctx: PlanContext): FailureContext {
  return {
    failure,
    kind,
    path: plan.request.absPath,
    target: plan.request.absTarget,
    filesystem: plan.filesystem,
    platform: ctx.platform,
    targetExists: plan.targetExists,
    targetIsDir: plan.targetIsDir,
    existing: plan.existing
  }
}

/** Make the first kind that this filesystem allows at `at`; each step down the list is a warning. */
function makeWithFallback(at: string, plan: LinkPlan, ctx: ApplyContext): Kind {
  for (const [i, kind] of plan.kinds.entries()) {
    try {
      step(`create the ${kindWords(kind)}`, kind, () => make(kind, at, plan, ctx))
      return kind
    } catch (error) {
      const next = plan.kinds[i + 1]
      if (!(error instanceof StepError) || !next) throw error
      const fctx = failureContext(plan, error.failure, kind, ctx)
      if (!isCapabilityFailure(fctx)) throw error
      plan.warnings.push(`${explain(fctx).message} Made a ${kindWords(next)} instead (fallback: ${plan.kinds.slice(i + 1).join(', ')}).`)
    }
  }
  throw new Error('no kind of link to try') // planLink never plans an empty list
}

/** PATH+suffix, or PATH.~N~ when that is taken: an earlier backup is never overwritten. */
function makeBackup(plan: LinkPlan, ctx: ApplyContext): void {
  const { ops } = ctx
  const abs = plan.request.absPath
  const keep = (name: string): void => {
    const at = ops.lstat(abs)
    if (at?.isSymbolicLink()) return ops.symlink(ops.readlink(abs), name, symlinkType(ctx.platform, 'symlink', plan.targetIsDir))
    try {
      ops.link(abs, name)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw error
      ops.copy(abs, name) // no hard links here: a copy keeps the content just as well
    }
  }
  for (let n = 0; ; n++) {
    const name = n === 0 ? abs + ctx.backupSuffix : `${abs}.~${n}~`
    try {
      return step(`keep the backup ${name} of`, 'hardlink', () => keep(name))
    } catch (error) {
      if (!(error instanceof StepError) || error.failure.code !== 'EEXIST') throw error
    }
  }
}

function replace(plan: LinkPlan, ctx: ApplyContext): Kind {
  const { ops, platform } = ctx
  const abs = plan.request.absPath
  const dir = platform.path.dirname(abs)
  step('clean up old temporary names in the directory of', plan.kinds[0], () => sweepStaleTemps(dir, ctx))
  const temp = tempName(dir, ctx)
  const kind = makeWithFallback(temp, plan, ctx)
  try {
    if (ctx.backupSuffix) makeBackup(plan, ctx)
    // rename(2) cannot put a directory (a copied tree) over a link: that one case is remove-then-rename.
    if (kind === 'copy' && plan.targetIsDir) step('remove the old link at', kind, () => ops.unlink(abs))
    step(`replace what is at`, kind, () => ops.rename(temp, abs))
  } finally {
    // rename() between two names of one file does nothing and leaves the source: never leave debris.
    if (ops.lstat(temp)) removeEntry(temp, ctx)
  }
  return kind
}

function removeEntry(p: string, ctx: ApplyContext): void {
  const stats = ctx.ops.lstat(p)
  if (stats?.isDirectory()) removeTree(p, ctx)
  else ctx.ops.unlink(p)
}

function removeTree(p: string, ctx: ApplyContext): void {
  for (const name of ctx.ops.readdir(p)) removeEntry(ctx.platform.path.join(p, name), ctx)
  ctx.ops.rmdir(p)
}

/** Create the missing parents one by one (a recursive mkdir reports ENOENT for EROFS); returns those made here. */
function createParents(plan: LinkPlan, ctx: ApplyContext, created: string[]): void {
  for (const dir of plan.missingParents) {
    try {
      step(`create the parent directory ${dir} for`, plan.kinds[0], () => ctx.ops.mkdir(dir))
      created.push(dir)
    } catch (error) {
      // An earlier link of this run may have made it already.
      if (!(error instanceof StepError && error.failure.code === 'EEXIST' && ctx.ops.stat(dir)?.isDirectory())) throw error
    }
  }
}

/** Directories this link made before it failed go again, innermost first, where still empty. */
function removeCreatedParents(created: string[], ctx: ApplyContext): void {
  for (const dir of created.reverse()) {
    try {
      ctx.ops.rmdir(dir)
    } catch {
      return
    }
  }
}

interface Outcome {
  status: Status
  kind: Kind | ''
  failure?: Failure
  failedKind?: Kind
}

function execute(plan: LinkPlan, ctx: ApplyContext): Outcome {
  if (plan.action === 'unchanged') return { status: 'unchanged', kind: plan.kinds[0] }
  if (plan.action === 'fail') return { status: 'failed', kind: '', failure: plan.failure, failedKind: plan.kinds[0] }
  const createdParents: string[] = []
  try {
    createParents(plan, ctx, createdParents)
    if (plan.action === 'replace') return { status: 'replaced', kind: replace(plan, ctx) }
    return { status: 'created', kind: makeWithFallback(plan.request.absPath, plan, ctx) }
  } catch (error) {
    if (!(error instanceof StepError)) throw error
    removeCreatedParents(createdParents, ctx)
    return { status: 'failed', kind: '', failure: error.failure, failedKind: error.kind }
  }
}

export function toResult(plan: LinkPlan, outcome: Outcome, ctx: PlanContext): LinkResult {
  const { request } = plan
  const failure = outcome.failure
  const explained = failure
    ? explain(failureContext(plan, failure, outcome.failedKind ?? plan.kinds[0], ctx))
    : { message: '', hint: '' }
  const windowsJunction = outcome.kind === 'junction' && ctx.platform.isWindows
  return {
    line: request.line,
    path: request.absPath,
    target: request.absTarget,
    text: windowsJunction ? request.absTarget : outcome.kind === 'hardlink' || outcome.kind === 'copy' ? '' : plan.text,
    type: request.options.type,
    kind: outcome.kind,
    status: outcome.status,
    code: failure?.code ?? '',
    errno: failure?.errno ?? null,
    syscall: failure?.syscall ?? '',
    filesystem: plan.filesystem.type,
    message: explained.message,
    hint: explained.hint,
    warnings: plan.warnings
  }
}

/** Apply one link. Links below another entry's PATH are planned again now, since that link exists only now. */
export function applyLink(planned: LinkPlan, ctx: ApplyContext): LinkResult {
  if (!planned.request.dependsOnEarlier) return toResult(planned, execute(planned, ctx), ctx)
  try {
    const plan = planLink(planned.request, ctx)
    return toResult(plan, execute(plan, ctx), ctx)
  } catch (error) {
    if (!(error instanceof ConfinementProblem)) throw error
    const result = toResult(planned, { status: 'failed', kind: '' }, ctx)
    return { ...result, message: error.message, hint: 'Choose a PATH inside working-directory, or set `confine: false`.' }
  }
}

/** A dry run's result: what a real run would do, with the failure it can already see. */
export function plannedResult(plan: LinkPlan, ctx: PlanContext): LinkResult {
  const outcome: Outcome = plan.failure
    ? { status: 'planned', kind: '', failure: plan.failure, failedKind: plan.kinds[0] }
    : { status: 'planned', kind: plan.action === 'unchanged' ? plan.kinds[0] : '' }
  return { ...toResult(plan, outcome, ctx), plan: plan.action }
}
