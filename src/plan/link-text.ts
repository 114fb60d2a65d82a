// What a link to TARGET holds: TARGET's stat, the text a symbolic link gets (the entry's exact `text`, or relative or
// absolute as `relative` says) and the file a hard link shares.
import type { Stats } from 'node:fs'
import { errnoCode } from '../errors.js'
import { wantsRelative, type LinkRequest } from '../model.js'
import { statTarget, type PlanContext } from './context.js'
import type { LinkPlan } from './link-plan.js'
import { realDirectory } from './resolve.js'

/** What TARGET is, and what each kind of link to it would hold. */
export function examineTarget(plan: LinkPlan, realParent: string, ctx: PlanContext): Stats | undefined {
  const target = statOfTarget(plan.request, ctx)
  noteTargetAndText(plan, target, realParent, ctx)
  return target
}

function noteTargetAndText(plan: LinkPlan, target: Stats | undefined, realParent: string, ctx: PlanContext): void {
  noteTarget(plan, target, ctx)
  const { kinds, request } = plan
  if (kinds.some((k) => k === 'symlink' || k === 'junction')) plan.text = textOf(request, realParent, ctx)
}

/** What the plan knows of TARGET once it is looked at: whether it is there, a directory, and what a hard link shares. */
function noteTarget(plan: LinkPlan, target: Stats | undefined, ctx: PlanContext): void {
  plan.targetExists = target !== undefined
  plan.targetIsDir = target ? target.isDirectory() : plan.targetIsDir
  if (target && plan.kinds.includes('hardlink')) plan.linkSource = ctx.ops.realpath(plan.request.absTarget)
}

/** The text a symbolic link to TARGET gets: the entry's exact `text`, or computed as `relative` says. */
export function textOf(request: LinkRequest, realParent: string, ctx: PlanContext): string {
  return request.text ?? linkText(request, realParent, ctx)
}

/**
 * TARGET's stat. An exact text may lead into a loop of links or on through a file (ELOOP, ENOTDIR: a captured tree
 * holds such links): that link dangles, as the kernel would say of it, and is made as written.
 */
export function statOfTarget(request: LinkRequest, ctx: PlanContext): Stats | undefined {
  try {
    return statTarget(request.absTarget, ctx)
  } catch (error) {
    if (request.text === undefined || !DANGLES.has(errnoCode(error))) throw error
    return undefined
  }
}

const DANGLES = new Set(['ELOOP', 'ENOTDIR'])

function linkText(request: LinkRequest, realParent: string, ctx: PlanContext): string {
  const { path } = ctx.platform
  if (!wantsRelative(request)) return request.absTarget
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
