// Where a restored link may lead. A captured spec may come from an artifact that an untrusted pull-request build made:
// restoring it (`overwrite: copies`) refuses, entry by entry, a link that would lead outside working-directory (a
// planted `../../.ssh` that a later upload step would follow), unless `allow-outside: true`. PATH is kept inside by
// resolve.ts. A symbolic link is judged by its text followed name by name as the kernel will (../capture/leads.ts):
// `x/x/../out` with `x` a link to its own directory leads out although it reads as inside. The disk is read as it is
// now, but the spec's other links will change names on the way, made before or after this one: at a name where one
// may be made the way is followed both as it is and through that link (ctx.linkTexts), and every way must stay inside.
// Windows is judged by the same walk, its texts normalized by name first as Win32 does (windows-ways.ts).
import type { Stats } from 'node:fs'
import { followEvery, MAX_NAMES, MAX_WAYS, within, type Ending, type LeadsReader } from '../capture/leads.js'
import { errnoCode } from '../errors.js'
import { isWithin, resolvedKey } from '../platform.js'
import type { PlanContext } from './context.js'
import { attemptOf, failed, type LinkPlan } from './link-plan.js'
import { realDirectory } from './resolve.js'
import { followOnWindows } from './windows-ways.js'

/** The longest text a symbolic link may hold on Linux (PATH_MAX; 1023 bytes on macOS). */
const MAX_TEXT = 4096

/** The plan refused when the link would lead outside working-directory; undefined when it stays inside. */
export function refuseOutside(plan: LinkPlan, realParent: string, ctx: PlanContext): LinkPlan | undefined {
  if (ctx.platform.isWindows && plan.kinds.includes('junction')) return refuseJunction(plan, ctx)
  const why = whyOutside(plan, realParent, ctx)
  if (why === undefined) return undefined
  const { request } = plan
  const message =
    `The link '${request.path}' ${why}: a restore (overwrite: copies) makes only links that stay inside ` +
    `working-directory ${ctx.realWorkingDirectory}. Nothing was made there.`
  const hint =
    'Check where the spec came from; when its links may lead out of working-directory, set `allow-outside: true`.'
  return { ...failed(plan, 'CONFINE', 'realpath', attemptOf(request)), said: { message, hint } }
}

/**
 * A restore makes links, never copies: a copy of a tree puts its relative links at another depth, where they may lead
 * out (`../../x` inside becomes outside one level up), and a captured spec never asks for one.
 */
export function refuseCopy(plan: LinkPlan, ctx: PlanContext): LinkPlan {
  const { request } = plan
  const message =
    `The link '${request.path}' asks for 'fallback: copy': a restore (overwrite: copies) makes no copies, whose ` +
    `relative links could lead outside working-directory ${ctx.realWorkingDirectory}. Nothing was made there.`
  const hint = 'Check where the spec came from; a captured spec has no fallback. Drop `copy` from the fallback.'
  return { ...failed(plan, 'CONFINE', 'copy', attemptOf(request)), said: { message, hint } }
}

/**
 * Windows follows a relative link reached through a junction from the junction's own path, not from the directory
 * it leads to (a junction is not substituted in the prefix: microsoft/BuildXL pull request 60, bugs.python.org
 * msg350139): `J\L` with `L` a link to `..\..\x` climbs from J, where no way here is judged. A capture records
 * none.
 */
function refuseJunction(plan: LinkPlan, ctx: PlanContext): LinkPlan {
  const { request } = plan
  const message =
    `The link '${request.path}' may be a junction: a restore (overwrite: copies) makes none, since links reached ` +
    `through one climb (..) from where it is, out of working-directory ${ctx.realWorkingDirectory} unjudged. ` +
    'Nothing was made there.'
  const hint =
    'Make a directory symbolic link (`type: symlink`, `target-type: dir`, no junction fallback); for a trusted ' +
    'spec, set `allow-outside: true`.'
  return { ...failed(plan, 'CONFINE', 'symlink', attemptOf(request)), said: { message, hint } }
}

/** Why the link may lead out, in words; undefined when every kind asked stays inside. */
function whyOutside(plan: LinkPlan, realParent: string, ctx: PlanContext): string | undefined {
  const { platform, realWorkingDirectory: wd } = ctx
  const inside = (p: string): boolean => isWithin(platform, wd, p)
  // A hard link shares, and a copy reads, the file TARGET resolves to.
  const source = plan.kinds.some((k) => k === 'hardlink' || k === 'copy') && realOf(plan.request.absTarget, ctx)
  if (source && !inside(source)) return `would be a hard link or copy of ${source}`
  if (!plan.kinds.some((k) => k === 'symlink' || k === 'junction')) return undefined
  // No longer text can be made a link (ENAMETOOLONG), nor walked in bounded time.
  if (Buffer.byteLength(plan.text) > MAX_TEXT) return `has a text longer than ${MAX_TEXT} bytes`
  if (!placedAsNamed(plan.request.absPath, realParent, ctx))
    return `lies in ${realParent}, reached through a symbolic link: the spec's other links are judged through their PATHs as named`
  const endings = waysOf(plan.text, realParent, ctx)
  if (!endings)
    return `with the text '${plan.text}' may take more than ${MAX_WAYS} ways through the links this spec makes, or look at more than ${MAX_NAMES} names`
  for (const ending of endings) {
    const why = whyLeavesBy(ending, ctx)
    if (why)
      return `with the text '${plan.text}' ${why}${ending.through ? ` once the link at ${ending.through} is made` : ''}`
  }
  return undefined
}

