// Apply stage: make each planned link, falling back to the next kind where the filesystem cannot make one,
// replacing atomically (new link under a temporary name, renamed over PATH), backing up and probing. What came of
// it becomes a result in result.ts.
import { randomBytes } from 'node:crypto'
import type { Stats } from 'node:fs'
import { errnoCode, errnoName, isErrno, toFailure } from './errors.js'
import { familyOf, isShareGone, kindWords, misreports, type Explanation } from './knowledge.js'
import type { Failure, Kind, LinkResult, Probe } from './model.js'
import { planLink, planOrSkip, syscallOf, type LinkPlan, type PlanContext } from './plan.js'
import { linkTextOf, sameLinkTarget, symlinkType } from './platform.js'
import { removeLinkAt } from './remove.js'
import { explainFailure, toResult, type LinkOutcome } from './result.js'

export interface ApplyContext extends PlanContext {
  /** Capability probes, by mount point. */
  probes: Map<string, Probe>
  /** Directories already swept of temporary names that a killed run left behind. */
  swept: Set<string>
  /** Parent directories this run made or found made: thousands of links share a few, and mkdir is not free. */
  madeDirs: Set<string>
  /** Mount points that answered readlink with EPERM for a link of the right size (Debian's sshfs hides texts). */
  hidingTexts: Set<string>
  now: () => number
}

/** A fresh context for one run (or one share worker lane): nothing probed, swept or made yet. */
export function applyContext(
  base: Pick<PlanContext, 'settings' | 'realWorkingDirectory' | 'platform' | 'ops' | 'detector'>
): ApplyContext {
  return {
    ...base,
    goneShares: new Map(),
    probes: new Map(),
    swept: new Set(),
    madeDirs: new Set(),
    hidingTexts: new Set(),
    now: Date.now
  }
}

/** Temporary names: a fixed prefix a later run can recognise, then pid and randomness (unique per process). */
export const TEMP_PREFIX = '.ln-action-'
const STALE_TEMP_MS = 60 * 60 * 1000
/** tempName's form, and the probe's scratch names (-f, -s, -h) built on it. */
const TEMP_NAME = /^\.ln-action-[0-9a-z]+-[0-9a-f]{8}(-[fsh])?$/

function tempName(dir: string, ctx: ApplyContext): string {
  return ctx.platform.path.join(dir, `${TEMP_PREFIX}${process.pid.toString(36)}-${randomBytes(4).toString('hex')}`)
}

/** Remove temporary links older than an hour: what a run that was killed mid-replacement left. */
function sweepStaleTemps(dir: string, ctx: ApplyContext): void {
  if (ctx.swept.has(dir)) return
  ctx.swept.add(dir)
  for (const name of ctx.ops.readdir(dir)) {
    // Only names of exactly our making: a user's own `.ln-action-links` is not ours to remove.
    if (!TEMP_NAME.test(name)) continue
    const p = ctx.platform.path.join(dir, name)
    const stats = ctx.ops.lstat(p)
    if (stats && ctx.now() - stats.mtimeMs > STALE_TEMP_MS) removeEntry(p, ctx)
  }
}

/** A failed call, with what we were doing in words. */
class StepError extends Error {
  private explained?: Explanation

  constructor(
    readonly failure: Failure,
    readonly kind: Kind
  ) {
    super(failure.code)
  }

  /** Asked of the knowledge base once, however many times the answer is needed. */
  explanation(plan: LinkPlan, ctx: PlanContext): Explanation {
    return (this.explained ??= explainFailure(plan, this.failure, this.kind, ctx))
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
      return ops.symlink(
        linkTextOf(platform, kind, plan.text, plan.request.absTarget),
        at,
        symlinkType(platform, 'junction', true)
      )
    case 'hardlink':
      return ops.link(plan.linkSource, at)
    case 'copy':
      return copyWhole(plan.request.absTarget, at, ctx)
  }
}

/** A copy, or nothing: one that fails halfway (ENOSPC...) is removed; EEXIST means `to` was never ours. */
function copyWhole(from: string, to: string, ctx: ApplyContext): void {
  try {
    ctx.ops.copy(from, to)
  } catch (error) {
    if (errnoCode(error) !== 'EEXIST' && ctx.ops.lstat(to)) removeEntry(to, ctx)
    throw error
  }
}

