// Plan stage: for each link, look at the disk (read only) and decide: create, replace, unchanged or fail.
import type { Stats } from 'node:fs'
import type { FsOps } from './fsops.js'
import { familyOf, isShareGone, kindWords } from './knowledge.js'
import { errnoCode, errnoNumber, isErrno, toFailure } from './errors.js'
import type { FilesystemDetector } from './mounts.js'
import type {
  Failure,
  Fallback,
  FilesystemInfo,
  Kind,
  LinkOptions,
  LinkRequest,
  LinkSettings,
  ParentIdentity,
  PlanAction
} from './model.js'
import { parentOf } from './parent.js'
import {
  isWithin,
  linkTextOf,
  pathKey,
  sameLinkTarget,
  withoutNamespace,
  type HardlinkGuard,
  type Platform
} from './platform.js'
import { judgeRemoval } from './remove.js'

export interface PlanContext {
  platform: Platform
  ops: FsOps
  detector: FilesystemDetector
  settings: LinkSettings
  /** The working directory with its symlinks resolved, for confinement. */
  realWorkingDirectory: string
  /** Mount points whose share was found gone (ENOTCONN...): later links there are skipped, not attempted. */
  goneShares: Map<string, Failure>
  /**
   * Directories already resolved while planning (thousands of links share a few directories). Only while nothing
   * is being made: a link planned again at apply time must see what earlier links changed.
   */
  realDirectories?: Map<string, RealLocation>
  /** Likewise each TARGET's stat (many links share a few targets; on a share each stat is a round trip). */
  targets?: Map<string, Stats | undefined>
  /** Likewise the relative way from a link's real directory to its TARGET's (a few pairs for thousands of links). */
  relatives?: Map<string, string>
  /**
   * Likewise the names in directories a share lane listed (lane.ts): a name missing there is known missing without
   * asking the share, which answers one lookup at a time per directory.
   */
  listed?: Map<string, Set<string>>
  /** fs.protected_hardlinks and the effective user, read at the first hard link Linux refuses (result.ts). */
  hardlinkGuard?: HardlinkGuard
}

/** What is at PATH now, in the terms of `overwrite`. */
export type Existing = 'dir' | 'link' | 'file'

export interface LinkPlan {
  request: LinkRequest
  action: PlanAction
  /** Kinds to try in order (create/replace); the kind found at PATH (unchanged). */
  kinds: Kind[]
  /** The text a symbolic link gets. */
  text: string
  /** What a hard link links to: TARGET with its symlinks resolved. */
  linkSource: string
  targetExists: boolean
  targetIsDir: boolean
  existing?: Existing
  /** Parent directories to create, outermost first. */
  missingParents: string[]
  filesystem: FilesystemInfo
  failure?: Failure
  /** Not attempted because its share was already found gone. */
  skipped?: boolean
  /** `state: absent`: PATH's real directory when planned, checked again right before the link goes. */
  parent?: ParentIdentity
  /** An existing symlink at PATH that the filesystem will not let us read back. */
  unreadable?: boolean
  /** The failure in the plan's own words, where the knowledge base has nothing to add (a PATH that leads out). */
  said?: { message: string; hint: string }
  /** Where the asked kind cannot be made and `fallback` moves on: known at plan time (TARGET), or while applying. */
  fallback?: Fallback
  warnings: string[]
}

/** The plan moves on from `kind` to `next`, for `why`: the first kind asked stays the one reported as asked. */
export function fallBack(plan: LinkPlan, kind: Kind, next: Kind, why: string): void {
  const before = plan.fallback
  plan.fallback = { asked: before?.asked ?? kind, instead: next, why: before ? `${before.why} ${why}` : why }
}

const SYSCALL: Record<Kind, string> = { symlink: 'symlink', junction: 'symlink', hardlink: 'link', copy: 'copyfile' }

export function syscallOf(kind: Kind): string {
  return SYSCALL[kind]
}

export interface RealLocation {
  /** p with the symlinks of its existing part resolved. */
  real: string
  /** The directories of p that do not exist yet, outermost first. */
  missing: string[]
  /** Whether `real` lies inside the real working directory: asked once per directory, not per link. */
  inside?: boolean
}

/** Resolve the existing part of directory `dir` and list what is missing below it (like `realpath -m`). */
function realDirectory(dir: string, ctx: PlanContext): RealLocation {
  const cached = ctx.realDirectories?.get(dir)
  if (cached) return cached
  const found = resolveDirectory(dir, ctx)
  ctx.realDirectories?.set(dir, found)
  return found
}

