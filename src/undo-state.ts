// What the main step hands its post step, through the runner's state (core.saveState: the runner gives it back to
// the post step as STATE_* variables), as actions/checkout does. The main step always marks itself, so the post
// step, which runs the same file, knows what it is; what to undo travels inline while small, else in a file in
// RUNNER_TEMP that the state names, with its digest (an environment variable holds at most 32,767 characters on
// Windows).
import * as core from '@actions/core'
import { createHash, randomBytes, type Hash } from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { errnoCode, errorMessage } from './errors.js'
import { KINDS, LINK_TYPES, type Settings, type UndoEntry } from './model.js'

const POST = 'post'
const UNDO = 'undo'
const UNDO_FILE = 'undo-file'
/** The file's SHA-256, kept in the state: later steps can write RUNNER_TEMP, not this action's state. */
const UNDO_DIGEST = 'undo-sha256'
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

/** The record file, written as it grows, and the digest of what was written so far. */
interface RecordFile {
  path: string
  fd: number
  hash: Hash
}

function openRecordFile(): RecordFile {
  const file = path.join(
    process.env.RUNNER_TEMP || os.tmpdir(),
    `ln-action-undo-${process.pid}-${randomBytes(3).toString('hex')}.json`
  )
  return { path: file, fd: fs.openSync(file, 'wx'), hash: createHash('sha256') }
}

/**
 * What the post step is to undo, taken off each result as it is made. Past what fits in the state it goes to its
 * file a slice at a time, as JSON text, so that a run of 100,000 links holds no entry for long; the record's entries
 * come first in that text, since settings and platform are known only at the end.
 */
export class UndoList {
  private pending: string[] = []
  private pendingChars = 0
  private file?: RecordFile
  /** Why the record could not be written: links go on being made, and the post step is told of none. */
  private lost?: string

  constructor(private readonly mayHang: (p: string) => boolean) {}

  /** One link's entry, marked for the child process where its link is on a share that may hang. */
  add(entry: UndoEntry): void {
    if (this.lost) return
    const json = JSON.stringify(this.mayHang(entry.path) ? { ...entry, share: true } : entry)
    this.pending.push(json)
    this.pendingChars += json.length + 1
    if (this.pendingChars > INLINE_CHARS) this.flush()
  }

  /** Written as it grows; a record that cannot be (ENOSPC in RUNNER_TEMP) is given up whole, not left half. */
  private write(text: string): void {
    try {
      const file = (this.file ??= openRecordFile())
      fs.writeSync(file.fd, text)
      file.hash.update(text)
    } catch (error) {
      this.lost = `${errnoCode(error) || errorMessage(error)} writing it to ${process.env.RUNNER_TEMP || os.tmpdir()}`
      this.pending = []
      if (this.file) fs.rmSync(this.file.path, { force: true })
    }
  }

  private flush(): void {
    if (this.pending.length === 0) return
    this.write((this.file ? ',' : '{"entries":[') + this.pending.join(','))
    this.pending = []
    this.pendingChars = 0
  }

  /** Saved for the post step; nothing is saved when there is nothing to undo, or the record could not be written. */
  save(settings: Settings, platform: string): void {
    const tail = `],${JSON.stringify({ settings, platform }).slice(1)}`
    if (!this.file && !this.lost) {
      if (this.pending.length === 0) return
      const json = `{"entries":[${this.pending.join(',')}${tail}`
      if (json.length <= INLINE_CHARS) return core.saveState(UNDO, json)
    }
    this.flush()
    if (!this.lost) this.write(tail)
    if (this.file) fs.closeSync(this.file.fd)
    if (this.lost)
      return core.warning(`cleanup: the record of what to undo was lost (${this.lost}): the post step undoes nothing.`)
    const file = this.file as RecordFile
    core.saveState(UNDO_FILE, file.path)
    core.saveState(UNDO_DIGEST, file.hash.digest('hex'))
  }
}

const digest = (text: string): string => createHash('sha256').update(text).digest('hex')

/** The record could not be read as a whole: nothing is undone, and the post step fails saying which record. */
export class UnreadableRecord extends Error {}

type Check = (v: unknown) => boolean
const isString: Check = (v) => typeof v === 'string'
const isNumber: Check = (v) => typeof v === 'number' && Number.isFinite(v)
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const optional =
  (check: Check): Check =>
  (v) =>
    v === undefined || check(v)
const shaped =
  (fields: Record<string, Check>): Check =>
  (v) =>
    isObject(v) && Object.entries(fields).every(([name, check]) => check(v[name]))
const oneOf =
  (values: readonly string[]): Check =>
  (v) =>
    values.includes(v as string)

const IDENTITY_FIELDS = {
  link: optional(isString),
  type: optional(oneOf(['file', 'dir', 'junction'])),
  dev: optional(isNumber),
  ino: optional(isNumber)
}
const IDENTITY = shaped(IDENTITY_FIELDS)
const BEFORE = shaped({ ...IDENTITY_FIELDS, backup: optional(isString), backupIs: optional(IDENTITY) })
const DIRECTORY = shaped({ real: isString, dev: isNumber, ino: isNumber })
const ENTRY = shaped({
  line: isNumber,
  path: isString,
  target: isString,
  type: oneOf(LINK_TYPES),
  kind: oneOf(KINDS),
  parent: DIRECTORY,
  dirs: optional((v) => Array.isArray(v) && v.every(DIRECTORY)),
  made: IDENTITY,
  before: optional(BEFORE),
  source: optional(isString),
  share: optional((v) => typeof v === 'boolean')
})
const RECORD = shaped({
  settings: shaped({ workingDirectory: isString, timeoutMs: isNumber }),
  platform: isString,
  entries: (v) => Array.isArray(v) && v.every(ENTRY)
})

/** The record as the main step wrote it, checked as a whole before anything is undone. */
function parseRecord(text: string, where: string): UndoRecord {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw unreadable(where, `not JSON${text.length === 0 ? ': empty' : ', cut short or damaged'}`)
  }
  if (!RECORD(value)) throw unreadable(where, 'not in the form the main step writes')
  return value as UndoRecord
}

function unreadable(where: string, why: string): UnreadableRecord {
  return new UnreadableRecord(
    `ln-action cleanup: the undo record ${where} is unreadable (${why}): nothing was undone. ` +
      "The links this job's ln-action step made are left as they are."
  )
}

/**
 * What the main step left to undo, and the file it came in (to remove once done); undefined when nothing. Throws
 * UnreadableRecord where there is a record that cannot be read: missing, truncated, malformed.
 */
export function loadUndo(): { record: UndoRecord; file?: string } | undefined {
  const inline = core.getState(UNDO)
  if (inline) return { record: parseRecord(inline, `in the runner's state (${UNDO})`) }
  const file = core.getState(UNDO_FILE)
  if (!file) return undefined
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    throw unreadable(`file ${file}`, `${errnoCode(error) || errorMessage(error)} from open()`)
  }
  // A record a later step rewrote could name anything on the disk as the step's own: not one entry of it is used.
  if (digest(text) !== core.getState(UNDO_DIGEST))
    throw unreadable(`file ${file}`, 'changed since the main step wrote it')
  return { record: parseRecord(text, `file ${file}`), file }
}
