// Apply stage: make each planned link, falling back to the next kind where the filesystem cannot make one,
// replacing atomically (new link under a temporary name, renamed over PATH), backing up and probing. What came of
// it becomes a result in result.ts.
import { randomBytes } from 'node:crypto'
import type { Stats } from 'node:fs'
import { errnoCode, errnoName, isErrno, toFailure } from './errors.js'
import { familyFacts } from './families.js'
import {
  canHang,
  familyOf,
  isShareGone,
  kindWords,
  misreports,
  type Explanation,
  type FailureContext
} from './knowledge.js'
import { backupName, type Failure, type Kind, type LinkResult, type Probe } from './model.js'
import { removeEntry } from './fsops.js'
import { parentChange, underParent } from './parent.js'
import { fallBack, planLink, planOrSkip, syscallOf, type LinkPlan, type PlanContext } from './plan/index.js'
import { kindFromText, type WindowsLinkType } from './mounts-windows.js'
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
  /** What each link took and made on the way, by PATH, for the undo record: installed under `cleanup` alone. */
  taken?: Map<string, Taken>
  /** Mount points that answered readlink with EPERM for a link of the right size (Debian's sshfs hides texts). */
  hidingTexts: Set<string>
  /** Directories where a plain file could (or could not) be made, asked after EPERM from symlink() on Windows. */
  fileProbes: Map<string, boolean>
  /** Windows: the kinds of the old links a slice backs up, asked together before it is applied (learnKeptKinds). */
  keptKinds: Map<string, { text: string; kind: WindowsLinkType }>
  now: () => number
}

/** What applying a link did besides the link: the name its backup took, the parent directories it created. */
export interface Taken {
  backup?: string
  dirs?: string[]
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
    fileProbes: new Map(),
    keptKinds: new Map(),
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

/**
 * Remove temporary links older than an hour: what a run that was killed mid-replacement left. Housekeeping only: where
 * the directory cannot be listed (davfs2 answers readdir with EINVAL), the link is made all the same, with a warning.
 */
function sweepStaleTemps(dir: string, plan: LinkPlan, ctx: ApplyContext): void {
  if (ctx.swept.has(dir)) return
  ctx.swept.add(dir)
  try {
    for (const name of ctx.ops.readdir(dir)) {
      // Only names of exactly our making: a user's own `.ln-action-links` is not ours to remove.
      if (!TEMP_NAME.test(name)) continue
      const p = ctx.platform.path.join(dir, name)
      const stats = ctx.ops.lstat(p)
      if (stats && ctx.now() - stats.mtimeMs > STALE_TEMP_MS) removeEntry(p, ctx.ops, ctx.platform.path)
    }
  } catch (error) {
    const stay = `The link is made all the same; temporary names (${TEMP_PREFIX}*) a killed run may have left stay.`
    warnFailed(error, 'scandir', 'clean up old temporary names in the directory of', plan.kinds[0], plan, ctx, stay)
  }
}

/** A side step that failed without failing the link (sweeping, reading back): its explanation becomes a warning. */
function warnFailed(
  error: unknown,
  syscall: string,
  attempted: string,
  kind: Kind,
  plan: LinkPlan,
  ctx: ApplyContext,
  consequence = ''
): void {
  if (!isErrno(error)) throw error
  const failure = toFailure(error, error.syscall ?? syscall, attempted)
  const { message, hint } = explainFailure(plan, failure, kind, ctx)
  plan.warnings.push([message, consequence, hint].filter(Boolean).join(' '))
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
  explanation(plan: LinkPlan, ctx: ApplyContext): Explanation {
    return (this.explained ??= explainFailure(plan, this.failure, this.kind, ctx, evidence(this.failure, plan, ctx)))
  }
}

/**
 * What tells apart the causes one errno stands for on Windows, looked at once the call failed: libuv says EPERM for
 * ERROR_PRIVILEGE_NOT_HELD and ERROR_ACCESS_DENIED alike, and UNKNOWN for every Win32 error it does not map.
 */
function evidence(failure: Failure, plan: LinkPlan, ctx: ApplyContext): Partial<FailureContext> {
  if (!ctx.platform.isWindows) return {}
  if (failure.code === 'EPERM' && failure.syscall === 'symlink')
    return { canCreateFile: canCreateFile(ctx.platform.path.dirname(plan.request.absPath), ctx) }
  if (failure.code === 'UNKNOWN' && failure.syscall === 'link') {
    try {
      return { targetLinks: ctx.ops.lstat(plan.linkSource)?.nlink }
    } catch {
      return {} // unread: the row says it could not be confirmed
    }
  }
  return {}
}

/** Whether a plain file can be made (and is removed at once) in dir: once per directory. */
function canCreateFile(dir: string, ctx: ApplyContext): boolean {
  const known = ctx.fileProbes.get(dir)
  if (known !== undefined) return known
  const file = `${tempName(dir, ctx)}-f`
  let made = false
  try {
    ctx.ops.writeFile(file, '')
    made = true
    ctx.ops.unlink(file)
  } catch {
    // not made, or made and left for the sweep of a later run: either way the answer stands
  }
  ctx.fileProbes.set(dir, made)
  return made
}

function step<T>(attempted: string, kind: Kind, fn: () => T): T {
  try {
    return fn()
  } catch (error) {
    throw stepError(error, attempted, kind)
  }
}

/** A system error as a step's failure; anything else as it was. */
function stepError(error: unknown, attempted: string, kind: Kind): unknown {
  if (!isErrno(error)) return error
  return new StepError(toFailure(error, error.syscall ?? syscallOf(kind), attempted), kind)
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
    copyEntry(from, to, ctx)
  } catch (error) {
    if (errnoCode(error) !== 'EEXIST' && ctx.ops.lstat(to)) removeEntry(to, ctx.ops, ctx.platform.path)
    throw error
  }
}

