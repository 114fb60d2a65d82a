// Inode numbers given again: ext4 hands a freed number to the next new file in the directory more often than not.
// What the post step recognises must not be fooled by that (issue 23); these make it happen on a real filesystem.
import * as fs from 'node:fs'

export const REUSE_TRIES = 200

/** Write p anew until it gets the inode number `ino`; how many tries it took (REUSE_TRIES: never). */
export function recreateUntil(p: string, ino: number, content = 'written again'): number {
  for (let i = 0; i < REUSE_TRIES; i++) {
    fs.writeFileSync(p, content)
    if (fs.lstatSync(p).ino === ino) return i
    fs.rmSync(p)
  }
  return REUSE_TRIES
}
