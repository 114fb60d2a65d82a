// A file or directory at PATH that `overwrite: copies` may replace (what a followed link became) gives way to the link
// only once proven a copy of what the link leads to, and the proof is made with the copy moved aside: first it is
// renamed into a directory of ours beside PATH (aside-room.ts), then what the link will lead to must still be there and
// hold those very bytes. A TARGET that was PATH itself under another name (a bind or FUSE view, another device and
// inode) has gone with it, so it proves nothing and the copy goes back. So do two copies proven against each other (a/x
// leads to b, b/y to a) even where lanes run them at once: each lane moves its own copy aside before it looks at the
// other's. For both to succeed, each would have to find the other's copy still in place after moving its own aside, so
// each move would come before the other: impossible. A view whose source is PATH (bindfs holds its source open) follows
// the copy aside instead: a probe made in the moved directory shows through TARGET. Only then is the link made at PATH,
// now empty (never renamed over it: what appeared there meanwhile stays), and the copy dealt with: kept as the backup
// where one is wanted (backup-suffix; cleanup, whose post step puts it back), else swept of what is proven identical,
// file by file (../copy-proof.ts). Where the link cannot go in, the copy goes back, or stays aside, named.
import type { Stats } from 'node:fs'
import { moveIfFree, moveToFree, takenError, type Moving } from '../claim.js'
import type { Kind } from '../model.js'
import { backupName, tempName } from '../names.js'
import type { LinkPlan } from '../plan/index.js'
import type { Sides } from '../copy-proof.js'
import { copySides, keptWords, NOT_A_COPY, whyNotTheSame } from '../restore-copy.js'
import type { ApplyContext } from './context.js'
import { moveIntoRoom, removeSwept, sweepFile } from './aside-room.js'
import { makeOne, type Made } from './make.js'
import { step, StepError } from './step-error.js'

/**
 * `temp`: the link already made under a temporary name (only where several kinds were to be tried, to learn which this
 * filesystem takes, or a copied tree): else the link is made at PATH itself, once the copy is aside.
 */
export function swapCopy(kind: Kind, plan: LinkPlan, ctx: ApplyContext, temp?: string): Made {
  const abs = plan.request.absPath
  const backup = wantsBackup(ctx)
  const aside = step('move aside the copy at', kind, () => moveAside(plan, backup, ctx))
  const sides = proveAside(aside, kind, plan, ctx)
  let made: Made
  try {
    made = step('replace what is at', kind, () => putIn(kind, plan, ctx, temp))
  } catch (error) {
    putBack(aside, kind, plan, ctx)
    throw error
  }
  if (backup) ctx.taken?.set(abs, { backup: aside })
  else sweep(aside, sides, plan, ctx)
  return made
}

/** The copy moved aside, and what it was proven against; where it is no copy, it goes back and the error says why. */
function proveAside(aside: string, kind: Kind, plan: LinkPlan, ctx: ApplyContext): Sides {
  // What the proof found: the sides proven identical, or why they are not.
  let proven: Sides | string
  try {
    proven = copySides(plan.request, kind, ctx, aside)
    if (typeof proven !== 'string') proven = whyNotCopied(aside, proven, kind, ctx) ?? proven
  } catch (error) {
    putBack(aside, kind, plan, ctx)
    throw error
  }
  if (typeof proven !== 'string') return proven
  putBack(aside, kind, plan, ctx)
  plan.said = keptWords(plan.request, proven)
  const attempted = 'prove, moved aside right before replacing it, the copy at'
  throw new StepError({ code: NOT_A_COPY, syscall: 'read', attempted }, kind)
}

/** Why the copy moved aside is no copy of what the link leads to: a view of itself, or other bytes. */
function whyNotCopied(aside: string, sides: Sides, kind: Kind, ctx: ApplyContext): string | undefined {
  const at = ctx.ops.lstat(aside)
  if (!at?.isDirectory()) return whyNotTheSame(sides, ctx, undefined, at)
  if (followsAside(aside, sides.original, kind, ctx)) return 'TARGET is PATH itself, seen through a mount'
  // A directory is looked at again: the probe was made in it since.
  return whyNotTheSame(sides, ctx)
}