/**
 * Copy a file, or a tree: each entry, with the links inside it kept as links. The first entry follows a link: TARGET
 * is copied. The links are made last, when all their kinds are known at once (on Windows one PowerShell start for the
 * tree, not one per link), and each directory's times after that, since every entry made in it moves its mtime.
 */
function copyEntry(from: string, to: string, ctx: ApplyContext): void {
  const links: [string, string][] = []
  const dirs: [string, string][] = []
  copyInto(from, to, true, ctx, { links, dirs })
  const kinds = keptLinkTypes(
    links.map(([source]) => source),
    ctx
  )
  links.forEach(([source, copy], i) => ctx.ops.symlink(ctx.ops.readlink(source), copy, kinds[i]))
  for (const [source, copy] of dirs) ctx.ops.copyMeta(source, copy)
}

/** copyEntry's walk: files copied and directories made; links and directory times left for later, in that order. */
function copyInto(
  from: string,
  to: string,
  follow: boolean,
  ctx: ApplyContext,
  later: { links: [string, string][]; dirs: [string, string][] }
): void {
  const { ops, platform } = ctx
  const stats = follow ? ops.stat(from) : ops.lstat(from)
  if (stats?.isSymbolicLink()) return void later.links.push([from, to])
  if (!stats?.isDirectory()) return ops.copyFile(from, to) // nothing there: copyFile says ENOENT
  ops.mkdir(to)
  for (const name of ops.readdir(from)) {
    copyInto(platform.path.join(from, name), platform.path.join(to, name), false, ctx, later)
  }
  later.dirs.push([from, to])
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
  for (let i = 0; i < plan.kinds.length; i++) {
    const kind = plan.kinds[i]
    try {
      // Not through step(): every link comes here, and a closure and words per link add up over thousands.
      try {
        make(kind, at, plan, ctx)
      } catch (cause) {
        throw stepError(cause, `create the ${kindWords(kind)}`, kind)
      }
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
      fallBack(plan, kind, next, message)
    }
  }
  throw new Error('no kind of link to try') // planLink never plans an empty list
}

/**
 * Where a filesystem is known to misreport, read the new link back at PATH (after the rename, when replacing: what
 * every reader sees there), and say what does not match.
 */
