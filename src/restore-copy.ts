// What a restore (`overwrite: copies`) asks of a file or directory at PATH before the link takes its place: that it
// holds what the link will lead to, byte for byte, and that this is somewhere else (copy-proof.ts): a TARGET that
// leads back to PATH is PATH itself. Asked when the link is planned, and again right before the swap.
import { errnoCode, isErrno } from './errors.js'
import { whyNotSame, type ProofContext, type Remover } from './copy-proof.js'
import type { Kind, LinkRequest } from './model.js'

/** The code of a file kept because it is not a copy of what the link leads to. */
export const NOT_A_COPY = 'NOTCOPY'

/**
 * Why what is at PATH is not a copy of what the link (of `kind`) will lead to; undefined when it is. With a remover,
 * `aside` (the copy moved away from PATH) is swept of what is proven. What cannot be read or compared (ELOOP inside,
 * EACCES) is no proof.
 */
export function whyNotACopy(
  request: LinkRequest,
  kind: Kind,
  ctx: ProofContext,
  aside?: string,
  remove?: Remover
): string | undefined {
  const { path } = ctx.platform
  try {
    // The copy, at PATH or moved aside, is in PATH's directory.
    const dir = ctx.ops.realpath(path.dirname(request.absPath))
    const original = destination(request, kind, dir, ctx)
    if (original === undefined) return 'TARGET does not exist (what the link leads to)'
    const copy = aside ?? request.absPath
    return whyNotSame({ copy, original, own: path.join(dir, path.basename(copy)) }, ctx, remove)
  } catch (error) {
    if (!isErrno(error)) throw error
    return `it cannot be compared with TARGET (${errnoCode(error)} at ${error.path ?? 'a name inside'})`
  }
}

/**
 * Where the link will lead, real: a hard link's file; a symbolic link's text followed from PATH's real directory, as
 * the kernel will (not by name: `..` after a symlinked directory); undefined where it leads nowhere.
 */
function destination(request: LinkRequest, kind: Kind, realDir: string, ctx: ProofContext): string | undefined {
  const { ops, platform } = ctx
  let from = request.absTarget
  if ((kind === 'symlink' || kind === 'junction') && request.text !== undefined && !platform.isWindows)
    from = request.text.startsWith('/') ? request.text : `${realDir}/${request.text}`
  if (!ops.stat(from)) return undefined
  return ops.realpath(from)
}

/** Where the link (of `kind`) at PATH will lead, real; undefined where it leads nowhere. */
export function linkDestination(request: LinkRequest, kind: Kind, ctx: ProofContext): string | undefined {
  return destination(request, kind, ctx.ops.realpath(ctx.platform.path.dirname(request.absPath)), ctx)
}

/** Why what is at PATH is kept, and what to do, in words. */
export function keptWords(request: LinkRequest, why: string): { message: string; hint: string } {
  const message =
    `${request.absPath} is kept: ${why}, so it is not a copy of what the link leads to (${request.absTarget}) ` +
    `and replacing it would lose data (overwrite: copies).`
  const hint =
    'Compare it with TARGET: when its content is wanted, keep it (drop the entry or move it away); when it is not, ' +
    'remove it and run again.'
  return { message, hint }
}
