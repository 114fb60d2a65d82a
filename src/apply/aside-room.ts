// Where a copy goes aside while it is proven (overwrite: copies, no backup kept): into a directory of ours beside PATH,
// made once for each directory a run restores into, and removed once the run is past it and it is empty. Renaming the
// copy to a free name in it replaces nothing, so no name need be claimed first by a placeholder (../claim.ts) to
// rename over: on ext4, a rename over an existing name makes the copy's delayed blocks be allocated and written
// (auto_da_alloc, ext4(5)) and the unlink after it wait for that write. 1 KiB copies just written, on this machine's
// ext4: 0.32-0.37 ms a link with the placeholder, 0.09 ms into the directory (a bare loop of the calls).
import type { Stats } from 'node:fs'
import { claimed, firstFree, renameOrMoved } from '../claim.js'
import { quietly } from '../errors.js'
import { asideName } from '../names.js'
import type { ApplyContext, AsideRoom } from './context.js'

/**
 * `from` moved into the room beside it; returns its new name. The room is made (mkdir: EEXIST where another took the
 * name) the first time it is needed; what is in it was put there by this run, under names it never uses twice.
 */
export function moveIntoRoom(from: string, ctx: ApplyContext): string {
  const { path } = ctx.platform
  const room = roomBeside(path.dirname(from), ctx)
  const to = path.join(room.path, String(++room.moved))
  renameOrMoved(from, to, ctx.ops)
  return to
}

function roomBeside(dir: string, ctx: ApplyContext): AsideRoom {
  const known = ctx.asideRooms.get(dir)
  if (known) return known
  const made = firstFree(
    () => asideName(dir, ctx.platform.path),
    (name) => claimed(() => ctx.ops.mkdir(name))
  )
  const room = { path: made, moved: 0 }
  ctx.asideRooms.set(dir, room)
  return room
}

/**
 * The rooms made so far removed where empty (every copy swept or put back); one that holds a copy kept stays, named
 * in its link's result. Called once the links that may use them are made: a slice, or a lane's wave.
 */
export function closeRooms(ctx: ApplyContext): void {
  for (const room of ctx.asideRooms.values()) quietly(() => removeSwept(room.path, ctx))
  ctx.asideRooms.clear()
  ctx.sweptFiles.clear()
}

// libfuse's high-level API (sshfs) does not remove a file unlinked while it counts it open: it renames it to
// .fuse_hidden<node id><counter>, 8 hex digits each, and removes that when the kernel's RELEASE comes (libfuse
// lib/fuse.c: fuse_lib_unlink, hide_node, hidden_name, fuse_do_release); the node id is the st_ino the file showed.
// On sshfs 3.7.3 (libfuse 3.14) a quarter of the file copies read for the proof, then swept, were hidden so, and 9 in
// 100 files of copied directories, still there 10 s later, after the process had ended. So the inode of each file
// swept is noted, and a directory the sweep emptied, or a room, loses the hidden names of those files: only those.
const LIBFUSE_HIDDEN = /^\.fuse_hidden([0-9a-f]{8})[0-9a-f]{8}$/

/** A file of a copy, proven identical, removed; its inode noted for removeSwept. */
export function sweepFile(p: string, at: Stats, ctx: ApplyContext): void {
  ctx.ops.unlink(p)
  ctx.sweptFiles.add(at.ino % 2 ** 32)
}

/** A directory emptied by the sweep (or a room) removed, with the names libfuse hid of the files swept from it. */
export function removeSwept(dir: string, ctx: ApplyContext): void {
  try {
    ctx.ops.rmdir(dir)
  } catch (error) {
    if (!unhid(dir, ctx)) throw error
    ctx.ops.rmdir(dir)
  }
}

/** Whether `dir` held names libfuse hid files swept under; each is unlinked. */
function unhid(dir: string, ctx: ApplyContext): boolean {
  const hidden = (quietly(() => ctx.ops.readdir(dir)) ?? []).filter((name) => {
    const node = LIBFUSE_HIDDEN.exec(name)?.[1]
    return node !== undefined && ctx.sweptFiles.has(parseInt(node, 16))
  })
  // One that libfuse removed meanwhile (its RELEASE came) is gone all the same.
  for (const name of hidden) quietly(() => ctx.ops.unlink(ctx.platform.path.join(dir, name)))
  return hidden.length > 0
}
