// Results: what each link reports, built from its plan and what applying it came to. Every result of the run, in
// process or in a share worker, planned, made, failed or never attempted, is made here.
import { explain, hintAfterProbe, type Explanation, type FailureContext } from './knowledge.js'
import type {
  Failure,
  Kind,
  LinkRequest,
  LinkResult,
  Probe,
  SpecEntry,
  SpecProblem,
  SpecVerdict,
  Status
} from './model.js'
import { emptyPlan, type LinkPlan, type PlanContext } from './plan/index.js'
import { hardlinkGuard, linkTextOf } from './platform.js'

/** What applying one link came to. */
export interface LinkOutcome {
  status: Status
  kind: Kind | ''
  /** Why it failed, or what the filesystem said although it made the link. */
  failure?: Failure
  failedKind?: Kind
  /** The failure already explained where it happened: the knowledge base is asked once per failure. */
  explanation?: Explanation
  probe?: Probe
}

/** Everything the knowledge base may match a failure of this link on. */
export function failureContext(plan: LinkPlan, failure: Failure, kind: Kind, ctx: PlanContext): FailureContext {
  return {
    failure,
    kind,
    path: plan.request.absPath,
    target: plan.request.absTarget,
    filesystem: plan.filesystem,
    platform: ctx.platform,
    targetExists: plan.targetExists,
    targetIsDir: plan.targetIsDir,
    existing: plan.existing,
    parentsMissing: plan.missingParents.length > 0,
    hardlinkProtected: hardlinkProtected(plan, failure, ctx)
  }
}

/**
 * Whether fs.protected_hardlinks can be what refused this hard link: it is on, and the effective user is neither root
 * nor TARGET's owner (an owner that cannot be read may be another). Looked at only after EPERM from link() on Linux.
 */
function hardlinkProtected(plan: LinkPlan, failure: Failure, ctx: PlanContext): boolean | undefined {
  if (failure.code !== 'EPERM' || failure.syscall !== 'link' || ctx.platform.name !== 'linux') return undefined
  const guard = (ctx.hardlinkGuard ??= hardlinkGuard())
  if (!guard.protects || guard.euid === 0) return false
  let owner: number | undefined
  try {
    owner = ctx.ops.stat(plan.linkSource)?.uid
  } catch {
    // TARGET cannot be looked at now: it may be the cause
  }
  return owner !== guard.euid
}

/** `evidence`: what apply found out after the failure to tell apart what its errno can mean (Windows). */
export function explainFailure(
  plan: LinkPlan,
  failure: Failure,
  kind: Kind,
  ctx: PlanContext,
  evidence: Partial<FailureContext> = {}
): Explanation {
  return explain({ ...failureContext(plan, failure, kind, ctx), ...evidence })
}

/** The kinds a probe tries, by their names in a Probe. */
const PROBED = ['symlink', 'hardlink'] as const

function describeProbe(probe: Probe, dir: string): string {
  const works = (kind: keyof Probe, words: string): string =>
    probe[kind] === 'ok'
      ? `${words} work`
      : probe[kind] === 'untested'
        ? `${words} could not be tried`
        : `${words} do not (${probe[kind]})`
  // Only what was tried and failed rules a kind out: where not even a scratch file could be made, nothing was learnt.
  if (PROBED.every((kind) => probe[kind] !== 'ok' && probe[kind] !== 'untested')) {
    return `Probed ${dir}: neither symbolic links (${probe.symlink}) nor hard links (${probe.hardlink}) can be made there, so only a copy can (\`fallback: copy\`).`
  }
  return `Probed ${dir}: ${works('symlink', 'symbolic links')}, ${works('hardlink', 'hard links')}.`
}

/** What the failure means: explained where it happened, said by the plan (removal, confinement), or asked now. */
function explanationOf(
  plan: LinkPlan,
  outcome: LinkOutcome,
  ctx: PlanContext
): (Pick<Explanation, 'message' | 'hint'> & Partial<Explanation>) | undefined {
  const { failure } = outcome
  if (!failure) return undefined
  return outcome.explanation ?? plan.said ?? explainFailure(plan, failure, outcome.failedKind ?? plan.kinds[0], ctx)
}

/**
 * The hint, after what a probe of PATH's directory found: what it saw work or fail first, then only advice it did not
 * disprove.
 */
function hintOf(
  explanation: Partial<Explanation> | undefined,
  probe: Probe | undefined,
  plan: LinkPlan,
  ctx: PlanContext
): string {
  if (!probe) return explanation?.hint ?? ''
  const failing = PROBED.filter((kind) => probe[kind] !== 'ok' && probe[kind] !== 'untested')
  const dir = ctx.platform.path.dirname(plan.request.absPath)
  return `${describeProbe(probe, dir)} ${hintAfterProbe(explanation?.advice ?? [], failing)}`.trim()
}