/** Every way the text may take (Windows paths cross into the walk's and back: ./windows-ways.ts). */
function waysOf(text: string, realParent: string, ctx: PlanContext): Ending[] | undefined {
  const { platform, realWorkingDirectory: workspace } = ctx
  if (!platform.isWindows) return followEvery(realParent, text, workspace, readerOf(ctx))
  return followOnWindows(platform, { dir: realParent, text, workspace }, readerOf(ctx))
}

/** Why one way of the text may lead out, in words. */
function whyLeavesBy({ leads, rest, stop, junction }: Ending, ctx: PlanContext): string | undefined {
  if (junction) return `climbs (..) past ${junction}, which may be a junction: where it leads is not judged`
  if (leads === 'outside') return 'would lead out'
  if (leads === 'unreadable') return 'leads through a name that cannot be read'
  // Past a name not made yet, or a link that may go, `..` goes wherever that name leads once an entry changes it.
  if (leads === 'dangling' && rest.includes('..')) return 'climbs (..) past a name another entry may make, or remove'
  // A backup keeps what is at an entry's PATH now, an old link leading anywhere, under a name missing until then.
  if (leads === 'dangling' && stop && backupMayTake(stop, ctx)) return `passes ${stop}, a name a backup may take`
  return undefined
}

/**
 * `name` is one a backup of an entry's PATH may take (names.ts backupName): PATH+suffix or PATH.~N~, compared by the
 * platform's keys, since a volume that ignores case (Windows, macOS) takes `OLD.BAK` for `old.bak`.
 */
function backupMayTake(name: string, ctx: PlanContext): boolean {
  const suffix = ctx.settings.backupSuffix
  if (!suffix || !ctx.linkTexts) return false
  const key = resolvedKey(ctx.platform, name)
  const stem = name.slice(0, -suffix.length)
  const of = [
    resolvedKey(ctx.platform, stem + suffix) === key && stem,
    /\.~\d+~$/.test(name) && name.replace(/\.~\d+~$/, '')
  ]
  return of.some((p) => p && ctx.linkTexts?.isPath(inWorkingDirectory(p, ctx)))
}

/**
 * PATH's directory is the one its name says, reached through no symbolic link: where it is not, the link would be
 * made at a name no other link's way looks for it under (`c/x` with `c` a link to `d` is made at `d/x`). On Windows
 * too, where `c` may also be a junction: a relative text in `c\x` climbs from `c` itself (refuseJunction).
 */
function placedAsNamed(absPath: string, realParent: string, ctx: PlanContext): boolean {
  const named = inWorkingDirectory(realParent, ctx)
  return resolvedKey(ctx.platform, named) === resolvedKey(ctx.platform, ctx.platform.path.dirname(absPath))
}

/** The walk's two calls through the plan's filesystem calls (a share's are bounded by the timeout). */
function readerOf(ctx: PlanContext): LeadsReader {
  return {
    lstat: (p) => ctx.wayDirectories?.get(p) ?? lookAt(p, ctx),
    readlink: (p) => ctx.ops.readlink(p),
    // A text too long is never made a link (ENAMETOOLONG): the name stays what it is.
    planned: (p) => {
      const text = ctx.linkTexts?.textAt(inWorkingDirectory(p, ctx))
      return text !== undefined && Buffer.byteLength(text) <= MAX_TEXT ? text : undefined
    },
    mayGo: (p) => ctx.linkTexts?.isPath(inWorkingDirectory(p, ctx)) ?? false
  }
}

/**
 * The entry at p, not followed, or the errno code instead. A directory is remembered for the planning pass, as
 * resolve.ts remembers PATHs' (nothing is made during one); anything else is looked at again for each link.
 */
function lookAt(p: string, ctx: PlanContext): Stats | string {
  let stats: Stats | undefined
  try {
    stats = ctx.ops.lstat(p)
  } catch (error) {
    return errnoCode(error)
  }
  if (stats?.isDirectory()) ctx.wayDirectories?.set(p, stats)
  return stats ?? 'ENOENT'
}

/** A real path below the real working directory, as named below working-directory as given (as PATHs are). */
function inWorkingDirectory(p: string, ctx: PlanContext): string {
  const { platform, realWorkingDirectory: real, settings } = ctx
  // Mostly working-directory is named as it really is, and p (a way's name, normal) is already so named: asked for
  // each name of each link's way, it is not made again.
  if (settings.workingDirectory === real && !platform.isWindows && within(real, p)) return p
  return platform.path.join(settings.workingDirectory, platform.path.relative(real, p))
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

/** A restore's `state: absent` whose PATH's directory is reached through a symbolic link: refused, as for a link. */
export function refuseAbsentThroughLink(plan: LinkPlan, realParent: string, ctx: PlanContext): LinkPlan | undefined {
  if (placedAsNamed(plan.request.absPath, realParent, ctx)) return undefined
  const message =
    `The entry '${plan.request.path}' lies in ${realParent}, reached through a symbolic link: a restore ` +
    '(overwrite: copies) removes nothing under another name, where the ways of its other links do not look. ' +
    'Nothing was removed.'
  const hint = 'Name PATH through real directories only; for a trusted spec, set `allow-outside: true`.'
  return { ...failed(plan, 'CONFINE', 'realpath', attemptOf(plan.request)), said: { message, hint } }
}
