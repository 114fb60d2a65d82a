// The parent's side of a share worker (share-worker.ts): start it, hand it the links on one share, collect what
// it planned and made, and let go of it when done. It never waits for the child to exit: a child stuck in a hung
// FUSE call cannot exit until the share answers.
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { LinkResult } from './model.js'
import {
  WORKER_ROLE,
  laneCount,
  type FromWorker,
  type Indexed,
  type ShareSettings,
  type ToWorker
} from './share-worker.js'
import type { SpecProblem } from './spec.js'

export interface SharePlan {
  planned: Map<number, LinkResult>
  problems: SpecProblem[]
}

export class ShareJob {
  private readonly child: ChildProcess
  private readonly messages: FromWorker[] = []
  private waiting?: () => void
  private ended?: string

  constructor(settings: ShareSettings, links: Indexed[]) {
    // Its own stdio, not the action's: the runner must not wait for a child that cannot exit.
    this.child = spawn(process.execPath, [fileURLToPath(import.meta.url)], {
      env: { ...process.env, [WORKER_ROLE]: '1' },
      stdio: ['ignore', 'ignore', 'ignore', 'ipc']
    })
    this.child.on('message', (message: FromWorker) => {
      this.messages.push(message)
      this.waiting?.()
    })
    this.child.on('exit', (code, signal) => this.end(`ended early (${signal ?? `exit code ${code}`})`))
    // A child that died cannot be written to (EPIPE): that is an answer too, not a crash of the action.
    this.child.on('error', (error) => this.end(`failed (${error.message})`))
    this.send({ type: 'start', settings, links, lanes: laneCount(links, settings.platform) })
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
      const found = this.messages.find((m) => m.type === type)
      if (found) return found as Extract<FromWorker, { type: T }>
      if (this.ended) return undefined
      await new Promise<void>((resolve) => (this.waiting = resolve))
    }
  }

  async plan(): Promise<SharePlan | undefined> {
    const message = await this.next('planned')
    return message && { planned: new Map(message.planned), problems: message.problems }
  }

  async apply(): Promise<Map<number, LinkResult> | undefined> {
    this.send({ type: 'apply' })
    const message = await this.next('final')
    return message && new Map(message.results)
  }

  /** Done with it: the child is killed, and nothing of it keeps this process alive even if it cannot die yet. */
  release(): void {
    this.child.kill('SIGKILL')
    if (this.child.connected) this.child.disconnect()
    this.child.unref()
  }

  /** Why results are missing, for the links the child never answered for. */
  get failureReason(): string {
    return this.ended ?? 'the worker for this share did not answer'
  }
}
