// An executor plans and makes links somewhere: this one in this process; share/executor.ts in a child process per
// share that may hang. The pipeline asks each for its plans, then for its results.
import type { ApplyContext } from './apply.js'
import type { Indexed, LinkResult } from './model.js'
import { planAll, type LinkPlan } from './plan.js'
import { plannedResult } from './result.js'
import { applierFor } from './undo-record.js'

export interface Executor {
  /** Look at the disk for every link. */
  plan(): Promise<void>
  /** Each link's result at its index in `into`: what a dry run would do, or what was done. */
  results(into: LinkResult[]): Promise<void>
  /** Let go of whatever is still held (a share worker that may never be able to exit). */
  release(): void
}

/** Links in this process, where a successful call is the proof. */
export class LocalExecutor implements Executor {
  private plans: LinkPlan[] = []

  constructor(
    private readonly links: Indexed[],
    private readonly ctx: ApplyContext,
    private readonly dryRun: boolean
  ) {}

  async plan(): Promise<void> {
    this.plans = planAll(
      this.links.map((l) => l.request),
      this.ctx
    )
  }

  async results(into: LinkResult[]): Promise<void> {
    const result = this.dryRun ? plannedResult : applierFor(this.ctx)
    this.plans.forEach((plan, i) => (into[this.links[i].index] = result(plan, this.ctx)))
    this.plans = [] // a run of 100,000 links lets go of its plans before the report
  }

  release(): void {}
}