function verify(made: Made, plan: LinkPlan, ctx: ApplyContext): void {
  const { kind } = made
  const at = plan.request.absPath
  if (made.quirk || !misreports(plan.filesystem) || (kind !== 'symlink' && kind !== 'junction')) return
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
      const why = familyFacts(familyOf(plan.filesystem.type))?.readsBackStale ?? ''
      plan.warnings.push(`${at} reads back as '${text}', not '${wanted}'. ${why}`.trim())
    }
  } catch (error) {
    // The link was made; only the check failed (the share may have gone meanwhile): say so, keep the result.
    warnFailed(error, 'lstat', 'read back the new link', kind, plan, ctx)
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
    // sshfs -o follow_symlinks answers EIO for a symlink it made: that is a symlink that works, as for a link.
    const said = { code: result.symlink, syscall: 'symlink', attempted: 'probe' }
    if (result.symlink !== 'ok' && madeDespiteError(`${base}-s`, said, plan, ctx)) result.symlink = 'ok'
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

/** What a call answers, or undefined where it throws (a loop of links, a link gone meanwhile). */
function quietly<T>(call: () => T): T | undefined {
  try {
    return call()
  } catch {
    return undefined
  }
}

/**
 * The Windows types links are made again with: each one's own. Where a relative text that leads somewhere settles
 * every one, nothing is asked; otherwise all are asked in one call, since it is one PowerShell start either way and a
 * link's own kind beats what it leads to (a file link may lead to a directory). Where nothing tells, what the link
 * leads to now decides, or it is a file link.
 */
function keptLinkTypes(links: string[], ctx: ApplyContext): (WindowsLinkType | undefined)[] {
  const { ops, platform } = ctx
  if (!platform.isWindows) return links.map(() => undefined)
  const leadsTo = links.map((p) => quietly(() => ops.stat(p)))
  const known = links.map((p, i) => {
    const text = quietly(() => ops.readlink(p))
    return text === undefined ? undefined : kindFromText(text, leadsTo[i])
  })
  const asked = known.includes(undefined) ? ops.linkKinds(links) : []
  return links.map((_, i) => asked[i] ?? known[i] ?? symlinkType(platform, 'symlink', !!leadsTo[i]?.isDirectory()))
}

/**
 * Windows: the kinds of the links a slice of plans will replace and keep (a backup, or the undo record's note of
 * what to put back), asked together before the slice is applied, so that PowerShell starts once per slice, not once
 * per link. A link below an earlier link is planned again when its turn comes (what is at its PATH may change by
 * then): it is left to ask for itself.
 */
export function learnKeptKinds(plans: LinkPlan[], ctx: ApplyContext): void {
  if (!ctx.platform.isWindows || !(ctx.settings.backupSuffix || ctx.settings.cleanup)) return
  const links = plans
    .filter((p) => p.action === 'replace' && p.existing === 'link' && !p.request.dependsOnEarlier)
    .map((p) => p.request.absPath)
  keptLinkTypes(links, ctx).forEach((kind, i) => {
    const text = quietly(() => ctx.ops.readlink(links[i]))
    if (kind && text !== undefined) ctx.keptKinds.set(links[i], { text, kind })
  })
}

/** The Windows kind of the link at p: as learnKeptKinds found it while p still holds the text it held then, else asked. */
export function keptLinkType(p: string, ctx: ApplyContext): WindowsLinkType | undefined {
  if (!ctx.platform.isWindows) return undefined
  const learned = ctx.keptKinds.get(p)
  if (learned && learned.text === quietly(() => ctx.ops.readlink(p))) return learned.kind
  return keptLinkTypes([p], ctx)[0]
}

/** PATH+suffix, or PATH.~N~ when that is taken: an earlier backup is never overwritten. Returns the name taken. */
function makeBackup(plan: LinkPlan, ctx: ApplyContext): string {
  const { ops } = ctx
  const abs = plan.request.absPath
  const keep = (name: string): void => {
    const at = ops.lstat(abs)
    // The backup keeps the old link's own kind (Windows fixes file, dir or junction at creation), not the new one's.
    if (at?.isSymbolicLink()) {
      const kind = keptLinkType(abs, ctx)
      ctx.keptKinds.delete(abs) // used: a later link at this PATH asks again
      return ops.symlink(ops.readlink(abs), name, kind)
    }
    try {
      ops.link(abs, name)
    } catch (error) {
      if (errnoCode(error) === 'EEXIST') throw error
      copyWhole(abs, name, ctx) // no hard links here: a copy keeps the content just as well
    }
  }
  for (let n = 0; ; n++) {
    const name = backupName(abs, ctx.settings.backupSuffix, n)
    try {
      step(`keep the backup ${name} of`, 'hardlink', () => keep(name))
      return name
    } catch (error) {
      if (!(error instanceof StepError) || error.failure.code !== 'EEXIST') throw error
    }
  }
}

function replace(plan: LinkPlan, ctx: ApplyContext): Made {
  const { ops, platform } = ctx
  const abs = plan.request.absPath
  const dir = platform.path.dirname(abs)
  sweepStaleTemps(dir, plan, ctx)
  const temp = tempName(dir, ctx)
  const made = makeWithFallback(temp, plan, ctx)
  const { kind } = made
  try {
    if (ctx.settings.backupSuffix) {
      const backup = makeBackup(plan, ctx)
      ctx.taken?.set(abs, { backup })
    }
    // rename(2) cannot put a directory (a copied tree) over a link: remove, then rename.
    if (kind === 'copy' && plan.targetIsDir) step('remove the old link at', kind, () => ops.unlink(abs))
    renameOver(temp, kind, plan, ctx)
  } finally {
    // rename() between two names of one file does nothing and leaves the source: never leave debris. A share that
    // went away meanwhile cannot be cleaned; the error that says so is already on its way.
    try {
      if (ops.lstat(temp)) removeEntry(temp, ctx.ops, ctx.platform.path)
    } catch {
      // nothing to add to the error already thrown, if any
    }
  }
  return made
}

/**
 * Rename the new link over PATH. Windows refuses that (EPERM) where either is a directory link or junction, dangling
 * ones included (MoveFileExW cannot replace a directory): there the old link is removed first, and the result says
 * the replacement was not atomic.
 */
function renameOver(temp: string, kind: Kind, plan: LinkPlan, ctx: ApplyContext): void {
  const abs = plan.request.absPath
  try {
    return step('replace what is at', kind, () => ctx.ops.rename(temp, abs))
  } catch (error) {
    const refused = error instanceof StepError && error.failure.code === 'EPERM'
    if (!refused || !ctx.platform.isWindows || plan.existing !== 'link') throw error
  }
  step('remove the old link at', kind, () => ctx.ops.unlink(abs))
  plan.warnings.push(
    `Windows cannot replace the link at ${abs} in one step (not atomic): it was removed, then made again.`
  )
  step('replace what is at', kind, () => ctx.ops.rename(temp, abs))
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
    if (createdParents.length > 0) ctx.taken?.set(plan.request.absPath, { dirs: createdParents })
    verify(made, plan, ctx)
    return { status, kind: made.kind, failure: made.quirk, failedKind: made.kind }
  } catch (error) {
    if (!(error instanceof StepError)) throw error
    removeCreatedParents(createdParents, ctx)
    return failedOutcome(error, plan, ctx)
  }
}

