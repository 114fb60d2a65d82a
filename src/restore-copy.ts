// What a restore (`overwrite: copies`) asks of a file or directory at PATH before the link takes its place: that it
// holds what the link will lead to, byte for byte, and that this is somewhere else (copy-proof.ts): a TARGET that
// leads back to PATH is PATH itself. Asked when the link is planned, and again right before the swap.
import type { Stats } from 'node:fs'
import { errnoCode, isErrno } from './errors.js'
import { whyNotSame, type ProofContext, type Remover, type Sides } from './copy-proof.js'
import type { Kind, LinkRequest } from './model.js'

/** The code of a file kept because it is not a copy of what the link leads to. */
export const NOT_A_COPY = 'NOTCOPY'

/**
 * Why what is at PATH is not a copy of what the link (of `kind`) will lead to; undefined when it is. `aside`: the
 * copy, moved away from PATH.
 */
export function whyNotACopy(request: LinkRequest, kind: Kind, ctx: ProofContext, aside?: string): string | undefined {
  const sides = copySides(request, kind, ctx, aside)
  return typeof sides === 'string' ? sides : whyNotTheSame(sides, ctx)
}

/**
 * The copy (at PATH, or `aside`) and what the link will lead to, real; or why there is nothing to compare. Found once
 * for the proof and the sweep after it: what the proof compared with is where the swept bytes still are.
 */
export function copySides(request: LinkRequest, kind: Kind, ctx: ProofContext, aside?: string): Sides | string {
  const { path } = ctx.platform
  return compared(() => {
    const parent = path.dirname(request.absPath)
    const dir = ctx.ops.realpath(parent)
    const original = destination(request, kind, dir, ctx)
    if (original === undefined) return 'TARGET does not exist (what the link leads to)'
    const copy = aside ?? request.absPath
    // Moved aside, the copy is in PATH's directory or in a room of ours there (../apply/aside-room.ts).
    return { copy, original, own: path.join(dir, path.relative(parent, copy)) }
  })
}

/**
 * Why the copy is not the original's; undefined when it is. With a remover, the copy is swept of what is proven. What
 * cannot be read or compared (ELOOP inside, EACCES) is no proof. `seen`: the copy's entry, just looked at.
 */
export function whyNotTheSame(sides: Sides, ctx: ProofContext, remove?: Remover, seen?: Stats): string | undefined {
  return compared(() => whyNotSame(sides, ctx, remove, seen))
}

/** An errno on the way is the reason there is no proof. */
function compared<T>(compare: () => T): T | string {
  try {
    return compare()
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
  // realpath(3) follows as stat(2) does, and fails as it does: ENOENT where the link would dangle.
  try {
    return ops.realpath(from)
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return undefined
    throw error
  }
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
