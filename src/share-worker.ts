// Links on a share that can hang (FUSE, network filesystems) are planned and made here, in a child process that
// the action can abandon: a call stuck in a hung FUSE request cannot be interrupted, not even by SIGKILL, and
// keeps its whole process alive. The child runs one thread per lane, each lane owning whole directories (the
// kernel serialises creations within one directory), so many requests are in flight on a slow share. Each lane
// notes in shared memory which call it is in and since when; the child's main thread, which never touches the
// share, turns a call that outlives `timeout` into ETIMEDOUT and stops the other lanes.
import { Worker, parentPort, workerData } from 'node:worker_threads'
import { applyContext, applyLink, failedResult, plannedResult, type ApplyContext, type LinkSettings } from './apply.js'
import { errnoNumber } from './errors.js'
import { nodeFs, type FsOps } from './fsops.js'
import { createDetector } from './mounts.js'
import { isShareGone } from './knowledge.js'
import type { Failure, FilesystemInfo, LinkRequest, LinkResult } from './model.js'
import { ConfinementProblem, planOrSkip, planningContext, type LinkPlan } from './plan.js'
import { platformFor } from './platform.js'
import type { SpecProblem } from './spec.js'

/** Set in the child's environment: index.ts starts the worker instead of the action. */
export const WORKER_ROLE = 'LN_ACTION_SHARE_WORKER'

export interface ShareSettings extends LinkSettings {
  /** The share all these links are on (lexically): what each link's plan reports. */
  filesystem: FilesystemInfo
  dryRun: boolean
  timeoutMs: number
}

/** A link and its place in the spec's results. */
export interface Indexed {
  index: number
  request: LinkRequest
}

/** Parent → child. */
export type ToWorker = { type: 'start'; settings: ShareSettings; links: Indexed[]; lanes: number } | { type: 'apply' }
/** Child → parent. */
export type FromWorker =
  | { type: 'planned'; planned: [number, LinkResult][]; problems: SpecProblem[] }
  | { type: 'final'; results: [number, LinkResult][] }

/** Child → lane and back. */
type ToLane = { type: 'plan' } | { type: 'apply'; wave: 1 | 2 }
type FromLane =
  | { type: 'planned'; index: number; result: LinkResult; problem?: SpecProblem }
  | { type: 'applied'; index: number; result: LinkResult }
  | { type: 'done' }

const OPS = Object.keys(nodeFs) as (keyof FsOps)[]
/** Per lane in the shared Int32Array: the link's index, the call (index into OPS), when it began (ms since epoch0, 0 = idle). */
const SLOT = 3

function shareContext(settings: ShareSettings, ops: FsOps): ApplyContext {
  // The share itself as the parent saw it (its details already read); every other path from the mount table, since
  // a link is sent here when only its TARGET is on the share, and its PATH's filesystem is what the plan must know.
  const table = createDetector(platformFor(settings.platform))
  const { filesystem } = settings
  return applyContext(settings, ops, {
    forPath: (p) => {
      const info = table.forPath(p)
      return info.mountPoint === filesystem.mountPoint ? filesystem : info
    }
  })
}

/** Lanes: whole directories each, the busiest first onto the least loaded lane; links below other links go last, in order. */
function assignLanes(
  links: Indexed[],
  count: number,
  settings: ShareSettings
): { wave1: Indexed[][]; wave2: Indexed[] } {
  const { path } = platformFor(settings.platform)
  const byDir = new Map<string, Indexed[]>()
  const wave2: Indexed[] = []
  for (const link of links) {
    if (link.request.dependsOnEarlier) {
      wave2.push(link)
      continue
    }
    const dir = path.dirname(link.request.absPath)
    byDir.set(dir, [...(byDir.get(dir) ?? []), link])
  }
  const wave1: Indexed[][] = Array.from({ length: count }, () => [])
  for (const group of [...byDir.values()].sort((a, b) => b.length - a.length)) {
    wave1.reduce((least, lane) => (lane.length < least.length ? lane : least)).push(...group)
  }
  for (const lane of wave1) lane.sort((a, b) => a.index - b.index)
  return { wave1, wave2 }
}

