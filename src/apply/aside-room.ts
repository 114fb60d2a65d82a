// Where a copy goes aside while it is proven (overwrite: copies, no backup kept): into a directory of ours beside PATH,
// made once for each directory a run restores into, and removed once the run is past it and it is empty. Renaming the
// copy to a free name in it replaces nothing, so no name need be claimed first by a placeholder (../claim.ts) to
// rename over: on ext4, a rename over an existing name makes the copy's delayed blocks be allocated and written
// (auto_da_alloc, ext4(5)) and the unlink after it wait for that write. 1 KiB copies just written, on this machine's
// ext4: 0.32-0.37 ms a link with the placeholder, 0.09 ms into the directory (a bare loop of the calls).
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
  for (const room of ctx.asideRooms.values()) removeRoom(room.path, ctx)
  ctx.asideRooms.clear()
}

// libfuse's high-level API (sshfs) does not remove a file unlinked while it counts it open: it renames it to
// .fuse_hidden<node><counter>, to remove it when the kernel's RELEASE comes (libfuse lib/fuse.c: fuse_lib_unlink,
// hide_node, hidden_name, fuse_do_release). On sshfs 3.7.3 (libfuse 3.14) a quarter of the copies read for the proof,
// then swept, were still there so 10 s later, after the process had ended. In a room of ours such a name can only be
// a copy this run swept.
const LIBFUSE_HIDDEN = /^\.fuse_hidden[0-9a-f]{16}$/

/** The room removed, with any copy libfuse hid when it was swept; a copy kept keeps it. */
function removeRoom(room: string, ctx: ApplyContext): void {
  try {
    ctx.ops.rmdir(room)
  } catch {
    const hidden = (quietly(() => ctx.ops.readdir(room)) ?? []).filter((name) => LIBFUSE_HIDDEN.test(name))
    if (hidden.length === 0) return
    quietly(() => {
      for (const name of hidden) ctx.ops.unlink(ctx.platform.path.join(room, name))
      ctx.ops.rmdir(room)
    })
  }
}
