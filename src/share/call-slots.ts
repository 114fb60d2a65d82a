// Which filesystem call each lane of a share worker is in, and since when, in memory that the lanes and the worker's
// main thread share. A lane stuck in a hung FUSE call cannot say so itself; the main thread, which never touches the
// share, reads these slots and can.
import { nodeFs, type FsOps } from '../fsops.js'

/** The calls a lane can be in, numbered by their place here. */
const CALLS = Object.keys(nodeFs) as (keyof FsOps)[]

/** Per lane: the link's index, the call (its number in CALLS), when it began (ms since `epoch`; 0 while idle). */
const SLOT = 3

/** The call a lane is in. */
export interface Call {
  index: number
  syscall: keyof FsOps
  /** ms since it began. */
  elapsed: number
}

export class CallSlots {
  private readonly slots: Int32Array

  /** Memory for `lanes` lanes, or the memory another thread made (`SharedArrayBuffer`). */
  constructor(
    lanesOrMemory: number | SharedArrayBuffer,
    readonly epoch: number
  ) {
    const memory =
      typeof lanesOrMemory === 'number' ? new SharedArrayBuffer((lanesOrMemory * SLOT + 1) * 4) : lanesOrMemory
    this.slots = new Int32Array(memory)
  }

  get memory(): SharedArrayBuffer {
    return this.slots.buffer as SharedArrayBuffer
  }

  begin(lane: number, index: number, syscall: keyof FsOps, now = Date.now()): void {
    Atomics.store(this.slots, lane * SLOT, index)
    Atomics.store(this.slots, lane * SLOT + 1, CALLS.indexOf(syscall))
    Atomics.store(this.slots, lane * SLOT + 2, Math.max(1, now - this.epoch))
  }

  end(lane: number): void {
    Atomics.store(this.slots, lane * SLOT + 2, 0)
  }

  /** The call `lane` is in now, or undefined while it is between calls. */
  current(lane: number, now = Date.now()): Call | undefined {
    const began = Atomics.load(this.slots, lane * SLOT + 2)
    if (began === 0) return undefined
    const syscall = CALLS[Atomics.load(this.slots, lane * SLOT + 1)]
    return { index: Atomics.load(this.slots, lane * SLOT), syscall, elapsed: now - this.epoch - began }
  }

  /** Every lane is to stop at its next link (the share timed out or is gone). */
  stop(): void {
    Atomics.store(this.slots, this.slots.length - 1, 1)
  }

  get stopped(): boolean {
    return Atomics.load(this.slots, this.slots.length - 1) === 1
  }
}

/** Filesystem calls that note themselves in a lane's slot while they run. */
export function timedOps(ops: FsOps, slots: CallSlots, lane: number, current: { index: number }): FsOps {
  const timed = {} as Record<keyof FsOps, unknown>
  for (const name of CALLS) {
    const op = ops[name] as (...args: unknown[]) => unknown
    timed[name] = (...args: unknown[]) => {
      slots.begin(lane, current.index, name)
      try {
        return op(...args)
      } finally {
        slots.end(lane)
      }
    }
  }
  return timed as unknown as FsOps
}

/** The only reader of the clock against the lanes' calls: each lane whose call outlives `timeoutMs`, once. */
export class Watchdog {
  private readonly overdue = new Set<number>()

  constructor(
    private readonly slots: CallSlots,
    private readonly lanes: number,
    private readonly timeoutMs: number
  ) {}

  /** The lanes newly found in a call longer than the timeout, with that call. */
  check(now = Date.now()): { lane: number; call: Call }[] {
    const found: { lane: number; call: Call }[] = []
    for (let lane = 0; lane < this.lanes; lane++) {
      const call = this.slots.current(lane, now)
      if (this.overdue.has(lane) || !call || call.elapsed <= this.timeoutMs) continue
      this.overdue.add(lane)
      found.push({ lane, call })
    }
    return found
  }
}
