// An executor plans and makes links somewhere: this one in this process; share/executor.ts in a child process per
// share that may hang. The pipeline asks each for its plans, then for its results.
import { closeRooms, learnKeptKinds, type ApplyContext } from './apply/index.js'
import type { Indexed, LinkResult, UndoEntry } from './model.js'
import { planAll } from './plan/index.js'
import { predictor } from './predict.js'
import { applierFor } from './undo-record.js'

/**
 * Takes a link's result and its index in the spec, with what the post step is to undo for it (`cleanup: true`);
 * executors give them in any order.
 */
export type Emit = (index: number, result: LinkResult, undo?: UndoEntry) => void

/**
 * Results held for want of one before them, past which whoever makes them waits (caughtUp): links made here run ahead
 * of a slow share's, whose results come a round at a time. About 1.2 KB each with workspace-length paths (measured),
 * so some 6 MB; unbounded, 100,000 local links behind one slow share's link would hold 120 MB.
 */
export const MAX_EARLY = 5_000

/**
 * An Emit that hands results on in spec order, holding only those that come early. `caughtUp(through)` is for whoever
 * has handed on every result of its own up to `through`, in order: while too many are held, and one before `through`
 * is missing (another's, which never waits for it), it waits until half of them have been handed on.
 */
export function inSpecOrder(
  take: (result: LinkResult, undo?: UndoEntry) => void
): Emit & { caughtUp: (through: number) => Promise<void> | undefined } {
  const early = new Map<number, [LinkResult, UndoEntry?]>()
  let next = 0
  let waiting: (() => void) | undefined
  const emit: Emit = (index, result, undo) => {
    if (index !== next) return void early.set(index, [result, undo])
    take(result, undo)
    next++
    // Results made here come in order: nothing is early, and nothing to look up.
    if (early.size === 0) return
    for (let r = early.get(next); r; r = early.get(++next)) {
      early.delete(next)
      take(...r)
    }
    if (!waiting || early.size > MAX_EARLY / 2) return
    const wake = waiting
    waiting = undefined
    wake()
  }
  const caughtUp = (through: number): Promise<void> | undefined =>
    early.size > MAX_EARLY && next < through ? new Promise((resolve) => (waiting = resolve)) : undefined
  return Object.assign(emit, { caughtUp })
}

/**
 * Something to wait for before going on, if anything (a log whose reader is behind), once every result up to
 * `through` has been handed on.
 */
export type Pace = (through: number) => Promise<void> | undefined

export interface Executor {
  /** Look at the disk for every link. */
  plan(): Promise<void>
  /** Each link's result, given as it is made with the link's index: what a dry run would do, or what was done. */
  results(emit: Emit): Promise<void>
  /** Let go of whatever is still held (a share worker that may never be able to exit). */
  release(): void
}

/**
 * Links are planned and made this many at a time, so that a run of 100,000 holds a slice of plans, not all of them;
 * and few enough that a slice dies young (V8 grows its young generation, all of it resident, while much survives).
 * Each slice is planned after the one before it was made: its look at the disk sees what they changed.
 */
const SLICE = 100

/** Links in this process, where a successful call is the proof. */
export class LocalExecutor implements Executor {
  /** A dry run's: what the links before each one are predicted to make, for those that wait for them. */
  private readonly predict: ReturnType<typeof predictor> | undefined

  /** `links`: read as they are made, a slice at a time; `pace`: waited for after each slice. */
  constructor(
    private readonly links: Iterable<Indexed>,
    private readonly ctx: ApplyContext,
    dryRun: boolean,
    private readonly pace: Pace = () => undefined
  ) {
    this.predict = dryRun ? predictor(ctx) : undefined
  }

  /** Nothing ahead: each slice is planned just before it is made (results). */
  async plan(): Promise<void> {}

  async results(emit: Emit): Promise<void> {
    let slice: Indexed[] = []
    for (const link of this.links) {
      if (slice.push(link) < SLICE) continue
      slice = this.make(slice, emit)
      await this.pace(link.index)
    }
    this.make(slice, emit)
  }

  /** Plan the slice and make its links; an empty slice for the next ones. */
  private make(slice: Indexed[], emit: Emit): Indexed[] {
    const plans = planAll(
      slice.map((l) => l.request),
      this.ctx
    )
    const { predict } = this
    if (predict) plans.forEach((plan, i) => emit(slice[i].index, predict(plan)))
    else {
      learnKeptKinds(plans, this.ctx)
      const apply = applierFor(this.ctx)
      plans.forEach((plan, i) => {
        const { result, undo } = apply(plan, this.ctx)
        emit(slice[i].index, result, undo)
      })
      closeRooms(this.ctx)
    }
    return []
  }

  release(): void {}
}
