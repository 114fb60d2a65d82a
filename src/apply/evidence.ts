// The evidence a failed call's explanation gets on Windows, where one errno stands for several causes: whether a plain
// file can be made beside PATH (once per directory, with a scratch file), how many names TARGET has.
import type { FailureContext } from '../knowledge.js'
import type { Failure } from '../model.js'
import type { LinkPlan } from '../plan/index.js'
import type { ApplyContext } from './context.js'
import { tempName } from '../names.js'
import { own } from '../own.js'

/**
 * What tells apart the causes one errno stands for on Windows, looked at once the call failed: libuv says EPERM for
 * ERROR_PRIVILEGE_NOT_HELD and ERROR_ACCESS_DENIED alike, and UNKNOWN for every Win32 error it does not map.
 */
export function evidence(failure: Failure, plan: LinkPlan, ctx: ApplyContext): Partial<FailureContext> {
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
  const file = `${tempName(dir, ctx.platform.path)}-f`
  let made = false
  try {
    ctx.ops.writeFile(file, '')
    made = true
    ctx.ops.unlink(file)
  } catch {
    // not made, or made and left for the sweep of a later run: either way the answer stands
  }
  ctx.fileProbes.set(own(dir), made)
  return made
}
