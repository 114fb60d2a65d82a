// Which links are worked on where: in this process (executor.ts), or for each share that may hang, in a child
// process (share/executor.ts).
import { applyContext } from './apply/index.js'
import { LocalExecutor, type Executor, type Pace } from './executor.js'
import type { FsOps } from './fsops.js'
import type { FilesystemInfo, Indexed, LinkRequest, Settings } from './model.js'
import type { FilesystemDetector } from './mounts.js'
import type { Platform } from './platform.js'
import type { LinkKeys } from './spec/keys.js'
import { ShareExecutor } from './share/executor.js'

/** What the executors work with. */
export interface Workplace {
  platform: Platform
  ops: FsOps
  detector: FilesystemDetector
  /** Paths on a share that may not answer: their links go to a share worker. */
  mayHang: (p: string) => boolean
  /** The script a share worker runs: the share bundle (dist/share/index.js) unless given. */
  workerEntry?: string
  /** What the links made here wait for between slices, if anything: the report catching up with them. */
  pace?: Pace
  /** A restore's: the symbolic links its spec may make, which each link's way is judged through (plan/outside.ts). */
  linkTexts?: LinkKeys
}

/** The working directory with symlinks resolved; as given where it does not answer (each link then says why). */
function realOrAsGiven(ops: FsOps, dir: string): string {
  try {
    return ops.realpath(dir)
  } catch {
    return dir
  }
}

/** The path of a link on a share that may hang (its PATH's or its TARGET's), or undefined: the link is made here. */
function onShare({ absPath, absTarget }: LinkRequest, mayHang: Workplace['mayHang']): string | undefined {
  // Asked of every link: no array to make for it.
  if (mayHang(absPath)) return absPath
  return mayHang(absTarget) ? absTarget : undefined
}

/** Which links go to a share worker, decided from the mount table alone, before anything touches a path. */
export function goesToShare(request: LinkRequest, where: Workplace): boolean {
  return onShare(request, where.mayHang) !== undefined
}

/**
 * One executor per share that may hang, for the links on it (goesToShare), then the one for this process, for
 * `local`, which it reads as it goes. Share executors come first: their children work while this process does its
 * own links.
 */
export function executorsFor(
  onShares: Indexed[],
  local: Iterable<Indexed>,
  settings: Settings,
  where: Workplace
): Executor[] {
  const { platform, ops, detector, mayHang } = where
  const shares = new Map<string, { filesystem: FilesystemInfo; links: Indexed[] }>()
  for (const link of onShares) {
    const filesystem = detector.forPath(onShare(link.request, mayHang) ?? link.request.absPath)
    const group = shares.get(filesystem.mountPoint) ?? { filesystem, links: [] }
    group.links.push(link)
    shares.set(filesystem.mountPoint, group)
  }
  // A share worker resolves a working directory on its share itself, under its timeout.
  const wd = settings.workingDirectory
  const realWorkingDirectory = mayHang(wd) ? wd : realOrAsGiven(ops, wd)
  const { linkTexts } = where
  const ctx = applyContext({ settings, realWorkingDirectory, platform, ops, detector, linkTexts })
  const share = { settings, platform: platform.name, caseVolumes: platform.caseRules.decided() }
  // Each share worker judges its links' ways through every link of a restore's spec, wherever that is made.
  const kept = shares.size > 0 ? linkTexts?.keptTexts() : undefined
  return [
    ...[...shares.values()].map(
      ({ filesystem, links }) =>
        new ShareExecutor({ ...share, filesystem, linkTexts: kept }, links, ctx, where.workerEntry)
    ),
    new LocalExecutor(local, ctx, settings.dryRun, shares.size > 0 ? turning(where.pace) : where.pace)
  ]
}

/**
 * A pace that also lets the event loop turn after each slice of local links: a share worker's next round of links is
 * handed over from this process's event loop, which would otherwise wait for the last local link.
 */
function turning(pace: Pace = () => undefined): Pace {
  return (through) => pace(through) ?? new Promise<void>((resolve) => setImmediate(resolve))
}
