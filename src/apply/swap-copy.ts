// A file or directory at PATH that `overwrite: copies` may replace (what a followed link became) gives way to the link
// only once proven a copy of what the link leads to, and the proof is made with the copy moved aside: first it is
// renamed to a name beside PATH, then what the link will lead to must still be there and hold those very bytes. A
// TARGET that was PATH itself under another name (a bind or FUSE view, another device and inode) has gone with it, so
// it proves nothing and the copy goes back. So do two copies proven against each other (a/x leads to b, b/y to a)
// even where lanes run them at once: each lane moves its own copy aside before it looks at the other's. For both to
// succeed, each would have to find the other's copy still in place after moving its own aside, so each move would
// come before the other: impossible. Only then is the link renamed into place and the copy dealt with: kept as the
// backup where one is wanted (backup-suffix; cleanup, whose post step puts it back), else swept of what is proven
// identical, file by file (../copy-proof.ts). Where the link cannot go in, the copy goes back.
import type { Kind } from '../model.js'
import { asideName, backupName } from '../names.js'
import type { LinkPlan } from '../plan/index.js'
import { keptWords, NOT_A_COPY, whyNotACopy } from '../restore-copy.js'
import type { ApplyContext } from './context.js'
import { step, StepError } from './step-error.js'

export function swapCopy(temp: string, kind: Kind, plan: LinkPlan, ctx: ApplyContext): void {
  const { ops, platform } = ctx
  const abs = plan.request.absPath
  const backup = wantsBackup(ctx) ? freeBackupName(abs, ctx) : undefined
  const aside = backup ?? asideName(platform.path.dirname(abs), platform.path)
  step('move aside the copy at', kind, () => ops.rename(abs, aside))
  const why = whyNotACopy(plan.request, kind, ctx, aside)
  if (why !== undefined) {
    putBack(aside, kind, plan, ctx)
    plan.said = keptWords(plan.request, why)
    const attempted = 'prove, moved aside right before replacing it, the copy at'
    throw new StepError({ code: NOT_A_COPY, syscall: 'read', attempted }, kind)
  }
  try {
    step('replace what is at', kind, () => ops.rename(temp, abs))
  } catch (error) {
    putBack(aside, kind, plan, ctx)
    throw error
  }
  if (backup) return void ctx.taken?.set(abs, { backup })
  const remove = (p: string, isDirectory: boolean): void => (isDirectory ? ops.rmdir(p) : ops.unlink(p))
  const left = whyNotACopy(plan.request, kind, ctx, aside, remove)
  if (left !== undefined)
    plan.warnings.push(
      `The link is in place. The copy moved aside to ${aside} is kept there but for what was proven identical to ` +
        `TARGET: ${left}.`
    )
}

/** The copy back at PATH; where it cannot go, the error says where it is. */
function putBack(aside: string, kind: Kind, plan: LinkPlan, ctx: ApplyContext): void {
  step(`put back the copy, moved aside to ${aside}, at`, kind, () => ctx.ops.rename(aside, plan.request.absPath))
}

/** A backup suffix keeps the copy; so does cleanup, for the post step to put back. */
function wantsBackup(ctx: ApplyContext): boolean {
  return ctx.settings.backupSuffix !== '' || ctx.settings.cleanup === true
}

/** PATH+suffix, else the first free PATH.~N~: a directory renamed onto an empty one would replace it. */
function freeBackupName(abs: string, ctx: ApplyContext): string {
  for (let n = ctx.settings.backupSuffix ? 0 : 1; ; n++) {
    const name = backupName(abs, ctx.settings.backupSuffix, n)
    if (!ctx.ops.lstat(name)) return name
  }
}
