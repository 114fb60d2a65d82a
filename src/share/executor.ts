// The action's side of a share worker (supervisor.ts): start it, hand it the links on one share a round at a time,
// hand on what it planned and made as each round is answered, and let go of it when done. It never waits for the
// child to exit: a child stuck in a hung FUSE call cannot exit until the share answers.
import type { ChildProcess } from 'node:child_process'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Emit, Executor } from '../executor.js'
import type { Indexed } from '../model.js'
import type { PlanContext } from '../plan/index.js'
import { unfinishedResult } from '../result.js'
import { endedEarly, letGo, startChild } from '../roles.js'
import { laneCount } from './lanes.js'
import { ROUND, type FromWorker, type RoundOfLinks, type Share, type ToWorker } from './protocol.js'

/** The share bundle, beside the main one: dist/share/index.js (share/index.ts). */
export const SHARE_BUNDLE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'share', 'index.js')

/** How long a worker that closed its channel has to exit before its links fail for the channel (its exit says more). */
const EXIT_AFTER_CLOSE_MS = 1_000

export class ShareExecutor implements Executor {
  private readonly child: ChildProcess
  private readonly messages: FromWorker[] = []
  private waiting?: () => void
  private ended?: string
  /** How many of `links` the worker was handed. */
  private handed = 0

  constructor(
    private readonly share: Share,
    private readonly links: Indexed[],
    private readonly ctx: PlanContext,
    entry = SHARE_BUNDLE
  ) {
    this.child = startChild('share-worker', entry)
    this.child.on('message', (message: FromWorker) => {
      this.messages.push(message)
      this.waiting?.()
    })
    this.child.on('exit', (code, signal) => this.end(endedEarly(code, signal)))
    // A child closes its channel as it exits (the exit follows within milliseconds and names the signal or code), or
    // drops it and runs on: then nothing more comes, and its links need not wait for an exit that may never come.
    this.child.on('disconnect', () => {
      setTimeout(() => this.end('closed its channel without exiting'), EXIT_AFTER_CLOSE_MS).unref()
    })
    // A child that died cannot be written to (EPIPE): that is an answer too, not a crash of the action.
    this.child.on('error', (error) => this.end(`failed (${error.message})`))
    const lanes = laneCount(links, share.platform, share.settings.dryRun)
    this.send({ type: 'start', share, lanes, ...this.nextRound() })
  }

  /** The next round of links to hand the worker. */
  private nextRound(): RoundOfLinks {
    const links = this.links.slice(this.handed, (this.handed += ROUND))
    return { links, more: this.handed < this.links.length }
  }

  private end(why: string): void {
    this.ended ??= `the worker for this share ${why}`
    this.waiting?.()
  }

  private send(message: ToWorker): void {
    if (this.ended || !this.child.connected) return
    this.child.send(message, (error) => error && this.end(`could not be reached (${error.message})`))
  }

  /** The next message of this type, or undefined when the child died. */
  private async next<T extends FromWorker['type']>(type: T): Promise<Extract<FromWorker, { type: T }> | undefined> {
    // The child's main thread never touches the share and times every call itself: it answers, or it died.
    for (;;) {
      const at = this.messages.findIndex((m) => m.type === type)
      // Taken out: a message holds a round of results, and is not read twice.
      if (at >= 0) return this.messages.splice(at, 1)[0] as Extract<FromWorker, { type: T }>
      if (this.ended) return undefined
      await new Promise<void>((resolve) => (this.waiting = resolve))
    }
  }

  /** Until the worker has planned its first round (or died). */
  async plan(): Promise<void> {
    await this.next('planned')
  }

  async results(emit: Emit): Promise<void> {
    if (!this.share.settings.dryRun) this.send({ type: 'apply' })
    // Each round's results come in the order of `links`: those after the last answered are unfinished.
    let answered = 0
    while (answered < this.links.length) {
      const message = await this.next('results')
      if (!message) break
      if (this.handed < this.links.length) this.send({ type: 'links', ...this.nextRound() })
      const undo = new Map(message.undo)
      for (const [index, result] of message.results) emit(index, result, undo.get(index))
      answered += message.results.length
    }
    // A child that died without answering leaves its links failed, saying so.
    const failure = { code: 'UNKNOWN', syscall: 'none', attempted: `get an answer (${this.failureReason}) for` }
    const run = { dryRun: this.share.settings.dryRun }
    for (const { index, request } of this.links.slice(answered))
      emit(index, unfinishedResult(request, failure, this.ctx, run))
  }

  /** Done with it, answered or not: the child may be stuck in the share, and is let go of. */
  release(): void {
    letGo(this.child)
  }

  private get failureReason(): string {
    return this.ended ?? 'the worker for this share did not answer'
  }
}
