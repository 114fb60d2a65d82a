// Where PATH really is: its parent with symlinks resolved (and what is missing below it), the filesystem the link
// will be on, and `confine`: a relative PATH that a symlinked parent leads outside working-directory fails here. A
// restore keeps every PATH inside, absolute ones and `state: absent` included: its spec may be an untrusted build's.
import type { LinkRequest } from '../model.js'
import { isWithin, parentOf } from '../platform.js'
import { unlisted, type PlanContext, type RealLocation } from './context.js'
import { attemptOf, failed, type LinkPlan } from './link-plan.js'

/** Resolve the existing part of directory `dir` and list what is missing below it (like `realpath -m`). */
export function realDirectory(dir: string, ctx: PlanContext): RealLocation {
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

/** The real path PATH would have: its parent with symlinks resolved. */
function realPathOf(request: LinkRequest, parent: RealLocation, ctx: PlanContext): string {
  return ctx.platform.path.join(parent.real, ctx.platform.path.basename(request.absPath))
}

/** PATH's real parent and the filesystem the link will be on; undefined where a symlinked parent leads out. */
export function locate(plan: LinkPlan, ctx: PlanContext): RealLocation | undefined {
  const { request } = plan
  const parent = realDirectory(parentOf(ctx.platform, request.absPath), ctx)
  // Whether the parent lies inside is asked once per directory; only a parent outside needs the link's own path.
  parent.inside ??= isWithin(ctx.platform, ctx.realWorkingDirectory, parent.real)
  const confining = ctx.settings.confineTargets || (ctx.settings.confine && request.pathWasRelative)
  const confined = confining && !parent.inside
  if (confined && !isWithin(ctx.platform, ctx.realWorkingDirectory, realPathOf(request, parent, ctx))) return undefined
  plan.missingParents = parent.missing
  plan.filesystem = parent.filesystem ??= ctx.detector.forPath(parent.real)
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

/** A PATH that lies or leads (through a symlinked parent) outside working-directory: this link's failure. */
export function escaped(plan: LinkPlan, ctx: PlanContext): LinkPlan {
  const { request } = plan
  const realPath = realPathOf(request, realDirectory(parentOf(ctx.platform, request.absPath), ctx), ctx)
  const parent = escapingParent(request, ctx)
  const through = parent
    ? ` through the symlinked parent ${parent.link}, which leads to ${parent.leadsTo}`
    : request.pathWasRelative
      ? ' through a symlinked parent'
      : ''
  const rule = ctx.settings.confineTargets ? 'a restore, overwrite: copies' : 'confine: true'
  const message =
    `PATH '${request.path}' leads outside working-directory${through}: the link would be ${realPath} (${rule}). ` +
    'Nothing was made there.'
  const optOut = ctx.settings.confineTargets ? 'allow-outside: true' : 'confine: false'
  const hint = `Choose a PATH inside working-directory, or set \`${optOut}\` if links may be made out of it.`
  return { ...failed(plan, 'CONFINE', 'realpath', attemptOf(request)), said: { message, hint } }
}
