// What the report keeps of the results, taken one at a time in spec order as they are made: the counts, the log
// and the results file written as it goes, and only the few results that annotations, outputs and the summary show.
// A run of 100,000 links holds no more than that.
import * as core from '@actions/core'
import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as nodePath from 'node:path'
import type { LinkResult, Status } from './model.js'
import {
  displayPath,
  fallbackWords,
  isFailure,
  nothingThere,
  safeForLog,
  shown,
  statusWords,
  type Shown,
  type Where
} from './present.js'

/** GitHub shows 10 annotations of each level per step, and setFailed adds one error of its own. */
export const MAX_ERRORS = 8
export const MAX_WARNINGS = 9
/** The job summary shows at most this many links (summary.ts): of the failed first, then of the others. */
export const MAX_ROWS = 1000
/** Past this the `results` output holds only the failed links (GitHub caps a job's outputs at about 1 MB). */
const RESULTS_OUTPUT_BYTES = 512 * 1024
/**
 * Log lines and results-file entries go out in slices: never one giant string, and small enough that what waits to
 * be written dies young (a bigger slice outlives collections and costs a 100,000-link run ~8 MB). A slice ends at
 * this many texts or characters, whichever comes first: a failed link's texts are several times a made one's, and a
 * joined slice past V8's 128 KiB goes to the large-object space, which only a full collection frees.
 */
const SLICE = 250
const SLICE_CHARS = 32 * 1024

/** Texts waiting to be written together. */
class Slice {
  private texts: string[] = []
  private chars = 0

  /** Add a text; true when the slice is full and should go out. */
  add(text: string): boolean {
    this.chars += text.length
    return this.texts.push(text) === SLICE || this.chars >= SLICE_CHARS
  }

  /** The texts waiting, let go of here. */
  take(): string[] {
    const texts = this.texts
    this.texts = []
    this.chars = 0
    return texts
  }
}

/** The first items and how many there were in all. */
export interface Sample<T> {
  first: T[]
  count: number
}

function sample<T>(): Sample<T> {
  return { first: [], count: 0 }
}

/** Count an item; true when it is to be kept (fewer than `max` came before it). */
function counted<T>(into: Sample<T>, max: number): boolean {
  return into.count++ < max
}

/** JSON texts while their array fits the output's budget. */
class Budget {
  texts: string[] = []
  private bytes = 2
  full = false

  add(json: string): void {
    if (this.full) return
    this.bytes += Buffer.byteLength(json) + 1
    if (this.bytes > RESULTS_OUTPUT_BYTES) this.full = true
    else this.texts.push(json)
  }
}

/** A result's fields after `text`: from one link to the next they are mostly the same (a re-run's `unchanged`). */
type Tail = Pick<
  LinkResult,
  'type' | 'kind' | 'status' | 'code' | 'errno' | 'syscall' | 'filesystem' | 'message' | 'hint'
>

/** The fields of a result as toResult and asWritten (result.ts) make them, in their order, with no extra ones. */
const FIELDS = [
  'line',
  'path',
  'target',
  'text',
  'type',
  'kind',
  'status',
  'code',
  'errno',
  'syscall',
  'filesystem',
  'message',
  'hint',
  'warnings'
]

function sameTail(a: Tail, b: Tail): boolean {
  return (
    a.type === b.type &&
    a.kind === b.kind &&
    a.status === b.status &&
    a.code === b.code &&
    a.errno === b.errno &&
    a.syscall === b.syscall &&
    a.filesystem === b.filesystem &&
    a.message === b.message &&
    a.hint === b.hint
  )
}

/**
 * JSON.stringify(result), its last ten fields' JSON made again only where they differ from the result before:
 * JSON.stringify spends about as much on a field as on a path's characters, and a re-run's whole result cost about
 * 19,000 instructions a link. Only for a result with exactly FIELDS, in that order (as its JSON would have them), and
 * no warnings; any other is stringified whole.
 */
class ResultJson {
  private tail: Tail | undefined
  /** The tail's JSON, from the comma before its first field. */
  private tailJson = ''
  private tailPlain = true
  /**
   * Whether the last JSON made is plain (plainJson), found in its halves: the whole is a concatenation, which a search
   * would first copy flat.
   */
  plain = true

  of(r: LinkResult): string {
    if (r.warnings.length > 0 || typeof r.line !== 'number' || !hasFields(r)) {
      const json = JSON.stringify(r)
      this.plain = plainJson(json)
      return json
    }
    if (this.tail === undefined || !sameTail(this.tail, r)) {
      const { type, kind, status, code, errno, syscall, filesystem, message, hint } = r
      this.tail = { type, kind, status, code, errno, syscall, filesystem, message, hint }
      this.tailJson = `,${JSON.stringify({ ...this.tail, warnings: [] }).slice(1)}`
      this.tailPlain = plainJson(this.tailJson)
    }
    const { line, path, target, text } = r
    const head = JSON.stringify({ line, path, target, text })
    this.plain = this.tailPlain && plainJson(head)
    return head.slice(0, -1) + this.tailJson
  }
}

/**
 * JSON escapes every control character but DEL with a backslash: where a result's JSON has neither, no text of the
 * result has a control character. Two searches for one character cost less than a regular expression.
 */
function plainJson(json: string): boolean {
  return !json.includes('\\') && !json.includes('\x7f')
}

function hasFields(r: LinkResult): boolean {
  const keys = Object.keys(r)
  if (keys.length !== FIELDS.length) return false
  for (let i = 0; i < keys.length; i++) if (keys[i] !== FIELDS[i]) return false
  return true
}