function resolveDirectory(dir: string, ctx: PlanContext): RealLocation {
  const { path } = ctx.platform
  const missing: string[] = []
  for (let current = dir; ; current = path.dirname(current)) {
    const stats = unlisted(current, ctx) ? undefined : ctx.ops.stat(current)
    if (stats) {
      if (!stats.isDirectory())
        throw Object.assign(new Error(`not a directory: ${current}`), { code: 'ENOTDIR', syscall: 'stat' })
      const tail = missing.map((m) => path.basename(m))
      return { real: path.join(ctx.ops.realpath(current), ...tail), missing }
    }
    if (current === path.dirname(current)) return { real: dir, missing }
    missing.unshift(current)
  }
}

/**
 * How a listed name is compared: without case or Unicode form, so that a share whose server ignores them (a macOS or
 * Windows disk behind it) never has a name taken for missing that its lookups would find.
 */
export function listedKey(name: string): string {
  return name.normalize('NFC').toLowerCase()
}

/** p's directory was listed while planning, without p in it. */
function unlisted(p: string, ctx: PlanContext): boolean {
  const { path } = ctx.platform
  return ctx.listed?.get(path.dirname(p))?.has(listedKey(path.basename(p))) === false
}

function existingKind(stats: Stats): Existing {
  if (stats.isSymbolicLink()) return 'link'
  if (stats.isDirectory()) return 'dir'
  return stats.nlink > 1 ? 'link' : 'file'
}

/** Same size and modification time (within FAT's 2 s) and type: what a copy made by `fallback: copy` keeps. */
function sameFileMeta(a: Stats, b: Stats): boolean {
  return a.isFile() === b.isFile() && a.size === b.size && Math.abs(a.mtimeMs - b.mtimeMs) < 2000
}

/** A directory copy is recognised by the same names, types, sizes and times all the way down. */
function sameTree(copy: string, original: string, ops: FsOps, platform: Platform): boolean {
  const names = ops.readdir(original)
  if (ops.readdir(copy).length !== names.length) return false
  return names.every((name) => {
    const a = ops.lstat(platform.path.join(copy, name))
    const b = ops.lstat(platform.path.join(original, name))
    if (!a || !b || a.isDirectory() !== b.isDirectory() || a.isSymbolicLink() !== b.isSymbolicLink()) return false
    if (a.isDirectory())
      return sameTree(platform.path.join(copy, name), platform.path.join(original, name), ops, platform)
    return a.isSymbolicLink() || sameFileMeta(a, b)
  })
}

/**
 * A directory at PATH is TARGET's copy when their trees match. Where a listing fails (davfs2 answers readdir with
 * EINVAL in every directory) it cannot be compared: it is taken as the copy, with a warning, rather than failing
 * every re-run (a directory is never replaced anyway).
 */
function recogniseTree(plan: LinkPlan, ctx: PlanContext): Recognised {
  const abs = plan.request.absPath
  try {
    return sameTree(abs, plan.request.absTarget, ctx.ops, ctx.platform) ? {} : undefined
  } catch (error) {
    if (!isErrno(error)) throw error
    const why = `${errnoCode(error)} from ${error.syscall ?? 'scandir'}() on ${plan.filesystem.type}`
    return {
      warning: `${abs} is a directory, but it cannot be listed to compare with TARGET (${why}): taken as its copy, not verified.`
    }
  }
}

/** Same type, size, time and mode: all that can be compared where a filesystem hides links or inodes. */
function looksLikeTarget(at: Stats, target: Stats | undefined): target is Stats {
  return (
    target !== undefined &&
    at.isDirectory() === target.isDirectory() &&
    at.mode === target.mode &&
    sameFileMeta(at, target)
  )
}

/** What is at PATH is what was asked for: yes (maybe with a warning that it cannot be proven here), or no. */
type Recognised = { warning?: string } | undefined

function readLinkText(plan: LinkPlan, ctx: PlanContext): string | undefined {
  try {
    return ctx.ops.readlink(plan.request.absPath)
  } catch (error) {
    // sshfs (contain_symlinks) hides absolute or escaping link texts: the link is there, its text is not readable.
    if (familyOf(plan.filesystem.type) !== 'sshfs' || errnoCode(error) !== 'EPERM') throw error
    plan.unreadable = true
    return undefined
  }
}

