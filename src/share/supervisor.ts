// A share worker's main thread: starts the lanes, times their calls, and answers the action with every link's
// result. It never touches the share itself, so it can always answer: a call that outlives `timeout` becomes that
// link's ETIMEDOUT, and the links not yet done are skipped.
import { Worker } from 'node:worker_threads'
import { errnoNumber } from '../errors.js'
import { nodeFs } from '../fsops.js'
import { isShareGone } from '../families.js'
import type { Failure, Indexed, LinkResult, UndoEntry } from '../model.js'
import { unfinishedResult } from '../result.js'
import { envFor } from '../roles.js'
import { CallSlots, Watchdog, type Call } from './call-slots.js'
import { shareContext, type LaneData } from './lane.js'
import { assignLanes, dealLookups, laneCount } from './lanes.js'
import type { FromLane, FromWorker, Share, ToLane, ToWorker } from './protocol.js'

/** How the supervisor reaches a lane, wherever it runs. */
export interface LanePort {
  post(message: ToLane): void
  /** Every message of the lane, and once, if the lane itself fails. */
  listen(onMessage: (message: FromLane) => void, onError: () => void): void
}

export type LaneStarter = (data: LaneData) => LanePort

/** Lanes in threads of their own, each running `entry` as a lane. */
export const threadLanes =
  (entry: URL): LaneStarter =>
  (data) => {
    const worker = new Worker(entry, { workerData: data, env: envFor('lane'), stdout: true, stderr: true })
    return {
      post: (message) => worker.postMessage(message),
      listen: (onMessage, onError) => {
        worker.on('message', onMessage)
        worker.on('error', onError)
      }
    }
  }

/** What the action uses: lanes running this bundle (dist/share/index.js). */
export const threadLane = threadLanes(new URL(import.meta.url))

interface LaneState {
  port: LanePort
  busy: boolean
  /** Timed out in a call, or failed: it may never answer again. */
  dead: boolean
}

type Planned = Extract<FromWorker, { type: 'planned' }>
type Final = Extract<FromWorker, { type: 'final' }>

const UNFINISHED: Failure = { code: 'ECANCELED', syscall: 'none', attempted: 'get to' }

export class Supervisor {
  private readonly ctx
  private readonly slots: CallSlots
  private readonly lanes: LaneState[]
  private readonly byIndex: Map<number, Indexed>
  private readonly planned = new Map<number, LinkResult>()
  private readonly settled = new Map<number, LinkResult>()
  /** Beside the links made: what the post step is to undo (`cleanup: true`). */
  private readonly undo = new Map<number, UndoEntry>()
  private stopReason?: Failure
  private wake: () => void = () => undefined
  private readonly timer: NodeJS.Timeout

  constructor(
    private readonly share: Share,
    private readonly links: Indexed[],
    startLane: LaneStarter = threadLane
  ) {
    this.ctx = shareContext(share, nodeFs)
    const count = laneCount(links, share.platform)
    this.slots = new CallSlots(count, Date.now())
    this.byIndex = new Map(links.map((l) => [l.index, l]))
    const { wave1, wave2 } = assignLanes(links, count, share.platform)
    const lookups = dealLookups(wave1, share.platform)
    this.lanes = wave1.map((own, lane) => {
      const data: LaneData = {
        lane,
        share,
        wave1: own,
        wave2: lane === 0 ? wave2 : [],
        lookups: lookups[lane],
        memory: this.slots.memory,
        epoch: this.slots.epoch
      }
      return this.follow(startLane(data))
    })
    const watchdog = new Watchdog(this.slots, count, share.settings.timeoutMs)
    this.timer = setInterval(() => watchdog.check().forEach(({ lane, call }) => this.timedOut(lane, call)), 20)
    // Only a watch: the lanes and the action's channel keep the worker alive while there is work.
    this.timer.unref()
  }

  private follow(port: LanePort): LaneState {
    const state: LaneState = { port, busy: false, dead: false }
    port.listen(
      (message) => {
        if (!state.dead) this.take(message, state)
        this.wake()
      },
      () => {
        state.dead = true
        this.wake()
      }
    )
    return state
  }

