// Replacing what is at PATH atomically: the new link under a temporary name (old ones swept), the backup kept, then
// renamed over PATH (Windows: removed first where it must be, and said so). A copy `overwrite: copies` replaces is
// moved aside and proven there, right before the link takes its place (swap-copy.ts). A temporary link is made first
// to learn whether the filesystem takes the kind there (once a directory, kind and type of TARGET: on FAT the copy is
// never moved, the errno says why), where a fallback may be needed, or for a copied tree; else the link goes at PATH.
import { claimed, firstFree } from '../claim.js'
import { errnoCode } from '../errors.js'
import { removeEntry } from '../fsops.js'
import type { Kind } from '../model.js'
import { backupName, STALE_TEMP_MS, TEMP_NAME, TEMP_PREFIX, tempName } from '../names.js'
import { own } from '../own.js'
import type { LinkPlan } from '../plan/index.js'
import type { ApplyContext } from './context.js'
import { copyWhole } from './copy.js'
import { keptLinkType } from './kept-kinds.js'
import { makeWithFallback, type Made } from './make.js'
import { step, StepError, warnFailed } from './step-error.js'
import { swapCopy } from './swap-copy.js'

/**
 * Remove temporary links older than an hour: what a run that was killed mid-replacement left. Housekeeping only: where
 * the directory cannot be listed (davfs2 answers readdir with EINVAL), the link is made all the same, with a warning.
 */
function sweepStaleTemps(dir: string, plan: LinkPlan, ctx: ApplyContext): void {
  if (ctx.swept.has(dir)) return
  ctx.swept.add(own(dir))
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

/**
 * PATH+suffix, or PATH.~N~ when that is taken: each name claimed by making the backup there, which fails with EEXIST
 * where the name is taken (../claim.ts), so an earlier backup is never overwritten. Returns the name taken.
 */
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
  const keepAs = (name: string): boolean =>
    step(`keep the backup ${name} of`, 'hardlink', () => claimed(() => keep(name)))
  // This step says only that every name tried was taken: keepAs's names the backup that failed.
  return step('keep a backup of', 'hardlink', () =>
    firstFree((n) => backupName(abs, ctx.settings.backupSuffix, n), keepAs)
  )
}

export function replace(plan: LinkPlan, ctx: ApplyContext): Made {
  const { ops, platform } = ctx
  const dir = platform.path.dirname(plan.request.absPath)
  // Without a fallback to try, a copy whose kind of link was made in its directory already needs no trial link.
  const taken = `${plan.kinds[0]}:${plan.targetIsDir ? 'dir' : 'file'}:${dir}`
  if (plan.copyAtPath && plan.kinds.length === 1 && ctx.linksTaken.has(taken)) return swapCopy(plan.kinds[0], plan, ctx)
  sweepStaleTemps(dir, plan, ctx)
  const temp = tempName(dir, ctx.platform.path)
  const made = makeWithFallback(temp, plan, ctx)
  const { kind } = made
  // A tree is copied under a temporary name, then renamed in: never at PATH.
  if (plan.copyAtPath && kind === plan.kinds[0] && kind !== 'copy') ctx.linksTaken.add(taken)
  try {
    if (plan.copyAtPath) swapCopy(kind, plan, ctx, temp)
    else backUpAndRename(temp, kind, plan, ctx)
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

/** Keep the backup, then rename the new link over PATH. */
function backUpAndRename(temp: string, kind: Kind, plan: LinkPlan, ctx: ApplyContext): void {
  const abs = plan.request.absPath
  if (ctx.settings.backupSuffix) {
    const backup = makeBackup(plan, ctx)
    ctx.taken?.set(abs, { backup })
  }
  // rename(2) cannot put a directory (a copied tree) over a link: remove, then rename.
  if (kind === 'copy' && plan.targetIsDir) step('remove the old link at', kind, () => ctx.ops.unlink(abs))
  renameOver(temp, kind, plan, ctx)
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
