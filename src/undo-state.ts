// What the main step hands its post step, through the runner's state (core.saveState: the runner gives it back to
// the post step as STATE_* variables), as actions/checkout does. The main step always marks itself, so the post
// step, which runs the same file, knows what it is; what to undo travels inline while small, else in a file in
// RUNNER_TEMP that the state names (an environment variable holds at most 32,767 characters on Windows).
import * as core from '@actions/core'
import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import type { LinkResult, Settings, UndoEntry } from './model.js'

const POST = 'post'
const UNDO = 'undo'
const UNDO_FILE = 'undo-file'
const INLINE_CHARS = 16 * 1024

export interface UndoRecord {
  settings: Settings
  /** `process.platform` of the main step. */
  platform: string
  entries: UndoEntry[]
}

/** Said by the main step before anything else: the post step is the run that finds it. */
export function markMainStep(): void {
  core.saveState(POST, 'true')
}

export function isPostStep(): boolean {
  return core.getState(POST) === 'true'
}

/** What the post step is to undo, taken off each result as it is made, and saved once they all are. */
export class UndoList {
  private readonly entries: UndoEntry[] = []

  constructor(private readonly mayHang: (p: string) => boolean) {}

  /** Take the result's undo entry off it (the report has no use for it). */
  take(result: LinkResult): void {
    if (!result.undo) return
    this.entries.push(this.mayHang(result.path) ? { ...result.undo, share: true } : result.undo)
    delete result.undo
  }

  /** Saved for the post step; nothing is saved when there is nothing to undo. */
  save(settings: Settings, platform: string): void {
    const { entries } = this
    if (entries.length === 0) return
    const json = JSON.stringify({ settings, platform, entries } satisfies UndoRecord)
    if (json.length <= INLINE_CHARS) return core.saveState(UNDO, json)
    const file = path.join(
      process.env.RUNNER_TEMP || os.tmpdir(),
      `ln-action-undo-${process.pid}-${randomBytes(3).toString('hex')}.json`
    )
    fs.writeFileSync(file, json)
    core.saveState(UNDO_FILE, file)
  }
}

/** What the main step left to undo, and the file it came in (to remove once done); undefined when nothing. */
export function loadUndo(): { record: UndoRecord; file?: string } | undefined {
  const inline = core.getState(UNDO)
  if (inline) return { record: JSON.parse(inline) as UndoRecord }
  const file = core.getState(UNDO_FILE)
  if (!file) return undefined
  return { record: JSON.parse(fs.readFileSync(file, 'utf8')) as UndoRecord, file }
}