/** `state: absent`: the link goes, or with backup-suffix is renamed to its backup; through the real directory planned. */
function removal(plan: LinkPlan, ctx: ApplyContext): LinkOutcome {
  const kind = plan.kinds[0]
  const abs = plan.request.absPath
  // On a share inode numbers are not the directory's own (FUSE renumbers a node it forgot): the real path decides.
  const moved = plan.parent && parentChange(abs, plan.parent, ctx.ops, ctx.platform, !canHang(plan.filesystem))
  if (moved?.gone) return { status: 'unchanged', kind: '' } // the link went with its directory
  if (moved) return parentMoved(moved.words, plan)
  const at = plan.parent ? underParent(abs, plan.parent, ctx.platform) : abs
  try {
    step('remove the link', kind, () => removeLinkAt(at, ctx.settings.backupSuffix, ctx.ops))
    return { status: 'removed', kind }
  } catch (error) {
    if (!(error instanceof StepError)) throw error
    return failedOutcome(error, plan, ctx)
  }
}

/** PATH's chain led elsewhere by the time the link was to go (a later process swapped a parent): nothing removed. */
function parentMoved(words: string, plan: LinkPlan): LinkOutcome {
  const failure = { code: 'PARENT_CHANGED', syscall: 'realpath', attempted: 'remove the link' }
  const message = `${plan.request.absPath} was not removed: ${words} since the plan looked at it.`
  const hint = 'Run the step again once nothing else changes the directories above PATH.'
  const explanation = { message, hint, advice: [], capability: false }
  return { status: 'failed', kind: '', failure, failedKind: plan.kinds[0], explanation }
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