/** The status and kind columns of log lines, made once for each pair (a handful in a run of any size). */
const columns = new Map<string, Map<string, string>>()

function columnsOf(status: string, kind: string): string {
  let ofStatus = columns.get(status)
  if (ofStatus === undefined) columns.set(status, (ofStatus = new Map()))
  let text = ofStatus.get(kind)
  if (text === undefined) ofStatus.set(kind, (text = `${status.padEnd(9)} ${kind.padEnd(8)} `))
  return text
}

/**
 * A link's log line, with its details: `warnings` are those no annotation says (the first ones are annotated); `plain`
 * says the result's JSON is (plainJson).
 */
function logLine(r: LinkResult, where: Where, warnings: string[], plain: boolean): string {
  const path = displayPath(r.path, where)
  const kind = r.kind || r.fallback?.instead || r.type
  const line = nothingThere(r)
    ? `${statusWords(r).padEnd(9)} nothing to remove at ${path}`
    : `${columnsOf(statusWords(r), kind)}${path} -> ${r.text || r.target}`
  // No text in a plain result has a control character, and the line's words are the action's own: no regular
  // expression over the line, which would copy it flat first (every link).
  const head = plain ? line : safeForLog(line)
  // Most links say nothing more: no arrays to build for them.
  if (!r.message && !r.hint && warnings.length === 0 && !r.fallback) return head
  const detail = [
    r.fallback ? fallbackWords(r.fallback) : '',
    r.message,
    r.hint && `hint: ${r.hint}`,
    ...warnings.map((w) => `warning: ${w}`)
  ].filter(Boolean)
  return head + detail.map((d) => `\n    ${safeForLog(d)}`).join('')
}

/** The results file: every result, one JSON object a line inside the array, written a slice at a time. */
class ResultsFile {
  readonly path: string
  private readonly fd: number
  private readonly pending = new Slice()
  private written = 0

  constructor() {
    const dir = process.env.RUNNER_TEMP || os.tmpdir()
    this.path = nodePath.join(dir, `ln-action-results-${process.pid}-${randomBytes(3).toString('hex')}.json`)
    this.fd = fs.openSync(this.path, 'w')
  }

  add(json: string): void {
    if (this.pending.add(json)) this.flush()
  }

  private flush(): void {
    const texts = this.pending.take()
    if (texts.length === 0) return
    fs.writeSync(this.fd, `${this.written === 0 ? '[\n' : ',\n'}${texts.join(',\n')}`)
    this.written += texts.length
  }

  close(): void {
    this.flush()
    fs.writeSync(this.fd, this.written === 0 ? '[]\n' : '\n]\n')
    fs.closeSync(this.fd)
  }
}

export interface TallyOptions {
  /** Each link in the log (grouped when more than 10 are expected). */
  log: boolean
  /** How many results are coming. */
  expected: number
}

export class Tally {
  readonly counts: Record<Status, number> = {
    created: 0,
    replaced: 0,
    removed: 0,
    unchanged: 0,
    planned: 0,
    failed: 0,
    skipped: 0,
    'other-os': 0,
    restored: 0,
    kept: 0
  }
  total = 0
  readonly failed = sample<Shown>()
  readonly others = sample<Shown>()
  readonly warnings = sample<{ result: Shown; message: string }>()
  private readonly all = new Budget()
  private readonly failedJson = new Budget()
  private readonly file = new ResultsFile()
  private readonly lines = new Slice()
  private readonly json = new ResultJson()
  private readonly grouped: boolean

  constructor(
    private readonly where: Where,
    private readonly options: TallyOptions
  ) {
    this.grouped = options.log && options.expected > 10
    if (this.grouped) core.startGroup(`Links (${options.expected})`)
  }

  add(r: LinkResult): void {
    this.total++
    this.counts[r.status]++
    const failure = isFailure(r)
    const rows = failure ? this.failed : this.others
    if (counted(rows, MAX_ROWS)) rows.first.push(shown(r))
    // Each warning is said once: the first ones as annotations (which the log shows too), the rest in the log. Most
    // links have none: no array to build for them.
    const unsaid = r.warnings.length === 0 ? r.warnings : this.unannotated(r)
    const json = this.json.of(r)
    this.file.add(json)
    this.all.add(json)
    if (failure) this.failedJson.add(json)
    if (this.options.log && this.lines.add(logLine(r, this.where, unsaid, this.json.plain))) this.flushLog()
  }

  /** Keep the run's first warnings to annotate; the others, returned, only the log says. */
  private unannotated(r: LinkResult): string[] {
    const unsaid: string[] = []
    for (const message of r.warnings) {
      if (counted(this.warnings, MAX_WARNINGS)) this.warnings.first.push({ result: shown(r), message })
      else unsaid.push(message)
    }
    return unsaid
  }

  private flushLog(): void {
    const lines = this.lines.take()
    if (lines.length > 0) core.info(lines.join('\n'))
  }

  /** Resolves once the log has gone out, where the reader of it is behind (the stream holds what it has not taken). */
  caughtUp(): Promise<void> | undefined {
    if (!process.stdout.writableNeedDrain) return undefined
    return new Promise((resolve) => process.stdout.once('drain', resolve))
  }

  /** The log's last lines and the results file written; the `results` output and the results file's path. */
  close(): { results: string; resultsFile: string } {
    this.flushLog()
    if (this.grouped) core.endGroup()
    this.file.close()
    // The full array while it is small enough; past that the failed links, as many as fit.
    const shown = this.all.full ? this.failedJson : this.all
    return { results: `[${shown.texts.join(',')}]`, resultsFile: this.file.path }
  }
}
