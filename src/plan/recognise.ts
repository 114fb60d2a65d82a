// Recognising what is already at PATH: the link or copy that was asked for (then nothing is done), or something else.
// Where a filesystem hides link texts or inodes (quirksOf), what can still be compared decides, with a warning that it
// proves nothing.
import type { Stats } from 'node:fs'
import { errnoCode, isErrno } from '../errors.js'
import { quirksOf } from '../families.js'
import { sameFile, type FsOps } from '../fsops.js'
import type { Kind } from '../model.js'
import { linkTextOf, sameLinkTarget, type Platform } from '../platform.js'
import type { PlanContext } from './context.js'
import type { Existing, LinkPlan } from './link-plan.js'

export function existingKind(stats: Stats): Existing {
  if (stats.isSymbolicLink()) return 'link'
  if (stats.isDirectory()) return 'dir'
  return stats.nlink > 1 ? 'link' : 'file'
}

/** Same size and modification time (within FAT's 2 s) and type: what a copy made by `fallback: copy` keeps. */
function sameFileMeta(a: Stats, b: Stats): boolean {
  return a.isFile() === b.isFile() && a.size === b.size && Math.abs(a.mtimeMs - b.mtimeMs) < 2000
}

/** A directory copy is recognised by the same names, types, sizes and times all the way down. */
function sameTree(copy: string, original: string, ops: FsOps, platform: Platform): boolean {
  const names = ops.readdir(original)
  if (ops.readdir(copy).length !== names.length) return false
  return names.every((name) => {
    const a = ops.lstat(platform.path.join(copy, name))
    const b = ops.lstat(platform.path.join(original, name))
    if (!a || !b || a.isDirectory() !== b.isDirectory() || a.isSymbolicLink() !== b.isSymbolicLink()) return false
    if (a.isDirectory())
      return sameTree(platform.path.join(copy, name), platform.path.join(original, name), ops, platform)
    return a.isSymbolicLink() || sameFileMeta(a, b)
  })
}

/**
 * A directory at PATH is TARGET's copy when their trees match. Where a listing fails (davfs2 answers readdir with
 * EINVAL in every directory) it cannot be compared: it is taken as the copy, with a warning, rather than failing
 * every re-run (a directory is never replaced anyway).
 */
function recogniseTree(plan: LinkPlan, ctx: PlanContext): Recognised {
  const abs = plan.request.absPath
  try {
    return sameTree(abs, plan.request.absTarget, ctx.ops, ctx.platform) ? {} : undefined
  } catch (error) {
    if (!isErrno(error)) throw error
    const why = `${errnoCode(error)} from ${error.syscall ?? 'scandir'}() on ${plan.filesystem.type}`
    return {
      warning: `${abs} is a directory, but it cannot be listed to compare with TARGET (${why}): taken as its copy, not verified.`
    }
  }
}

/** Same type, size, time and mode: all that can be compared where a filesystem hides links or inodes. */
function looksLikeTarget(at: Stats, target: Stats | undefined): target is Stats {
  return (
    target !== undefined &&
    at.isDirectory() === target.isDirectory() &&
    at.mode === target.mode &&
    sameFileMeta(at, target)
  )
}

/** What is at PATH is what was asked for: yes (maybe with a warning that it cannot be proven here), or no. */
type Recognised = { warning?: string } | undefined

export function readLinkText(plan: LinkPlan, ctx: PlanContext): string | undefined {
  try {
    return ctx.ops.readlink(plan.request.absPath)
  } catch (error) {
    // Absolute or escaping link texts can be hidden (sshfs's contain_symlinks): the link is there, its text is not.
    if (!quirksOf(plan.filesystem).hidesLinkTexts || errnoCode(error) !== 'EPERM') throw error
    plan.unreadable = true
    return undefined
  }
}

export function recognise(
  kind: Kind,
  plan: LinkPlan,
  at: Stats,
  target: Stats | undefined,
  ctx: PlanContext
): Recognised {
  const { platform } = ctx
  const abs = plan.request.absPath
  const fs = plan.filesystem
  const quirks = quirksOf(fs)
  switch (kind) {
    case 'symlink':
    case 'junction': {
      if (!at.isSymbolicLink()) {
        // Through sshfs -o follow_symlinks a link shows as what it points to.
        if (!quirks.followsSymlinks || !looksLikeTarget(at, target)) return undefined
        return {
          warning: `${abs} shows as its TARGET through this ${fs.type} mount (${quirks.followOption}): taken as the link, but it cannot be verified here.`
        }
      }
      const text = readLinkText(plan, ctx)
      if (text === undefined) {
        // The text is hidden, its length is not (a symlink's size is the length of its text).
        if (at.size !== Buffer.byteLength(plan.text)) return undefined
        return {
          warning: `${abs} is a symlink of the right length, but this ${fs.type} mount hides its text (absolute or with ..): taken as unchanged, not verified.`
        }
      }
      const wanted = linkTextOf(platform, kind, plan.text, plan.request.absTarget)
      return sameLinkTarget(platform, abs, text, wanted) ? {} : undefined
    }
    case 'hardlink':
      if (!target || !at.isFile()) return undefined
      if (sameFile(at, target)) return {}
      // sshfs shows every name of a file as its own inode: a hard link there cannot be told from a copy.
      if (!quirks.hidesInodes || !looksLikeTarget(at, target)) return undefined
      return {
        warning: `${abs} has TARGET's size, time and mode; ${fs.type} shows each name as its own inode, so this hard link cannot be verified.`
      }
    case 'copy':
      if (!target || at.isSymbolicLink()) return undefined
      if (target.isDirectory()) return at.isDirectory() ? recogniseTree(plan, ctx) : undefined
      return sameFileMeta(at, target) ? {} : undefined
  }
}
