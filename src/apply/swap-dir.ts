// A directory at PATH that `overwrite: copies` proved a copy of what the link leads to (what a followed directory
// link became) gives way to the link: the one exception to "a directory is never removed". rename(2) cannot put a link
// over a directory, so the directory is moved aside, the link renamed into place, and only then is the copy dealt
// with: kept as the backup where one is wanted (backup-suffix; cleanup, whose post step puts it back), else swept of
// what is proven identical, file by file (../copy-proof.ts). Where the link cannot go in, the directory goes back.
import type { Kind } from '../model.js'
import { asideName, backupName } from '../names.js'
import type { LinkPlan } from '../plan/index.js'
import { whyNotACopy } from '../restore-copy.js'
import type { ApplyContext } from './context.js'
import { step } from './step-error.js'

export function swapDirectory(temp: string, kind: Kind, plan: LinkPlan, ctx: ApplyContext): void {
  const { ops, platform } = ctx
  const abs = plan.request.absPath
  const backup = wantsBackup(ctx) ? freeBackupName(abs, ctx) : undefined
  const aside = backup ?? asideName(platform.path.dirname(abs), platform.path)
  step('move aside the copy at', kind, () => ops.rename(abs, aside))
  try {
    step('replace what is at', kind, () => ops.rename(temp, abs))
  } catch (error) {
    ops.rename(aside, abs)
    throw error
  }
  if (backup) return void ctx.taken?.set(abs, { backup })
  const remove = (p: string, isDirectory: boolean): void => (isDirectory ? ops.rmdir(p) : ops.unlink(p))
  const why = whyNotACopy(plan.request, kind, ctx, aside, remove)
  if (why !== undefined)
    plan.warnings.push(
      `The link is in place. The copy moved aside to ${aside} is kept there but for what was proven identical to ` +
        `TARGET: ${why}.`
    )
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
