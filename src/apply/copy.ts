// Copying TARGET, a file or a tree with the links inside it kept as links: all of it, or nothing.
import { errnoCode } from '../errors.js'
import { removeEntry } from '../fsops.js'
import type { ApplyContext } from './context.js'
import { keptLinkTypes } from './kept-kinds.js'

/** A copy, or nothing: one that fails halfway (ENOSPC...) is removed; EEXIST means `to` was never ours. */
export function copyWhole(from: string, to: string, ctx: ApplyContext): void {
  try {
    copyEntry(from, to, ctx)
  } catch (error) {
    if (errnoCode(error) !== 'EEXIST' && ctx.ops.lstat(to)) removeEntry(to, ctx.ops, ctx.platform.path)
    throw error
  }
}

/**
 * Copy a file, or a tree: each entry, with the links inside it kept as links. The first entry follows a link: TARGET
 * is copied. The links are made last, when all their kinds are known at once (on Windows one PowerShell start for the
 * tree, not one per link), and each directory's times after that, since every entry made in it moves its mtime.
 */
function copyEntry(from: string, to: string, ctx: ApplyContext): void {
  const links: [string, string][] = []
  const dirs: [string, string][] = []
  copyInto(from, to, true, ctx, { links, dirs })
  const kinds = keptLinkTypes(
    links.map(([source]) => source),
    ctx
  )
  links.forEach(([source, copy], i) => ctx.ops.symlink(ctx.ops.readlink(source), copy, kinds[i]))
  for (const [source, copy] of dirs) ctx.ops.copyMeta(source, copy)
}

/** copyEntry's walk: files copied and directories made; links and directory times left for later, in that order. */
function copyInto(
  from: string,
  to: string,
  follow: boolean,
  ctx: ApplyContext,
  later: { links: [string, string][]; dirs: [string, string][] }
): void {
  const { ops, platform } = ctx
  const stats = follow ? ops.stat(from) : ops.lstat(from)
  if (stats?.isSymbolicLink()) return void later.links.push([from, to])
  if (!stats?.isDirectory()) return ops.copyFile(from, to) // nothing there: copyFile says ENOENT
  ops.mkdir(to)
  for (const name of ops.readdir(from)) {
    copyInto(platform.path.join(from, name), platform.path.join(to, name), false, ctx, later)
  }
  later.dirs.push([from, to])
}