function recognise(kind: Kind, plan: LinkPlan, at: Stats, target: Stats | undefined, ctx: PlanContext): Recognised {
  const { platform } = ctx
  const abs = plan.request.absPath
  const fs = plan.filesystem
  switch (kind) {
    case 'symlink':
    case 'junction': {
      if (!at.isSymbolicLink()) {
        // Through sshfs -o follow_symlinks a link shows as what it points to.
        if (!fs.options.includes('follow_symlinks') || !looksLikeTarget(at, target)) return undefined
        return {
          warning: `${abs} shows as its TARGET through this sshfs mount (follow_symlinks): taken as the link, but it cannot be verified here.`
        }
      }
      const text = readLinkText(plan, ctx)
      if (text === undefined) {
        // The text is hidden, its length is not (a symlink's size is the length of its text).
        if (at.size !== Buffer.byteLength(plan.text)) return undefined
        return {
          warning: `${abs} is a symlink of the right length, but this sshfs mount hides its text (absolute or with ..): taken as unchanged, not verified.`
        }
      }
      const wanted = linkTextOf(platform, kind, plan.text, plan.request.absTarget)
      return sameLinkTarget(platform, abs, text, wanted) ? {} : undefined
    }
    case 'hardlink':
      if (!target || !at.isFile()) return undefined
      if (at.ino === target.ino && at.dev === target.dev) return {}
      // sshfs shows every name of a file as its own inode: a hard link there cannot be told from a copy.
      if (familyOf(fs.type) !== 'sshfs' || !looksLikeTarget(at, target)) return undefined
      return {
        warning: `${abs} has TARGET's size, time and mode; sshfs shows each name as its own inode, so this hard link cannot be verified.`
      }
    case 'copy':
      if (!target || at.isSymbolicLink()) return undefined
      if (target.isDirectory()) return at.isDirectory() ? recogniseTree(plan, ctx) : undefined
      return sameFileMeta(at, target) ? {} : undefined
  }
}

function linkText(request: LinkRequest, realParent: string, ctx: PlanContext): string {
  const { path } = ctx.platform
  const wantRelative =
    request.options.relative === 'true' || (request.options.relative === 'auto' && request.targetWasRelative)
  if (!wantRelative) return request.absTarget
  let targetDir = path.dirname(request.absTarget)
  try {
    targetDir = realDirectory(targetDir, ctx).real
  } catch {
    // A TARGET below a file cannot exist; its text can still be written as given.
  }
  return relativeText(realParent, targetDir, path.basename(request.absTarget), ctx)
}

/**
 * path.relative(realParent, targetDir/name), computed once per pair of directories: the way to targetDir, then the
 * name. Not where the parent lies at or below the target itself (the way then does not pass through targetDir).
 */
function relativeText(realParent: string, targetDir: string, name: string, ctx: PlanContext): string {
  const { path, isWindows } = ctx.platform
  const realTarget = isWindows ? path.join(targetDir, name) : targetDir === '/' ? `/${name}` : `${targetDir}/${name}`
  if (isWindows || !ctx.relatives || realParent === realTarget || realParent.startsWith(`${realTarget}/`))
    return path.relative(realParent, realTarget) || '.'
  const key = `${realParent}\0${targetDir}`
  let way = ctx.relatives.get(key)
  if (way === undefined) ctx.relatives.set(key, (way = path.relative(realParent, targetDir)))
  return way === '' ? name : `${way}/${name}`
}

function failed(plan: LinkPlan, code: string, syscall: string, attempted: string): LinkPlan {
  return Object.assign(plan, {
    action: 'fail' as const,
    failure: { code, errno: errnoNumber(code) ?? undefined, syscall, attempted }
  })
}

/** The kinds asked for by each set of options (thousands of links share one), never changed: plans filter copies. */
const kindsOf = new WeakMap<LinkOptions, Kind[]>()

/** The kinds a link asks for, in the order to try them: its type, then its fallbacks. */
function requestedKinds({ options }: LinkRequest): Kind[] {
  let kinds = kindsOf.get(options)
  if (!kinds) kindsOf.set(options, (kinds = [options.type, ...options.fallback.filter((k) => k !== options.type)]))
  return kinds
}

