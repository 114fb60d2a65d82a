// What applying reads and writes the disk through, and what one run (or one share worker lane) keeps on the way:
// probes, swept directories, parents made, the kinds of links kept, and what each link took for the undo record.
import type { Probe } from '../model.js'
import type { WindowsLinkType } from '../mounts-windows.js'
import type { PlanContext } from '../plan/index.js'

export interface ApplyContext extends PlanContext {
  /** Capability probes, by mount point. */
  probes: Map<string, Probe>
  /** Directories already swept of temporary names that a killed run left behind. */
  swept: Set<string>
  /** Parent directories this run made or found made: thousands of links share a few, and mkdir is not free. */
  madeDirs: Set<string>
  /** `kind:type:directory` where a trial link of that kind, to a file or a directory, was made for a copy (replace.ts). */
  linksTaken: Set<string>
  /** What each link took and made on the way, by PATH, for the undo record: installed under `cleanup` alone. */
  taken?: Map<string, Taken>
  /** Mount points that answered readlink with EPERM for a link of the right size (Debian's sshfs hides texts). */
  hidingTexts: Set<string>
  /** Directories where a plain file could (or could not) be made, asked after EPERM from symlink() on Windows. */
  fileProbes: Map<string, boolean>
  /** Windows: the kinds of the old links a slice backs up, asked together before it is applied (learnKeptKinds). */
  keptKinds: Map<string, { text: string; kind: WindowsLinkType }>
  /** Directories of ours that copies go aside into while proven, by the directory they are in (aside-room.ts). */
  asideRooms: Map<string, AsideRoom>
  /** The inodes (low 32 bits) of the files of copies swept since the rooms were last closed (aside-room.ts). */
  sweptFiles: Set<number>
  now: () => number
}

/** A directory of ours that copies go into (aside-room.ts), and how many went in: each is named by its number. */
export interface AsideRoom {
  path: string
  moved: number
}

/** What applying a link did besides the link: the name its backup took, the parent directories it created. */
export interface Taken {
  backup?: string
  dirs?: string[]
}

/** A fresh context for one run (or one share worker lane): nothing probed, swept or made yet. */
export function applyContext(
  base: Pick<PlanContext, 'settings' | 'realWorkingDirectory' | 'platform' | 'ops' | 'detector' | 'linkTexts'>
): ApplyContext {
  return {
    ...base,
    goneShares: new Map(),
    probes: new Map(),
    swept: new Set(),
    madeDirs: new Set(),
    linksTaken: new Set(),
    hidingTexts: new Set(),
    fileProbes: new Map(),
    keptKinds: new Map(),
    asideRooms: new Map(),
    sweptFiles: new Set(),
    now: Date.now
  }
}
