// A link already right, or one with nothing at PATH yet, asks of TARGET only whether it is there and a directory:
// one stat per link, on a re-run as many calls as the bare loop makes in all. Where several of a pass's TARGETs share
// a directory, one listing of it answers for its files and directories; a name it does not show as either (a link,
// a device, another spelling, or nothing) is looked up as before. A share's lanes list directories their own way, by
// size (../share/lanes.ts).
import type { Stats } from 'node:fs'
import { isErrno } from '../errors.js'
import { canHang } from '../families.js'
import type { FsOps } from '../fsops.js'
import type { LinkRequest } from '../model.js'
import type { FilesystemDetector } from '../mounts.js'
import type { Platform } from '../platform.js'

/** Fewer of a pass's distinct TARGETs than this in one directory are looked up one by one. */
const LIST_FROM = 4
/** A listing is read up to this many entries per TARGET of the pass there: an entry costs about 1/16 of a stat. */
const ENTRIES_PER_TARGET = 16

/** What a plan may need of TARGET short of what is at PATH: whether it is there (defined) and a directory. */
export type TargetSeen = Pick<Stats, 'isDirectory'>

const FILE: TargetSeen = { isDirectory: () => false }
const DIRECTORY: TargetSeen = { isDirectory: () => true }

export class TargetListings {
  private perDirectory?: Map<string, number>
  /** Each directory asked about: its files and directories by name (true: a directory), or null: not listed. */
  private readonly listings = new Map<string, Map<string, boolean> | null>()

  /** `requests`: the pass's, whose TARGETs are counted per directory at the first question. */
  constructor(
    private readonly requests: readonly LinkRequest[],
    private readonly platform: Platform,
    private readonly ops: FsOps,
    private readonly detector: FilesystemDetector
  ) {}

  /** TARGET as its directory's listing shows it, a file or a directory; undefined where no listing says. */
  seen(target: string): TargetSeen | undefined {
    const { dirname, basename } = this.platform.path
    const dir = dirname(target)
    let listing = this.listings.get(dir)
    if (listing === undefined) this.listings.set(dir, (listing = this.list(dir)))
    const isDirectory = listing?.get(basename(target))
    return isDirectory === undefined ? undefined : isDirectory ? DIRECTORY : FILE
  }

  private list(dir: string): Map<string, boolean> | null {
    const targets = this.targetsIn().get(dir) ?? 0
    // A share's or a FUSE daemon's listing may disagree with its stat (a stale entry, a link shown as its TARGET).
    if (targets < LIST_FROM || canHang(this.detector.forPath(dir))) return null
    try {
      return this.ops.fileTypes(dir, targets * ENTRIES_PER_TARGET) ?? null
    } catch (error) {
      // Each link's own stat says why.
      if (!isErrno(error)) throw error
      return null
    }
  }

  private targetsIn(): Map<string, number> {
    if (this.perDirectory) return this.perDirectory
    const { dirname } = this.platform.path
    const counts = new Map<string, number>()
    // Distinct TARGETs: a hundred links to one TARGET need one stat, not a listing of its directory.
    for (const absTarget of new Set(this.requests.map((r) => r.absTarget))) {
      const dir = dirname(absTarget)
      counts.set(dir, (counts.get(dir) ?? 0) + 1)
    }
    return (this.perDirectory = counts)
  }
}
