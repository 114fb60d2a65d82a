// `cleanup: true`: make a link (make-link.ts) and record what the post step needs to undo it, given beside the
// link's result. What was at PATH is read before the link is made (only where the plan may replace), what was made
// and its backup (by the name apply took) after.
// Costs a few calls per link, and a read of each copy and backup, so only with cleanup.
import { keptLinkType, type ApplyContext } from './apply/index.js'
import { identify } from './cleanup.js'
import { isErrno } from './errors.js'
import { makeLink } from './make-link.js'
import type { Applied, Identity, LinkResult, UndoEntry } from './model.js'
import { directoryIdentity, parentOf } from './parent.js'
import { symlinkType } from './platform.js'
import type { LinkPlan } from './plan/index.js'

export function applyRecorded(plan: LinkPlan, ctx: ApplyContext): Applied {
  const { request } = plan
  const mayReplace = plan.action === 'replace' || request.dependsOnEarlier
  const was = mayReplace ? identify(request.absPath, ctx.ops, ctx.platform) : undefined
  // A link's Windows kind (junction, file or directory symlink), to be put back as that kind.
  if (was?.link !== undefined && ctx.platform.isWindows) was.type = keptLinkType(request.absPath, ctx)
  const taken = (ctx.taken ??= new Map())
  const result = makeLink(plan, ctx)
  const { backup, dirs } = taken.get(request.absPath) ?? {}
  taken.delete(request.absPath)
  if ((result.status !== 'created' && result.status !== 'replaced') || result.kind === '') return { result }
  try {
    return { result, undo: record(result, { was, backup, dirs }, plan, ctx) }
  } catch (error) {
    // The link is made; only reading it back failed (the share may have gone): say it will not be undone.
    if (!isErrno(error)) throw error
    const why = `${error.code} from ${error.syscall ?? 'lstat'}()`
    const warning = `${request.absPath} could not be read back (${why}): the post step will not undo it.`
    return { result: { ...result, warnings: [...result.warnings, warning] } }
  }
}

function record(
  result: LinkResult,
  old: { was?: Identity; backup?: string; dirs?: string[] },
  plan: LinkPlan,
  ctx: ApplyContext
): UndoEntry | undefined {
  const { request } = plan
  // A copy by its content: a later edit may keep its size and time (fusefat never moves mtime on a write).
  const made = identify(request.absPath, ctx.ops, ctx.platform, result.kind === 'copy')
  const parent = parentOf(request.absPath, ctx.ops, ctx.platform)
  if (!made || !parent || result.kind === '') return undefined
  const { line, absPath: path, absTarget: target } = request
  const undo: UndoEntry = { line, path, target, type: result.type, kind: result.kind, parent, made }
  if (result.kind === 'hardlink') undo.source = plan.linkSource
  // Windows: the kind made, as apply made it (symlinkType), so that a link of another kind swapped in is kept.
  if (made.link !== undefined && (result.kind === 'symlink' || result.kind === 'junction'))
    made.type = symlinkType(ctx.platform, result.kind, plan.targetIsDir)
  // The directories made for it, by what they are: the post step removes each its undo leaves empty.
  const dirs = old.dirs?.map((d) => directoryIdentity(d, ctx.ops)).filter((d) => d !== undefined)
  if (dirs?.length) undo.dirs = dirs
  if (result.status === 'replaced' && old.was) {
    // The backup by what a delete and recreate cannot give again: inode, birth time where kept, size and content.
    const backupIs = old.backup ? identify(old.backup, ctx.ops, ctx.platform, true) : undefined
    // Only the parts that say what it was: a file is put back from its backup alone.
    const { link, type } = old.was
    undo.before = {
      ...(link !== undefined ? { link, ...(type ? { type } : {}) } : {}),
      ...(backupIs ? { backup: old.backup, backupIs } : {})
    }
  }
  return undo
}

/** How links are applied in this run: recorded for the post step under `cleanup: true`. */
export function applierFor(ctx: ApplyContext): (plan: LinkPlan, ctx: ApplyContext) => Applied {
  return ctx.settings.cleanup ? applyRecorded : (plan) => ({ result: makeLink(plan, ctx) })
}