/**
 * sshfs serves about ten requests at once (measured), and every lane is a thread that parses the bundle at start:
 * more lanes than that cost start-up and gain nothing.
 */
const MAX_LANES = 10

export function laneCount(links: Indexed[], platform: string): number {
  const { path } = platformFor(platform)
  return Math.max(1, Math.min(MAX_LANES, new Set(links.map((l) => path.dirname(l.request.absPath))).size))
}

// ---- lane thread ---------------------------------------------------------------------------------------------

interface LaneData {
  role: 'lane'
  lane: number
  settings: ShareSettings
  wave1: Indexed[]
  wave2: Indexed[]
  slots: Int32Array
  epoch: number
}

export function isLane(): boolean {
  return (workerData as LaneData | null)?.role === 'lane'
}

/** Each call notes itself in the lane's slot first, so the child's main thread can time it. */
function timedOps(data: LaneData, current: { index: number }): FsOps {
  const { slots, lane, epoch } = data
  const timed = {} as Record<keyof FsOps, unknown>
  for (const [code, name] of OPS.entries()) {
    const op = nodeFs[name] as (...args: unknown[]) => unknown
    timed[name] = (...args: unknown[]) => {
      Atomics.store(slots, lane * SLOT, current.index)
      Atomics.store(slots, lane * SLOT + 1, code)
      Atomics.store(slots, lane * SLOT + 2, Math.max(1, Date.now() - epoch))
      try {
        return op(...args)
      } finally {
        Atomics.store(slots, lane * SLOT + 2, 0)
      }
    }
  }
  return timed as unknown as FsOps
}

export function runLane(): void {
  const data = workerData as LaneData
  const current = { index: -1 }
  const ctx = shareContext(data.settings, timedOps(data, current))
  const stopped = (): boolean => Atomics.load(data.slots, data.slots.length - 1) === 1
  const plans = new Map<number, LinkPlan>()
  const post = (message: FromLane): void => parentPort!.postMessage(message)
  parentPort!.on('message', (message: ToLane) => {
    if (message.type === 'plan') {
      current.index = data.wave1[0]?.index ?? data.wave2[0]?.index ?? -1
      try {
        ctx.realWorkingDirectory = ctx.ops.realpath(ctx.realWorkingDirectory)
      } catch {
        // a share that errors: each link's own calls say why
      }
      const planning = planningContext(ctx)
      for (const { index, request } of [...data.wave1, ...data.wave2]) {
        if (stopped()) break
        current.index = index
        try {
          const plan = planOrSkip(request, planning)
          plans.set(index, plan)
          post({ type: 'planned', index, result: plannedResult(plan, ctx) })
        } catch (error) {
          if (!(error instanceof ConfinementProblem)) throw error
          const result = failedResult(request, { code: '', syscall: '', attempted: '' }, ctx)
          post({ type: 'planned', index, result, problem: { line: request.line, message: error.message } })
        }
      }
    } else {
      for (const { index } of message.wave === 1 ? data.wave1 : data.wave2) {
        const plan = plans.get(index)
        // A plan that already failed touches nothing to report so; the others wait for a share that answers.
        if (!plan || (stopped() && plan.action !== 'fail')) continue
        current.index = index
        post({ type: 'applied', index, result: applyLink(plan, ctx) })
      }
    }
    post({ type: 'done' })
  })
}

// ---- the child's main thread ---------------------------------------------------------------------------------

interface Lane {
  worker: Worker
  /** Timed out in a call: it may never answer again. */
  dead: boolean
  busy: boolean
}

export function runShareWorker(): void {
  process.once('message', (start: ToWorker) => {
    if (start.type === 'start') void supervise(start.settings, start.links, start.lanes)
  })
}