  private take(message: FromLane, state: LaneState): void {
    if (message.type === 'done') state.busy = false
    else {
      const { result } = message
      // A real run's plans are only waited for (what was made comes in `final`): a dry run's alone are kept.
      if (message.type === 'applied') {
        this.settled.set(message.index, result)
        if (message.undo) this.undo.set(message.index, message.undo)
      } else if (this.share.settings.dryRun) this.planned.set(message.index, result)
      const failedHere = message.type === 'planned' || result.status === 'failed'
      if (failedHere && isShareGone(result.code)) this.stop(failureOf(result))
    }
  }

  private timedOut(lane: number, call: Call): void {
    this.lanes[lane].dead = true
    const { timeoutMs, dryRun } = this.share.settings
    const failure: Failure = {
      code: 'ETIMEDOUT',
      errno: errnoNumber('ETIMEDOUT') ?? undefined,
      syscall: call.syscall,
      attempted: `finish ${call.syscall}() within timeout (${timeoutMs / 1000} s) for`
    }
    const link = this.byIndex.get(call.index)
    if (link && !this.settled.has(call.index))
      this.settled.set(call.index, unfinishedResult(link.request, failure, this.ctx, { dryRun }))
    this.stop(failure)
    this.wake()
  }

  private stop(failure: Failure): void {
    this.stopReason ??= failure
    this.slots.stop()
  }

  /** Send every live lane of `which` a message and wait until each is done or dead. */
  private async phase(message: ToLane, which = this.lanes): Promise<void> {
    for (const state of which) {
      if (state.dead) continue
      state.busy = true
      state.port.post(message)
    }
    while (which.some((s) => s.busy && !s.dead)) await new Promise<void>((resolve) => (this.wake = resolve))
  }

  /** Every link's result: its own, or skipped for the reason the lanes stopped. */
  private finish(results: Map<number, LinkResult>): [number, LinkResult][] {
    const run = { dryRun: this.share.settings.dryRun, skipped: true }
    return this.links.map(({ index, request }) => [
      index,
      results.get(index) ?? unfinishedResult(request, this.stopReason ?? UNFINISHED, this.ctx, run)
    ])
  }

  async plan(): Promise<Planned> {
    await this.phase({ type: 'plan' })
    // A real run's answer only says the plans are made: held and sent, 20,000 of them cost the worker 40 MB and the
    // action 12 MB (lab/FINDINGS.md).
    if (!this.share.settings.dryRun) return { type: 'planned', results: [] }
    // A link the watchdog settled while planning keeps that result.
    for (const [index, result] of this.settled) this.planned.set(index, result)
    return { type: 'planned', results: this.finish(this.planned) }
  }

  async apply(): Promise<Final> {
    await this.phase({ type: 'apply', wave: 1 })
    await this.phase({ type: 'apply', wave: 2 }, this.lanes.slice(0, 1))
    return { type: 'final', results: this.finish(this.settled), undo: [...this.undo] }
  }

  end(): void {
    clearInterval(this.timer)
  }
}

function failureOf(result: LinkResult): Failure {
  return {
    code: result.code,
    errno: result.errno ?? undefined,
    syscall: result.syscall,
    attempted: 'reach the share for'
  }
}

/** How a share worker hears from the action and answers it: the IPC channel of its process. */
export interface WorkerChannel {
  receive(): Promise<ToWorker>
  send(message: FromWorker): Promise<void>
}

/** The IPC channel of a process (this one's, in a share worker) as a WorkerChannel. */
export const processChannel = (proc: Pick<NodeJS.Process, 'once' | 'send'> = process): WorkerChannel => ({
  receive: () => new Promise((resolve) => proc.once('message', resolve)),
  send: (message) => new Promise((resolve) => proc.send!(message, () => resolve()))
})

/** The child process's side: one share, planned, then (unless a dry run) made when the action says so. */
export async function serveShare(channel: WorkerChannel, startLane: LaneStarter = threadLane): Promise<void> {
  const start = await channel.receive()
  if (start.type !== 'start') return
  const supervisor = new Supervisor(start.share, start.links, startLane)
  try {
    await channel.send(await supervisor.plan())
    if (start.share.settings.dryRun) return
    await channel.receive()
    await channel.send(await supervisor.apply())
  } finally {
    supervisor.end()
  }
}

export async function runShareWorker(): Promise<void> {
  await serveShare(processChannel())
  // Lanes stuck in the share keep this process alive; the action does not wait for it.
  process.exit(0)
}