/** The copy moved aside, swept of what is still proven identical to what the link leads to; the rest stays, said. */
function sweep(aside: string, sides: Sides, plan: LinkPlan, ctx: ApplyContext): void {
  const remove = (p: string, at: Stats): void => (at.isDirectory() ? removeSwept(p, ctx) : sweepFile(p, at, ctx))
  const left = whyNotTheSame(sides, ctx, remove)
  if (left !== undefined)
    plan.warnings.push(
      `The link is in place. The copy moved aside to ${aside} is kept there but for what was proven identical to ` +
        `TARGET: ${left}.`
    )
}

/**
 * Whether the directory moved aside shows through what the link will lead to: a probe made in it is looked for
 * there. A file needs none: bindfs views only directories (1.14.7 mounts nothing over a file), and a bind mount of a
 * file shows the same device and inode, which the proof refuses. The probe is a directory: libfuse may keep a file
 * removed right after it was made under a hidden name (aside-room.ts), never a directory.
 */
function followsAside(aside: string, leads: string, kind: Kind, ctx: ApplyContext): boolean {
  const { ops, platform } = ctx
  const probe = tempName(aside, platform.path)
  step(`probe, in the copy moved aside to ${aside}, what is at`, kind, () => ops.mkdir(probe))
  try {
    return ops.lstat(platform.path.join(leads, platform.path.basename(probe))) !== undefined
  } finally {
    ops.rmdir(probe)
  }
}

/**
 * The link made at PATH, empty since the copy went aside: made there, not renamed over it, so that what appeared
 * meanwhile stays (EEXIST). A copied tree is renamed in: rename(2) refuses a non-empty directory.
 */
function putIn(kind: Kind, plan: LinkPlan, ctx: ApplyContext, temp?: string): Made {
  const abs = plan.request.absPath
  if (temp === undefined || kind !== 'copy' || !ctx.ops.lstat(temp)?.isDirectory()) return makeOne(kind, abs, plan, ctx)
  ctx.ops.rename(temp, abs)
  return { kind }
}

/**
 * The copy back at PATH, never over what appeared there meanwhile (../claim.ts); where it cannot go, the error says
 * where it is.
 */
function putBack(aside: string, kind: Kind, plan: LinkPlan, ctx: ApplyContext): void {
  const abs = plan.request.absPath
  step(`put back the copy, moved aside to ${aside}, at`, kind, () => {
    if (!moveIfFree(aside, abs, copyKind(plan), ctx.ops, ctx.platform)) throw takenError(abs)
  })
}

/** A backup suffix keeps the copy; so does cleanup, for the post step to put back. */
function wantsBackup(ctx: ApplyContext): boolean {
  return ctx.settings.backupSuffix !== '' || ctx.settings.cleanup === true
}

/**
 * The copy moved to its backup name where one is kept (PATH+suffix, else the first free PATH.~N~), never over anything,
 * however recently made (../claim.ts); else into a directory of ours beside PATH (aside-room.ts). Returns its new name.
 */
function moveAside(plan: LinkPlan, backup: boolean, ctx: ApplyContext): string {
  const abs = plan.request.absPath
  if (!backup) return moveIntoRoom(abs, ctx)
  const suffix = ctx.settings.backupSuffix
  // Without a suffix (cleanup alone), PATH.~1~ is the first backup name: n = 0 names PATH itself.
  const nameAt = (n: number): string => backupName(abs, suffix, suffix ? n : n + 1)
  return moveToFree(abs, copyKind(plan), nameAt, ctx.ops, ctx.platform)
}

/** A copy at PATH is a directory or a file, never a symbolic link. */
function copyKind(plan: LinkPlan): Moving {
  return plan.existing === 'dir' ? 'directory' : 'file'
}
