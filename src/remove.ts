// `state: absent`: what may be removed at PATH, and removing it. Only links go: a symlink or junction (with TARGET
// given, only one leading there), or a hard link proven to be TARGET's file (same device and inode). A regular file,
// a directory or a link elsewhere is kept, saying what is there and why; `overwrite` does not change that.
import type { Stats } from 'node:fs'
import { moveToFree } from './claim.js'
import { sameFile, type FsOps } from './fsops.js'
import type { Kind } from './model.js'
import { backupName } from './names.js'
import type { Platform } from './platform.js'

/** What the plan found at PATH, and of TARGET when one was given. */
export interface RemovalFacts {
  path: string
  /** Absolute TARGET; empty when none was given. */
  target: string
  at: Stats | undefined
  /** Where `at` is a symbolic link: whether it leads to TARGET. */
  leadsToTarget: boolean
  targetStats: Stats | undefined
  /** The filesystem shows each name of a file as its own inode (sshfs without use_ino): no proof of a hard link. */
  hidesInodes: boolean
}

export type Removal =
  | { action: 'unchanged' }
  | { action: 'remove'; kind: 'symlink' | 'hardlink' }
  | { action: 'fail'; code: string; message: string; hint: string }

function kept(code: string, message: string, hint: string): Removal {
  return { action: 'fail', code, message: `${message} Kept: state: absent removes only links.`, hint }
}

const GIVE_TARGET =
  'Give TARGET to remove a hard link of it, or remove the file in a step of your own if it is meant to go.'

/** Whether the entry at PATH may go, from what the plan found (nothing here touches the disk). */
export function judgeRemoval(f: RemovalFacts): Removal {
  const { at, path, target } = f
  if (!at) return { action: 'unchanged' }
  if (at.isSymbolicLink()) {
    if (target === '' || f.leadsToTarget) return { action: 'remove', kind: 'symlink' }
    return kept(
      'OTHER_TARGET',
      `${path} is a link, but not to ${target}.`,
      'Give the TARGET it leads to, or no TARGET to remove whatever link is at PATH.'
    )
  }
  if (at.isDirectory())
    return kept(
      'NOT_A_LINK',
      `${path} is a directory, not a link.`,
      'Remove it in a step of your own if it is meant to go.'
    )
  if (target === '') {
    const what = at.nlink > 1 ? `a file with ${at.nlink} names (hard links)` : 'a regular file'
    return kept('NOT_A_LINK', `${path} is ${what}, and no TARGET says whose hard link it would be.`, GIVE_TARGET)
  }
  const t = f.targetStats
  // One name is no hard link: TARGET may reach PATH's own file (through a symlinked parent), its only copy.
  if (t && sameFile(at, t) && at.nlink < 2)
    return kept(
      'NOT_A_LINK',
      `${path} is the only name of its file (${target} leads to it): no hard link.`,
      GIVE_TARGET
    )
  if (t && sameFile(at, t)) return { action: 'remove', kind: 'hardlink' }
  if (f.hidesInodes) {
    return kept(
      'UNVERIFIABLE',
      `${path} may be a hard link of ${target}, but this sshfs mount shows each name of a file as its own inode, ` +
        'so it cannot be proven the same file (a copy made with `cp -p` looks the same).',
      'Remove it in a step of your own if you know it is the link, or mount with `-o use_ino` where the server allows.'
    )
  }
  const why = t ? `not ${target}'s file (another inode)` : `not a hard link of ${target}, which does not exist`
  return kept('OTHER_TARGET', `${path} is a file, ${why}.`, GIVE_TARGET)
}

/**
 * Remove the link at `abs` (`kind`: a hard link, or a symbolic link or junction), or with a backup suffix move it to
 * PATH+suffix (PATH.~N~ when taken), never over anything (claim.ts); the backup.
 */
export function removeLinkAt(
  abs: string,
  kind: Kind,
  backupSuffix: string,
  ops: FsOps,
  platform: Platform
): string | undefined {
  if (!backupSuffix) {
    ops.unlink(abs)
    return undefined
  }
  const moving = kind === 'hardlink' ? 'file' : 'link'
  return moveToFree(abs, moving, (n) => backupName(abs, backupSuffix, n), ops, platform)
}