/** A kind of link made, and the error the filesystem reported although it made it (sshfs follow_symlinks). */
interface Made {
  kind: Kind
  quirk?: Failure
}

/**
 * sshfs -o follow_symlinks makes the link on the server, then stats what it points to and reports EIO (or ENOENT
 * for a TARGET the server cannot see). The link exists: report it created, keep the errno, and say why.
 */
function madeDespiteError(at: string, failure: Failure, plan: LinkPlan, ctx: ApplyContext): boolean {
  const { filesystem } = plan
  if (familyOf(filesystem.type) !== 'sshfs' || failure.syscall !== 'symlink') return false
  if (failure.code === 'ENOENT') return filesystem.options.includes('follow_symlinks')
  if (failure.code !== 'EIO') return false
  try {
    return ctx.ops.lstat(at) !== undefined
  } catch {
    return false // the share cannot even tell: the EIO stands
  }
}

function failure(error: StepError): string {
  return `${error.failure.code} (errno ${error.failure.errno ?? '?'})`
}

/** Make the first kind that this filesystem allows at `at`; each step down the list is a warning. */
function makeWithFallback(at: string, plan: LinkPlan, ctx: ApplyContext): Made {
  for (const [i, kind] of plan.kinds.entries()) {
    try {
      step(`create the ${kindWords(kind)}`, kind, () => make(kind, at, plan, ctx))
      verify(at, kind, plan, ctx)
      return { kind }
    } catch (error) {
      if (!(error instanceof StepError)) throw error
      if (madeDespiteError(at, error.failure, plan, ctx)) {
        plan.warnings.push(
          `${failure(error)} from symlink() through sshfs -o follow_symlinks, but the link was made on the server: ` +
            `reported as created. Mount without follow_symlinks to see links through the mount.`
        )
        return { kind, quirk: error.failure }
      }
      const next = plan.kinds[i + 1]
      const { message, capability } = error.explanation(plan, ctx)
      if (!next || !capability) throw error
      plan.warnings.push(
        `${message} Trying a ${kindWords(next)} instead (fallback: ${plan.kinds.slice(i + 1).join(', ')}).`
      )
    }
  }
  throw new Error('no kind of link to try') // planLink never plans an empty list
}

/** Where a filesystem is known to misreport, read the new link back, and say what does not match. */
function verify(at: string, kind: Kind, plan: LinkPlan, ctx: ApplyContext): void {
  if (!misreports(plan.filesystem) || (kind !== 'symlink' && kind !== 'junction')) return
  try {
    const stats = ctx.ops.lstat(at)
    if (!stats) {
      plan.warnings.push(
        `${plan.request.absPath} was reported made but cannot be found through ${plan.filesystem.type} at ${plan.filesystem.mountPoint}.`
      )
      return
    }
    if (!stats.isSymbolicLink()) return // follow_symlinks shows links as their targets; reading back proves nothing
    const wanted = linkTextOf(ctx.platform, kind, plan.text, plan.request.absTarget)
    const text = readBack(at, stats, wanted, plan, ctx)
    if (text !== undefined && !sameLinkTarget(ctx.platform, at, text, wanted)) {
      plan.warnings.push(`${plan.request.absPath} reads back as '${text}', not '${wanted}'.`)
    }
  } catch (error) {
    // The link was made; only the check failed (the share may have gone meanwhile): say so, keep the result.
    if (!isErrno(error)) throw error
    const failure = toFailure(error, error.syscall ?? 'lstat', 'read back the new link')
    const { message, hint } = explainFailure(plan, failure, kind, ctx)
    plan.warnings.push(`${message} ${hint}`.trim())
  }
}

/** The link's text, or undefined where sshfs hides it (`..` or absolute) but its size, the text's length, matches. */
function readBack(at: string, stats: Stats, wanted: string, plan: LinkPlan, ctx: ApplyContext): string | undefined {
  const mount = plan.filesystem.mountPoint
  // Once a mount has hidden a text, reading each new one back costs a round trip to learn nothing.
  if (ctx.hidingTexts.has(mount) && stats.size === Buffer.byteLength(wanted)) return undefined
  try {
    return ctx.ops.readlink(at)
  } catch (error) {
    if (errnoCode(error) !== 'EPERM' || stats.size !== Buffer.byteLength(wanted)) throw error
    ctx.hidingTexts.add(mount)
    return undefined
  }
}