/** A plan that has looked at nothing yet: what a link that never got that far reports. */
export function emptyPlan(request: LinkRequest, ctx: PlanContext): LinkPlan {
  return {
    request,
    action: 'create',
    kinds: requestedKinds(request),
    text: '',
    linkSource: request.absTarget,
    targetExists: false,
    targetIsDir: request.options.targetType === 'dir',
    missingParents: [],
    filesystem: ctx.detector.forPath(request.absPath),
    warnings: []
  }
}

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

/** Words for what a link's plan tried, where the plan itself fails. */
function attemptOf(request: LinkRequest): string {
  return `create the ${request.options.type === 'hardlink' ? 'hard' : 'symbolic'} link`
}

export function planLink(request: LinkRequest, ctx: PlanContext): LinkPlan {
  const plan = emptyPlan(request, ctx)
  try {
    const parent = locate(plan, ctx)
    if (!parent) return escaped(plan, ctx)
    if (request.options.state === 'absent') return planRemoval(plan, parent, ctx)
    const target = examineTarget(plan, parent.real, ctx)
    const unfit = fitKinds(plan, target, ctx)
    if (unfit) return unfit
    // Nothing can be in a directory that does not exist: on a share that saves a round trip per new link.
    const at = parent.missing.length > 0 ? undefined : ctx.ops.lstat(request.absPath)
    return decide(plan, at, target, ctx)
  } catch (error) {
    if (!isErrno(error)) throw error
    return { ...plan, action: 'fail', failure: toFailure(error, error.syscall ?? 'stat', attemptOf(request)) }
  }
}

/** The real path PATH would have: its parent with symlinks resolved. */
function realPathOf(request: LinkRequest, parent: RealLocation, ctx: PlanContext): string {
  return ctx.platform.path.join(parent.real, ctx.platform.path.basename(request.absPath))
}

/** PATH's real parent and the filesystem the link will be on; undefined where a symlinked parent leads out. */
function locate(plan: LinkPlan, ctx: PlanContext): RealLocation | undefined {
  const { request } = plan
  const parent = realDirectory(ctx.platform.path.dirname(request.absPath), ctx)
  // Whether the parent lies inside is asked once per directory; only a parent outside needs the link's own path.
  parent.inside ??= isWithin(ctx.platform, ctx.realWorkingDirectory, parent.real)
  const confined = ctx.settings.confine && request.pathWasRelative && !parent.inside
  if (confined && !isWithin(ctx.platform, ctx.realWorkingDirectory, realPathOf(request, parent, ctx))) return undefined
  plan.missingParents = parent.missing
  plan.filesystem = ctx.detector.forPath(parent.real)
  return parent
}

/** The first symlinked directory on the way from working-directory to PATH that leads outside it, and where. */
function escapingParent(request: LinkRequest, ctx: PlanContext): { link: string; leadsTo: string } | undefined {
  const { path } = ctx.platform
  const wd = ctx.settings.workingDirectory
  let at = wd
  for (const name of path.relative(wd, path.dirname(request.absPath)).split(path.sep)) {
    at = path.join(at, name)
    if (!ctx.ops.lstat(at)?.isSymbolicLink()) continue
    const leadsTo = ctx.ops.realpath(at)
    if (!isWithin(ctx.platform, ctx.realWorkingDirectory, leadsTo)) return { link: at, leadsTo }
  }
  return undefined
}

/** A relative PATH that a symlinked parent leads outside working-directory: this link's failure, not the spec's. */
function escaped(plan: LinkPlan, ctx: PlanContext): LinkPlan {
  const { request } = plan
  const realPath = realPathOf(request, realDirectory(ctx.platform.path.dirname(request.absPath), ctx), ctx)
  const parent = escapingParent(request, ctx)
  const through = parent
    ? `the symlinked parent ${parent.link}, which leads to ${parent.leadsTo}`
    : 'a symlinked parent'
  const message =
    `PATH '${request.path}' leads outside working-directory through ${through}: the link would be ${realPath} ` +
    `(confine: true). Nothing was made there.`
  const hint = 'Choose a PATH inside working-directory, or set `confine: false` if links may lead out of it.'
  return { ...failed(plan, 'CONFINE', 'realpath', attemptOf(request)), said: { message, hint } }
}

