// Making one link: the first kind this filesystem allows, each step down the list a warning; and a link that was made
// although the filesystem answered an error (sshfs -o follow_symlinks).
import type { Stats } from 'node:fs'
import { misreports, quirksOf } from '../families.js'
import { fallBack, kindWords, type Failure, type Kind } from '../model.js'
import type { LinkPlan } from '../plan/index.js'
import { linkTextOf, symlinkType } from '../platform.js'
import type { ApplyContext } from './context.js'
import { copyWhole } from './copy.js'
import { StepError, stepError } from './step-error.js'

/** A link of `kind` made at `at`; fails (EEXIST) where something is there. */
export function make(kind: Kind, at: string, plan: LinkPlan, ctx: ApplyContext): void {
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
      return linkFile(at, plan, ctx)
    case 'copy':
      return copyWhole(plan.request.absTarget, at, ctx)
  }
}

/**
 * A hard link to the file planned, checked to be that file. Where an earlier entry made the planned file a symbolic
 * link meanwhile, Linux's link(2) makes PATH a second name of that link (its text then read from PATH's directory,
 * leading anywhere) and macOS's follows it to whatever file it leads to. A name that is not the file planned goes
 * again (only where the file keeps another name: nothing is lost), and the link fails.
 */
function linkFile(at: string, plan: LinkPlan, ctx: ApplyContext): void {
  const { ops } = ctx
  const planned = lstatOrNothing(plan.linkSource, ctx)
  if (!planned?.isSymbolicLink()) {
    ops.link(plan.linkSource, at)
    // Nothing to compare with (link(2)'s own answer stands), or a share, whose answers are not read back.
    if (!planned || misreports(plan.filesystem)) return
    const made = lstatOrNothing(at, ctx)
    if (!made || isFileAsPlanned(made, planned, plan)) return
    if (made.nlink > 1) ops.unlink(at)
  }
  plan.said = {
    message: `${plan.linkSource}, the file a hard link at ${plan.request.absPath} was to share, is no longer that file: it changed after the link was planned (made a symbolic link by an earlier entry, say). No hard link to it is kept at PATH.`,
    hint: 'Run the step again; when TARGET is to be a symbolic link, make PATH a symbolic link to it (`type: symlink`).'
  }
  throw new StepError({ code: 'TARGET_CHANGED', syscall: 'link', attempted: 'make the hard link' }, 'hardlink')
}

/** The name made is the file planned: no link, one device, one inode (on a share that hides inodes, one device). */
function isFileAsPlanned(made: Stats, planned: Stats, plan: LinkPlan): boolean {
  if (made.isSymbolicLink() || made.dev !== planned.dev) return false
  return made.ino === planned.ino || quirksOf(plan.filesystem).hidesInodes
}

/** What is at p, not followed; nothing where it cannot be read (the call that matters says why). */
function lstatOrNothing(p: string, ctx: ApplyContext): Stats | undefined {
  try {
    return ctx.ops.lstat(p)
  } catch {
    return undefined
  }
}

/** A kind of link made, and the error the filesystem reported although it made it (sshfs follow_symlinks). */
export interface Made {
  kind: Kind
  quirk?: Failure
}

/**
 * sshfs -o follow_symlinks makes the link on the server, then stats what it points to and reports EIO (or ENOENT
 * for a TARGET the server cannot see). The link exists: report it created, keep the errno, and say why.
 */
export function madeDespiteError(at: string, failure: Failure, plan: LinkPlan, ctx: ApplyContext): boolean {
  const quirks = quirksOf(plan.filesystem)
  if (!quirks.followOption || failure.syscall !== 'symlink') return false
  if (failure.code === 'ENOENT') return quirks.followsSymlinks
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
export function makeWithFallback(at: string, plan: LinkPlan, ctx: ApplyContext): Made {
  for (let i = 0; i < plan.kinds.length; i++) {
    const kind = plan.kinds[i]
    try {
      return makeOne(kind, at, plan, ctx)
    } catch (error) {
      if (!(error instanceof StepError)) throw error
      const next = plan.kinds[i + 1]
      const { message, capability } = error.explanation(plan, ctx)
      if (!next || !capability) throw error
      plan.fallback = fallBack(plan.fallback, kind, next, message)
    }
  }
  throw new Error('no kind of link to try') // planLink never plans an empty list
}

/** A link of `kind` made at `at`, or made although the filesystem answered an error; a StepError where it was not. */
export function makeOne(kind: Kind, at: string, plan: LinkPlan, ctx: ApplyContext): Made {
  try {
    make(kind, at, plan, ctx)
    return { kind }
  } catch (cause) {
    // Not through step(): every link comes here, and a closure and words per link add up over thousands.
    const error = stepError(cause, `create the ${kindWords(kind)}`, kind)
    if (!(error instanceof StepError) || !madeDespiteError(at, error.failure, plan, ctx)) throw error
    const option = quirksOf(plan.filesystem).followOption ?? ''
    plan.warnings.push(
      `${failure(error)} from symlink() through ${plan.filesystem.type} -o ${option}, but the link was made on the ` +
        `server: reported as created. Mount without ${option} to see links through the mount.`
    )
    return { kind, quirk: error.failure }
  }
}