/**
 * Which kinds of link this directory's filesystem allows, found by making a scratch symlink and hard link next to
 * a scratch file (always removed). Once per filesystem: the hint then rests on evidence.
 */
export function probe(dir: string, plan: LinkPlan, ctx: ApplyContext): Probe {
  const key = plan.filesystem.mountPoint || dir
  const known = ctx.probes.get(key)
  if (known) return known
  const { ops, platform } = ctx
  const base = tempName(dir, ctx)
  const file = `${base}-f`
  const attempt = (fn: () => void): string => {
    try {
      fn()
      return 'ok'
    } catch (error) {
      return isErrno(error) ? errnoName(error) : 'failed'
    }
  }
  const result: Probe = { symlink: 'untested', hardlink: 'untested' }
  try {
    ops.writeFile(file, '')
    result.symlink = attempt(() =>
      ops.symlink(platform.path.basename(file), `${base}-s`, symlinkType(platform, 'symlink', false))
    )
    result.hardlink = attempt(() => ops.link(file, `${base}-h`))
  } catch {
    // Not even a file could be made here: the link's own errno says why.
  } finally {
    for (const p of [`${base}-s`, `${base}-h`, file]) {
      try {
        ops.unlink(p)
      } catch {
        // never made
      }
    }
  }
  ctx.probes.set(key, result)
  return result
}

/** PATH+suffix, or PATH.~N~ when that is taken: an earlier backup is never overwritten. */
function makeBackup(plan: LinkPlan, ctx: ApplyContext): void {
  const { ops } = ctx
  const abs = plan.request.absPath
  const keep = (name: string): void => {
    const at = ops.lstat(abs)
    // The backup keeps the old link's own kind (Windows fixes file or dir at creation), not the new TARGET's.
    if (at?.isSymbolicLink())
      return ops.symlink(
        ops.readlink(abs),
        name,
        symlinkType(ctx.platform, 'symlink', ops.stat(abs)?.isDirectory() ?? false)
      )
    try {
      ops.link(abs, name)
    } catch (error) {
      if (errnoCode(error) === 'EEXIST') throw error
      copyWhole(abs, name, ctx) // no hard links here: a copy keeps the content just as well
    }
  }
  for (let n = 0; ; n++) {
    const name = n === 0 ? abs + ctx.settings.backupSuffix : `${abs}.~${n}~`
    try {
      return step(`keep the backup ${name} of`, 'hardlink', () => keep(name))
    } catch (error) {
      if (!(error instanceof StepError) || error.failure.code !== 'EEXIST') throw error
    }
  }
}

function replace(plan: LinkPlan, ctx: ApplyContext): Made {
  const { ops, platform } = ctx
  const abs = plan.request.absPath
  const dir = platform.path.dirname(abs)
  step('clean up old temporary names in the directory of', plan.kinds[0], () => sweepStaleTemps(dir, ctx))
  const temp = tempName(dir, ctx)
  const made = makeWithFallback(temp, plan, ctx)
  const { kind } = made
  try {
    if (ctx.settings.backupSuffix) makeBackup(plan, ctx)
    // rename(2) cannot put a directory (a copied tree) over a link, and Windows cannot rename over a directory
    // link or junction: those cases are remove-then-rename, and say so.
    const ontoDirectoryLink =
      ctx.platform.isWindows && plan.existing === 'link' && ops.stat(abs)?.isDirectory() === true
    if (ontoDirectoryLink) {
      plan.warnings.push(
        `Windows cannot replace the directory link at ${abs} in one step: it was removed, then made again.`
      )
    }
    if ((kind === 'copy' && plan.targetIsDir) || ontoDirectoryLink)
      step('remove the old link at', kind, () => ops.unlink(abs))
    step(`replace what is at`, kind, () => ops.rename(temp, abs))
  } finally {
    // rename() between two names of one file does nothing and leaves the source: never leave debris. A share that
    // went away meanwhile cannot be cleaned; the error that says so is already on its way.
    try {
      if (ops.lstat(temp)) removeEntry(temp, ctx)
    } catch {
      // nothing to add to the error already thrown, if any
    }
  }
  return made
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
    if (ctx.madeDirs.has(dir)) continue
    try {
      step(`create the parent directory ${dir} for`, plan.kinds[0], () => ctx.ops.mkdir(dir))
      created.push(dir)
    } catch (error) {
      // Another run (or an earlier link through another spelling) may have made it already.
      if (!(error instanceof StepError && error.failure.code === 'EEXIST' && ctx.ops.stat(dir)?.isDirectory()))
        throw error
    }
    ctx.madeDirs.add(dir)
  }
}