async function supervise(settings: ShareSettings, links: Indexed[], count: number): Promise<void> {
  const ctx = shareContext(settings, nodeFs)
  const epoch = Date.now()
  const slots = new Int32Array(new SharedArrayBuffer((count * SLOT + 1) * 4))
  const { wave1, wave2 } = assignLanes(links, count, settings)
  const byIndex = new Map(links.map((l) => [l.index, l]))
  const settled = new Map<number, LinkResult>()
  const planned = new Map<number, LinkResult>()
  const problems: SpecProblem[] = []
  let stopReason: Failure | undefined
  const stop = (failure: Failure): void => {
    stopReason ??= failure
    Atomics.store(slots, slots.length - 1, 1)
  }

  let wake: () => void = () => undefined
  const lanes: Lane[] = wave1.map((laneLinks, lane) => {
    const data: LaneData = {
      role: 'lane',
      lane,
      settings,
      wave1: laneLinks,
      wave2: lane === 0 ? wave2 : [],
      slots,
      epoch
    }
    const worker = new Worker(new URL(import.meta.url), { workerData: data, stdout: true, stderr: true })
    const state: Lane = { worker, dead: false, busy: false }
    worker.on('message', (message: FromLane) => {
      if (state.dead) return
      if (message.type === 'done') state.busy = false
      else if (message.type === 'planned') {
        planned.set(message.index, message.result)
        if (message.problem) problems.push(message.problem)
        if (isShareGone(message.result.code)) stop(failureOf(message.result))
      } else {
        settled.set(message.index, message.result)
        if (isShareGone(message.result.code) && message.result.status === 'failed') stop(failureOf(message.result))
      }
      wake()
    })
    worker.on('error', () => {
      state.dead = true
      wake()
    })
    return state
  })

  // The watchdog: the only code here that reads the clock against the lanes' calls.
  const watchdog = setInterval(() => {
    const now = Date.now() - epoch
    for (const [lane, state] of lanes.entries()) {
      const began = Atomics.load(slots, lane * SLOT + 2)
      if (state.dead || began === 0 || now - began <= settings.timeoutMs) continue
      state.dead = true
      const index = Atomics.load(slots, lane * SLOT)
      const syscall = OPS[Atomics.load(slots, lane * SLOT + 1)]
      const failure: Failure = {
        code: 'ETIMEDOUT',
        errno: errnoNumber('ETIMEDOUT') ?? undefined,
        syscall,
        attempted: `finish ${syscall}() within timeout (${settings.timeoutMs / 1000} s) for`
      }
      const link = byIndex.get(index)
      if (link && !settled.has(index)) settled.set(index, failedResult(link.request, failure, ctx))
      stop(failure)
      wake()
    }
  }, 20)

  /** Send every live lane a message and wait until each is done or dead. */
  const phase = async (message: ToLane, which: Lane[] = lanes): Promise<void> => {
    for (const state of which) {
      if (state.dead) continue
      state.busy = true
      state.worker.postMessage(message)
    }
    while (which.some((s) => s.busy && !s.dead)) await new Promise<void>((resolve) => (wake = resolve))
  }

  const finish = (results: Map<number, LinkResult>): [number, LinkResult][] =>
    links.map(({ index, request }) => {
      const result = results.get(index)
      if (result) return [index, result]
      const skipped = failedResult(request, stopReason ?? unfinished, ctx, true)
      return [index, settings.dryRun ? { ...skipped, status: 'planned', plan: 'fail' } : skipped]
    })

  await phase({ type: 'plan' })
  const send = (message: FromWorker): Promise<void> => new Promise((resolve) => process.send!(message, () => resolve()))
  // Links the watchdog settled while planning keep that result in a dry run too.
  for (const [index, result] of settled)
    planned.set(index, settings.dryRun ? { ...result, status: 'planned', plan: 'fail' } : result)
  await send({ type: 'planned', planned: finish(planned), problems })
  if (settings.dryRun) return exit(watchdog)

  await new Promise<void>((resolve) => process.once('message', () => resolve()))
  await phase({ type: 'apply', wave: 1 })
  await phase({ type: 'apply', wave: 2 }, lanes.slice(0, 1))
  await send({ type: 'final', results: finish(settled) })
  exit(watchdog)
}

const unfinished: Failure = { code: 'ECANCELED', syscall: 'none', attempted: 'get to' }

function failureOf(result: LinkResult): Failure {
  return {
    code: result.code,
    errno: result.errno ?? undefined,
    syscall: result.syscall,
    attempted: 'reach the share for'
  }
}

/** Lanes stuck in the share keep this process alive; the parent does not wait for it. */
function exit(watchdog: NodeJS.Timeout): void {
  clearInterval(watchdog)
  process.exit(0)
}