/** What TARGET is, and what each kind of link to it would hold. */
function examineTarget(plan: LinkPlan, realParent: string, ctx: PlanContext): Stats | undefined {
  const { request } = plan
  const target = statTarget(request.absTarget, ctx)
  plan.targetExists = target !== undefined
  plan.targetIsDir = target ? target.isDirectory() : plan.targetIsDir
  if (target && plan.kinds.includes('hardlink')) plan.linkSource = ctx.ops.realpath(request.absTarget)
  if (plan.kinds.some((k) => k === 'symlink' || k === 'junction')) plan.text = linkText(request, realParent, ctx)
  return target
}

/**
 * The kinds that can lead to this TARGET, known before any call: a missing one takes only links, a directory no hard
 * link (link(2) says EPERM). A failed plan when none can; a warning when the plan falls back from the asked kind.
 */
function fitKinds(plan: LinkPlan, target: Stats | undefined, ctx: PlanContext): LinkPlan | undefined {
  const { request } = plan
  const requested = plan.kinds
  const attempt = attemptOf(request)
  if (!target) plan.kinds = requested.filter((k) => k === 'symlink' || k === 'junction')
  else if (target.isDirectory()) plan.kinds = requested.filter((k) => k !== 'hardlink')
  if (plan.kinds.length === 0)
    return target ? failed(plan, 'EPERM', 'link', attempt) : failed(plan, 'ENOENT', syscallOf(requested[0]), attempt)
  if (plan.kinds[0] !== requested[0]) {
    const why = target
      ? 'is a directory, which no hard link can lead to'
      : `does not exist, so no ${kindWords(requested[0])} can lead to it`
    fallBack(plan, requested[0], plan.kinds[0], `TARGET ${request.absTarget} ${why}.`)
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

/** Given what is at PATH: unchanged when it is already what was asked for, else create, replace, or fail. */
function decide(plan: LinkPlan, at: Stats | undefined, target: Stats | undefined, ctx: PlanContext): LinkPlan {
  const { request } = plan
  const attempt = attemptOf(request)
  if (at) {
    plan.existing = existingKind(at)
    for (const kind of requestedKinds(request)) {
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
  const allowed =
    plan.existing === 'link'
      ? request.options.overwrite !== 'never'
      : plan.existing === 'file' && request.options.overwrite === 'files'
  if (!allowed && plan.unreadable) return failed(plan, 'EPERM', 'readlink', 'check the existing link')
  if (!allowed) return failed(plan, 'EEXIST', syscallOf(plan.kinds[0]), attempt)
  return Object.assign(plan, { action: 'replace' as const })
}

/** `state: absent`: whether what is at PATH may go (remove.ts judges), and the text of a link that would. */
function planRemoval(plan: LinkPlan, parent: RealLocation, ctx: PlanContext): LinkPlan {
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
    hidesInodes: familyOf(plan.filesystem.type) === 'sshfs' && !plan.filesystem.options.includes('use_ino')
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
  return a !== undefined && b !== undefined && a.dev === b.dev && a.ino === b.ino
}

/** The context for a planning pass, in which resolved directories may be remembered. */
export function planningContext<T extends PlanContext>(ctx: T): T {
  return { ...ctx, realDirectories: new Map(), targets: new Map(), relatives: new Map(), listed: new Map() }
}

/** TARGET's stat, once per planning pass: a share worker's lanes look up their share of them first (lane.ts). */
export function statTarget(target: string, ctx: PlanContext): Stats | undefined {
  if (ctx.targets?.has(target)) return ctx.targets.get(target)
  const stats = unlisted(target, ctx) ? undefined : ctx.ops.stat(target)
  ctx.targets?.set(target, stats)
  return stats
}

/**
 * Plan one link, unless its share (found lexically, without touching it) is already known to be gone. A plan that
 * finds the share gone marks it so for the links after it.
 */
export function planOrSkip(request: LinkRequest, ctx: PlanContext): LinkPlan {
  const mountPoint = ctx.detector.forPath(request.absPath).mountPoint
  const gone = ctx.goneShares.get(mountPoint)
  if (gone) {
    return { ...failed(emptyPlan(request, ctx), gone.code, gone.syscall, gone.attempted), skipped: true }
  }
  const plan = planLink(request, ctx)
  if (plan.failure && isShareGone(plan.failure.code)) ctx.goneShares.set(mountPoint, plan.failure)
  return plan
}

/** Plan every link, in spec order. */
export function planAll(requests: LinkRequest[], ctx: PlanContext): LinkPlan[] {
  const planning = planningContext(ctx)
  return requests.map((request) => planOrSkip(request, planning))
}
