// Where links are planned and made: here, or for each share that may hang, in a child process (share/executor.ts).
// Both answer the same questions: plan everything, then give every link's result.
import { applyContext, applyLink, type ApplyContext } from './apply.js'
import type { FsOps } from './fsops.js'
import type { FilesystemInfo, LinkRequest, LinkResult, Settings, SpecProblem } from './model.js'
import type { FilesystemDetector } from './mounts.js'
import { planAll, type LinkPlan } from './plan.js'
import type { Platform } from './platform.js'
import { plannedResult } from './result.js'
import { ShareExecutor } from './share/executor.js'
import type { Indexed } from './share/protocol.js'

export interface Executor {
  /** Look at the disk for every link; what it finds that makes the spec wrong (a symlinked parent leading out). */
  plan(): Promise<SpecProblem[]>
  /** Each link's result at its index in `into`: what a dry run would do, or what was done. */
  results(into: LinkResult[]): Promise<void>
  /** Let go of whatever is still held (a share worker that may never be able to exit). */
  release(): void
}

/** What the executors work with. */
export interface Workplace {
  platform: Platform
  ops: FsOps
  detector: FilesystemDetector
  /** Paths on a share that may not answer: their links go to a share worker. */
  mayHang: (p: string) => boolean
  /** The script a share worker runs (this bundle). */
  workerEntry?: string
}

/** Links in this process, where a successful call is the proof. */
export class LocalExecutor implements Executor {
  private plans: LinkPlan[] = []

  constructor(
    private readonly links: Indexed[],
    private readonly ctx: ApplyContext,
    private readonly dryRun: boolean
  ) {}

  async plan(): Promise<SpecProblem[]> {
    const planned = planAll(
      this.links.map((l) => l.request),
      this.ctx
    )
    this.plans = planned.plans
    return planned.problems
  }

  async results(into: LinkResult[]): Promise<void> {
    const result = this.dryRun ? plannedResult : applyLink
    this.plans.forEach((plan, i) => (into[this.links[i].index] = result(plan, this.ctx)))
    this.plans = [] // a run of 100,000 links lets go of its plans before the report
  }

  release(): void {}
}

/** The working directory with symlinks resolved; as given where it does not answer (each link then says why). */
function realOrAsGiven(ops: FsOps, dir: string): string {
  try {
    return ops.realpath(dir)
  } catch {
    return dir
  }
}

/**
 * One executor per share that may hang, then the one for this process. Which links go where is decided from the
 * mount table alone, before anything touches a path. Share executors come first: their children work while this
 * process does its own links.
 */
export function executorsFor(requests: LinkRequest[], settings: Settings, where: Workplace): Executor[] {
  const { platform, ops, detector, mayHang } = where
  const local: Indexed[] = []
  const shares = new Map<string, { filesystem: FilesystemInfo; links: Indexed[] }>()
  requests.forEach((request, index) => {
    const onShare = [request.absPath, request.absTarget].find(mayHang)
    if (onShare === undefined) {
      local.push({ index, request })
      return
    }
    const filesystem = detector.forPath(onShare)
    const group = shares.get(filesystem.mountPoint) ?? { filesystem, links: [] }
    group.links.push({ index, request })
    shares.set(filesystem.mountPoint, group)
  })
  // A share worker resolves a working directory on its share itself, under its timeout.
  const wd = settings.workingDirectory
  const realWorkingDirectory = mayHang(wd) ? wd : realOrAsGiven(ops, wd)
  const ctx = applyContext({ settings, realWorkingDirectory, platform, ops, detector })
  return [
    ...[...shares.values()].map(
      ({ filesystem, links }) =>
        new ShareExecutor({ settings, platform: platform.name, filesystem }, links, ctx, where.workerEntry)
    ),
    new LocalExecutor(local, ctx, settings.dryRun)
  ]
}
