// A share worker's main thread: starts the lanes, times their calls, and answers the action with every link's
// result, a round of links at a time. It never touches the share itself, so it can always answer: a call that
// outlives `timeout` becomes that link's ETIMEDOUT, and the links not yet done are skipped.
import { Worker } from 'node:worker_threads'
import { errnoNumber } from '../errors.js'
import { nodeFs } from '../fsops.js'
import { isShareGone } from '../families.js'
import type { Failure, Indexed, LinkResult, UndoEntry } from '../model.js'
import { unfinishedResult } from '../result.js'
import { envFor } from '../roles.js'
import { keepYoungGeneration } from '../young-generation.js'
import { CallSlots, Watchdog, type Call } from './call-slots.js'
import { shareContext, type LaneData } from './lane.js'
import { assignLanes, dealLookups } from './lanes.js'
import type { FromLane, FromWorker, Share, ToLane, ToWorker } from './protocol.js'

/** How the supervisor reaches a lane, wherever it runs. */
export interface LanePort {
  post(message: ToLane): void
  /** Every message of the lane, and once, if the lane itself fails. */
  listen(onMessage: (message: FromLane) => void, onError: () => void): void
}

export type LaneStarter = (data: LaneData) => LanePort

/**
 * A lane's young generation, at most, in MB. A lane holds one round of its links (a hundred or so plans): 20,000
 * links on bindfs peaked at 253–260 MB in the worker with 2, 302–313 MB with V8's default, in the same CPU time
 * (lab/FINDINGS.md).
 */
const LANE_YOUNG_MB = 2

/** Lanes in threads of their own, each running `entry` as a lane. */
export const threadLanes =
  (entry: URL): LaneStarter =>
  (data) => {
    const worker = new Worker(entry, {
      workerData: data,
      env: envFor('lane'),
      stdout: true,
      stderr: true,
      resourceLimits: { maxYoungGenerationSizeMb: LANE_YOUNG_MB }
    })
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

type Results = Extract<FromWorker, { type: 'results' }>

const UNFINISHED: Failure = { code: 'ECANCELED', syscall: 'none', attempted: 'get to' }

/** One round's links and what has come of them. */
class Round {
  readonly planned = new Map<number, LinkResult>()
  readonly settled = new Map<number, LinkResult>()
  /** Beside the links made: what the post step is to undo (`cleanup: true`). */
  readonly undo = new Map<number, UndoEntry>()
  /** The lanes told to plan it, wave 2 on the first: only they hold its plans, and only they are told to make it. */
  lanes: LaneState[] = []

  constructor(readonly links: Indexed[]) {}
}

export class Supervisor {
  private readonly ctx
  private readonly slots: CallSlots
  private readonly lanes: LaneState[]
  private round = new Round([])
  private stopReason?: Failure
  private wake: () => void = () => undefined
  private readonly timer: NodeJS.Timeout

  constructor(
    private readonly share: Share,
    /** How many lanes to start: lanes.ts laneCount of every link the share is to have. */
    count: number,
    startLane: LaneStarter = threadLane
  ) {
    this.ctx = shareContext(share, nodeFs)
    this.slots = new CallSlots(count, Date.now())
    this.lanes = Array.from({ length: count }, (_, lane) =>
      this.follow(startLane({ lane, share, memory: this.slots.memory, epoch: this.slots.epoch }))
    )
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
      // A real run's plans are only waited for (what was made comes in the results): a dry run's alone are kept.
      if (message.type === 'applied') {
        this.round.settled.set(message.index, result)
        if (message.undo) this.round.undo.set(message.index, message.undo)
      } else if (this.share.settings.dryRun) this.round.planned.set(message.index, result)
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
    const { links, settled } = this.round
    // Looked for only here, once a call timed out: no index of every round's links kept for it.
    const link = links.find((l) => l.index === call.index)
    if (link && !settled.has(call.index))
      settled.set(call.index, unfinishedResult(link.request, failure, this.ctx, { dryRun }))
    this.stop(failure)
    this.wake()
  }

  private stop(failure: Failure): void {
    this.stopReason ??= failure
    this.slots.stop()
  }

  /** Send each lane its message and wait until every live one is done or dead. */
  private async phase(messages: [LaneState, ToLane][]): Promise<void> {
    for (const [state, message] of messages) {
      if (state.dead) continue
      state.busy = true
      state.port.post(message)
    }
    const which = messages.map(([state]) => state)
    while (which.some((s) => s.busy && !s.dead)) await new Promise<void>((resolve) => (this.wake = resolve))
  }

  /** A round's links planned on the live lanes: whole directories each, links below others on the first. */
  async planRound(links: Indexed[]): Promise<void> {
    this.round = new Round(links)
    const live = this.lanes.filter((l) => !l.dead)
    // Stopped, or every lane failed: the round's links are skipped, and no lane is asked anything.
    if (this.stopReason || live.length === 0) return
    this.round.lanes = live
    const { wave1, wave2 } = assignLanes(links, live.length, this.share.platform)
    const lookups = dealLookups(wave1, this.share.platform)
    await this.phase(
      live.map((state, i) => [
        state,
        { type: 'plan', wave1: wave1[i], wave2: i === 0 ? wave2 : [], lookups: lookups[i] }
      ])
    )
  }

  /** The round's results: what was made (a dry run's: what would be), each link's own or skipped. */
  async finishRound(): Promise<Results> {
    const { round } = this
    // A round not planned (stopped before it) is not made: a lane would make its last round's plans again.
    if (!this.share.settings.dryRun) {
      await this.phase(round.lanes.map((state) => [state, { type: 'apply', wave: 1 }]))
      await this.phase(round.lanes.slice(0, 1).map((state) => [state, { type: 'apply', wave: 2 }]))
    }
    // A link the watchdog settled while planning keeps that result.
    const found = this.share.settings.dryRun ? new Map([...round.planned, ...round.settled]) : round.settled
    const run = { dryRun: this.share.settings.dryRun, skipped: true }
    const results = round.links.map(({ index, request }): [number, LinkResult] => [
      index,
      found.get(index) ?? unfinishedResult(request, this.stopReason ?? UNFINISHED, this.ctx, run)
    ])
    this.round = new Round([])
    return { type: 'results', results, undo: [...round.undo] }
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

/**
 * The child process's side: one share, a round of links at a time. The first round is planned before the action is
 * answered, and (unless a dry run) made when it says so; each round is answered before the next is taken.
 */
export async function serveShare(channel: WorkerChannel, startLane: LaneStarter = threadLane): Promise<void> {
  const start = await channel.receive()
  if (start.type !== 'start') return
  const supervisor = new Supervisor(start.share, start.lanes, startLane)
  try {
    await supervisor.planRound(start.links)
    await channel.send({ type: 'planned' })
    if (!start.share.settings.dryRun) await channel.receive()
    for (let more = start.more; ;) {
      await channel.send(await supervisor.finishRound())
      if (!more) break
      const next = await channel.receive()
      if (next.type !== 'links') break
      more = next.more
      // This process's young generation, as the action's: a round's links, plans and results die young.
      keepYoungGeneration()
      await supervisor.planRound(next.links)
    }
  } finally {
    supervisor.end()
  }
}

export async function runShareWorker(): Promise<void> {
  await serveShare(processChannel())
  // Lanes stuck in the share keep this process alive; the action does not wait for it.
  process.exit(0)
}