/** Directories this link made before it failed go again, innermost first, where still empty. */
function removeCreatedParents(created: string[], ctx: ApplyContext): void {
  for (const dir of created.reverse()) {
    try {
      ctx.ops.rmdir(dir)
      ctx.madeDirs.delete(dir)
    } catch {
      return
    }
  }
}

function execute(plan: LinkPlan, ctx: ApplyContext): LinkOutcome {
  if (plan.action === 'unchanged') return { status: 'unchanged', kind: plan.kinds[0] ?? '' }
  if (plan.action === 'remove') return removal(plan, ctx)
  if (plan.action === 'fail') {
    return { status: plan.skipped ? 'skipped' : 'failed', kind: '', failure: plan.failure, failedKind: plan.kinds[0] }
  }
  const createdParents: string[] = []
  try {
    createParents(plan, ctx, createdParents)
    const status = plan.action === 'replace' ? 'replaced' : 'created'
    const made = status === 'replaced' ? replace(plan, ctx) : makeWithFallback(plan.request.absPath, plan, ctx)
    return { status, kind: made.kind, failure: made.quirk, failedKind: made.kind }
  } catch (error) {
    if (!(error instanceof StepError)) throw error
    removeCreatedParents(createdParents, ctx)
    return failedOutcome(error, plan, ctx)
  }
}

/** `state: absent`: the link goes, or with backup-suffix is renamed to its backup. */
function removal(plan: LinkPlan, ctx: ApplyContext): LinkOutcome {
  const kind = plan.kinds[0]
  try {
    step('remove the link', kind, () => removeLinkAt(plan.request.absPath, ctx.settings.backupSuffix, ctx.ops))
    return { status: 'removed', kind }
  } catch (error) {
    if (!(error instanceof StepError)) throw error
    return failedOutcome(error, plan, ctx)
  }
}

function failedOutcome(error: StepError, plan: LinkPlan, ctx: ApplyContext): LinkOutcome {
  const { failure, kind } = error
  const explanation = error.explanation(plan, ctx)
  const outcome: LinkOutcome = { status: 'failed', kind: '', failure, failedKind: kind, explanation }
  if (isShareGone(failure.code)) ctx.goneShares.set(ctx.detector.forPath(plan.request.absPath).mountPoint, failure)
  // EXDEV is about the pair of filesystems: a probe of PATH's directory alone would say "hard links work".
  else if (failure.code !== 'EXDEV' && explanation.capability) {
    outcome.probe = probe(ctx.platform.path.dirname(plan.request.absPath), plan, ctx)
  }
  return outcome
}

/**
 * Apply one link. Links below another entry's PATH are planned again now, since that link exists only now; so are
 * links on a share that an earlier link found gone, which then are skipped.
 */
export function applyLink(planned: LinkPlan, ctx: ApplyContext): LinkResult {
  const shareGone =
    planned.action !== 'fail' && ctx.goneShares.has(ctx.detector.forPath(planned.request.absPath).mountPoint)
  const plan = planned.request.dependsOnEarlier || shareGone ? planOrSkip(planned.request, ctx) : planned
  const outcome = execute(plan, ctx)
  // Something appeared at PATH since the plan looked (another run on the same directory): look once more.
  if (plan.action === 'create' && outcome.failure?.code === 'EEXIST' && outcome.status === 'failed') {
    const again = planLink(plan.request, ctx)
    return toResult(again, execute(again, ctx), ctx)
  }
  return toResult(plan, outcome, ctx)
}
