// One lane of a share worker: plans, then makes, the links of whole directories of one share, a round at a time. It
// runs in a thread of its own (runLane), so that a call stuck in a hung share holds up only this thread; each call is
// noted in the shared slots first, for the worker's main thread to time.
import { parentPort, workerData } from 'node:worker_threads'
import { applyContext, closeRooms, learnKeptKinds, type ApplyContext } from '../apply/index.js'
import { withVolumeCaseRules } from '../case-rules.js'
import { nodeFs, type FsOps } from '../fsops.js'
import { isErrno } from '../errors.js'
import { listedKey, planOrSkip, planningContext, statTarget, type LinkPlan, type PlanContext } from '../plan/index.js'
import { createDetector } from '../mounts.js'
import { platformFor } from '../platform.js'
import { predictor } from '../predict.js'
import { plannedResult } from '../result.js'
import { LinkKeys } from '../spec/keys.js'
import { applierFor } from '../undo-record.js'
import { CallSlots, timedOps } from './call-slots.js'
import type { Indexed, LinkResult } from '../model.js'
import { worthListing, type Lookup } from './lanes.js'
import type { FromLane, Share, ToLane } from './protocol.js'

/** What a lane is started with; its links come a round at a time (ToLane). */
export interface LaneData {
  lane: number
  share: Share
  memory: SharedArrayBuffer
  epoch: number
}

type Round = Extract<ToLane, { type: 'plan' }>

/**
 * Where the links of a share are planned and made. The share itself is as the action saw it (its details already
 * read); every other path comes from the mount table, since a link is sent here when only its TARGET is on the
 * share, and its PATH's filesystem is what the plan must know.
 */
export function shareContext(share: Share, ops: FsOps): ApplyContext {
  const { filesystem, settings } = share
  const detector = createDetector(platformFor(share.platform), {}, [filesystem])
  // Nothing is probed from here: each volume as the action decided it, else its type or the OS's usual rule.
  const platform = withVolumeCaseRules(platformFor(share.platform), detector, { known: share.caseVolumes })
  const linkTexts = share.linkTexts && LinkKeys.withTexts(platform, share.linkTexts)
  return applyContext({ settings, realWorkingDirectory: settings.workingDirectory, platform, ops, detector, linkTexts })
}

export class Lane {
  private readonly ctx: ApplyContext
  private readonly slots: CallSlots
  /** The link whose calls are being made: what a timed-out call is reported against. */
  private readonly current = { index: -1 }
  /** The round's plans, by link index: let go of when the next round comes. */
  private plans = new Map<number, LinkPlan>()
  private round?: Round
  /**
   * A dry run's: what the links before each one are predicted to make, over every round (predict.ts); made once the
   * working directory is resolved, which it copies.
   */
  private predict?: (plan: LinkPlan) => LinkResult
  private started = false

  constructor(
    private readonly data: LaneData,
    private readonly post: (message: FromLane) => void,
    ops: FsOps = nodeFs
  ) {
    this.slots = new CallSlots(data.memory, data.epoch)
    this.ctx = shareContext(data.share, timedOps(ops, this.slots, data.lane, this.current))
  }

  handle(message: ToLane): void {
    if (message.type === 'plan') this.plan(message)
    else this.apply((message.wave === 1 ? this.round?.wave1 : this.round?.wave2) ?? [])
    this.post({ type: 'done' })
  }

  private plan(round: Round): void {
    this.round = round
    this.plans = new Map()
    const links = [...round.wave1, ...round.wave2]
    this.current.index = links[0]?.index ?? -1
    if (links.length > 0) this.start()
    const planning = planningContext(this.ctx)
    // A real run's plans are only looked at for a share found gone (supervisor.ts): no prediction for them.
    const planned = this.predict ?? ((plan: LinkPlan) => plannedResult(plan, this.ctx))
    this.lookUp(round.lookups, planning)
    for (const { index, request } of links) {
      if (this.slots.stopped) break
      this.current.index = index
      const plan = planOrSkip(request, planning)
      this.plans.set(index, plan)
      this.post({ type: 'planned', index, result: planned(plan) })
    }
  }

  /** Once, at the lane's first round with links: the working directory as the share names it really. */
  private start(): void {
    if (this.started) return
    this.started = true
    try {
      this.ctx.realWorkingDirectory = this.ctx.ops.realpath(this.ctx.realWorkingDirectory)
    } catch {
      // a share that errors: each link's own calls say why
    }
    if (this.data.share.settings.dryRun) this.predict = predictor(this.ctx)
  }

  /** What lanes.ts gave this lane to look at, into the planning pass's caches; a failure is left to the plans. */
  private lookUp(lookups: Lookup[], planning: PlanContext): void {
    for (const { index, path, names } of lookups) {
      if (this.slots.stopped) return
      this.current.index = index
      try {
        if (names === undefined) statTarget(path, planning)
        else this.list(path, names, planning)
      } catch (error) {
        if (!isErrno(error)) throw error
      }
    }
  }

  /** A directory listed where that is cheaper than looking up each name sought there; the share caches it too. */
  private list(dir: string, names: number, planning: PlanContext): void {
    const stats = this.ctx.ops.stat(dir)
    if (!stats?.isDirectory() || !worthListing(stats.size, names)) return
    planning.listed?.set(dir, new Set(this.ctx.ops.readdir(dir).map(listedKey)))
  }

  private apply(links: Indexed[]): void {
    const apply = applierFor(this.ctx)
    this.current.index = links[0]?.index ?? -1
    // A share found gone or hung is not asked anything more.
    if (!this.slots.stopped)
      learnKeptKinds(
        links.flatMap(({ index }) => this.plans.get(index) ?? []),
        this.ctx
      )
    for (const { index } of links) {
      const plan = this.plans.get(index)
      // A plan that already failed touches nothing to report so; the others wait for a share that answers.
      if (!plan || (this.slots.stopped && plan.action !== 'fail')) continue
      this.current.index = index
      this.post({ type: 'applied', index, ...apply(plan, this.ctx) })
    }
    if (!this.slots.stopped) closeRooms(this.ctx)
  }
}

/** The thread's side: a lane fed by the worker's main thread. */
export function runLane(): void {
  const port = parentPort!
  const lane = new Lane(workerData as LaneData, (message) => port.postMessage(message))
  port.on('message', (message: ToLane) => lane.handle(message))
}