export function toResult(plan: LinkPlan, outcome: LinkOutcome, ctx: PlanContext): LinkResult {
  const { request } = plan
  const { failure } = outcome
  const explanation = explanationOf(plan, outcome, ctx)
  let message = explanation?.message ?? ''
  const hint = hintOf(explanation, outcome.probe, plan, ctx)
  if (plan.skipped) message = `Not attempted: an earlier link found this share gone or not answering. ${message}`
  // A failed link reports the kind whose call failed (or would, in a dry run); a skipped one made no call.
  const kind = outcome.kind || (outcome.status === 'skipped' ? '' : (outcome.failedKind ?? ''))
  // One literal for the fields every result has; the optional ones follow only where there are any.
  const result: LinkResult = {
    line: request.line,
    path: request.absPath,
    target: request.absTarget,
    text: kind === 'hardlink' || kind === 'copy' ? '' : linkTextOf(ctx.platform, kind, plan.text, request.absTarget),
    type: request.options.type,
    kind,
    status: outcome.status,
    code: failure?.code ?? '',
    errno: failure?.errno ?? null,
    syscall: failure?.syscall ?? '',
    filesystem: plan.filesystem.type,
    message,
    hint,
    warnings: plan.warnings
  }
  if (request.endLine) result.endLine = request.endLine
  if (plan.fallback) result.fallback = plan.fallback
  if (outcome.probe) result.probe = outcome.probe
  return result
}

/**
 * A link that never got to the disk: its share timed out or was found gone first (`skipped`), or its worker died.
 * A dry run reports it as a plan that would fail; this is the one place a failure becomes a dry run's.
 */
export function unfinishedResult(
  request: LinkRequest,
  failure: Failure,
  ctx: PlanContext,
  run: { dryRun: boolean; skipped?: boolean }
): LinkResult {
  const skipped = run.skipped === true
  const plan: LinkPlan = { ...emptyPlan(request, ctx), action: 'fail', failure, skipped }
  const result = toResult(plan, { status: skipped ? 'skipped' : 'failed', kind: '', failure }, ctx)
  return run.dryRun ? { ...result, status: 'planned', plan: 'fail' } : result
}

/** What a dry run can say of a plan by itself: the failure it can already see, or the kind already at PATH. */
function plannedOutcome(plan: LinkPlan): LinkOutcome {
  return plan.failure
    ? { status: 'planned', kind: '', failure: plan.failure, failedKind: plan.kinds[0] }
    : { status: 'planned', kind: plan.action === 'unchanged' ? (plan.kinds[0] ?? '') : '' }
}

/** A dry run's result: what a real run would do, as the plan sees it or as predicted (predict.ts). */
export function plannedResult(plan: LinkPlan, ctx: PlanContext, outcome = plannedOutcome(plan)): LinkResult {
  return { ...toResult(plan, outcome, ctx), plan: plan.action }
}

/** A result from the spec alone, nothing attempted (it was rejected, or settled the entry): the paths as written. */
function asWritten(
  line: number,
  entry: SpecEntry | undefined,
  why: { status: Status; code: string; message: string; hint?: string }
): LinkResult {
  return {
    line,
    ...(entry?.endLine ? { endLine: entry.endLine } : {}),
    path: entry?.path ?? '',
    target: entry?.target ?? '',
    text: '',
    type: entry?.options.type ?? 'symlink',
    kind: '',
    status: why.status,
    code: why.code,
    errno: null,
    syscall: '',
    filesystem: '',
    message: why.message,
    hint: why.hint ?? '',
    warnings: []
  }
}

/**
 * An entry the spec settled on this runner (spec/runner.ts): one for other runners, or one spelt for Windows. A dry
 * run reports the failure as a plan that would fail, as it does every failure it can see.
 */
export function verdictResult(verdict: SpecVerdict, dryRun: boolean): LinkResult {
  const result = asWritten(verdict.entry.line, verdict.entry, verdict)
  return dryRun && verdict.status === 'failed' ? { ...result, status: 'planned', plan: 'fail' } : result
}

/**
 * What a rejected spec reports: each problem failed on its line (with its entry's paths where the entry was read),
 * and every entry without a problem skipped, since nothing was attempted. In line order.
 */
export function rejectedResults(entries: SpecEntry[], problems: SpecProblem[]): LinkResult[] {
  const byLine = new Map(entries.map((e) => [e.line, e]))
  const failed = problems.map((p) =>
    asWritten(p.line, byLine.get(p.line), { status: 'failed', code: 'SPEC', message: p.message })
  )
  const lines = new Set(problems.map((p) => p.line))
  const message = 'Not attempted: the spec has problems on other lines, and nothing is changed until it has none.'
  const skipped = entries
    .filter((e) => !lines.has(e.line))
    .map((e) => asWritten(e.line, e, { status: 'skipped', code: 'ECANCELED', message }))
  return [...failed, ...skipped].sort((a, b) => a.line - b.line)
}
