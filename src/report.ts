// Report stage: the log, annotations, outputs, results file and job summary, all from the results alone.
import * as core from '@actions/core'
import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as nodePath from 'node:path'
import type { LinkResult, SpecEntry, SpecProblem, Status } from './model.js'
import { displayPath, isFailure, safeForLog, statusWords, type Where } from './present.js'
import { relativeInside } from './platform.js'
import { rejectedResults } from './result.js'
import { writeSummary } from './summary.js'

export type { Where } from './present.js'

/** GitHub shows 10 annotations of each level per step, and setFailed adds one error of its own. */
const MAX_ERRORS = 8
const MAX_WARNINGS = 9
/** Past this the `results` output holds only the failed links (GitHub caps a job's outputs at about 1 MB). */
const RESULTS_OUTPUT_BYTES = 512 * 1024

/** Where a problem or a link is in the spec: its line (and last line), in the spec file when inside the workspace. */
interface Place {
  line: number
  endLine?: number
}

function location({ line, endLine }: Place, { settings, workspace, platform }: Where): core.AnnotationProperties {
  const rel = settings.specFile && relativeInside(platform, workspace, settings.specFile)
  if (!rel) return { title: `ln-action: links line ${line}` }
  const file = rel.split(platform.path.sep).join('/')
  return { title: 'ln-action', file, startLine: line, ...(endLine && endLine > line ? { endLine } : {}) }
}

/** At most `max` annotations, then one that says how many more there are. */
function annotate(
  level: 'error' | 'warning',
  items: (Place & { message: string })[],
  max: number,
  where: Where,
  seeAlso: string
): void {
  const emit = level === 'error' ? core.error : core.warning
  for (const item of items.slice(0, max)) emit(item.message, location(item, where))
  if (items.length > max) emit(`${items.length - max} more ${level}s: see ${seeAlso}.`)
}

/**
 * Spec problems: every one in the log, the first ones as annotations, and the step fails; nothing was touched. The
 * outputs and the summary still say so, entry by entry (`entries`: those that were read), for `continue-on-error`.
 */
export async function reportProblems(problems: SpecProblem[], where: Where, entries: SpecEntry[] = []): Promise<void> {
  const sorted = [...problems].sort((a, b) => a.line - b.line)
  const source = where.settings.specFile ?? "the 'links' input"
  core.info(sorted.map((p) => safeForLog(`${source}:${p.line}: ${p.message}`)).join('\n'))
  annotate('error', sorted, MAX_ERRORS, where, 'the log')
  const results = rejectedResults(entries, sorted)
  const why = `The links spec has ${sorted.length} problem(s); nothing was changed.`
  await writeOutputs(results, countsOf(results), where, {
    headline: `❌ ln-action: ${why}`,
    countLine: `${why} Fix the lines below.`
  })
  core.setFailed(`${why} The first: line ${sorted[0].line}: ${sorted[0].message}`)
}

function logLine(r: LinkResult, where: Where): string {
  const to = r.text || r.target
  const head = safeForLog(
    `${statusWords(r).padEnd(9)} ${(r.kind || r.type).padEnd(8)} ${displayPath(r.path, where)} -> ${to}`
  )
  // Most links say nothing more: no arrays to build for them.
  if (!r.message && !r.hint && r.warnings.length === 0) return head
  const detail = [r.message, r.hint && `hint: ${r.hint}`, ...r.warnings.map((w) => `warning: ${w}`)].filter(Boolean)
  return head + detail.map((d) => `\n    ${safeForLog(d)}`).join('')
}

function count(results: LinkResult[], status: Status): number {
  return results.filter((r) => r.status === status).length
}

/** Results that arrive in the thousands are written and logged in slices, never as one giant string. */
const SLICE = 1000

function slices<T>(items: T[]): T[][] {
  return Array.from({ length: Math.ceil(items.length / SLICE) }, (_, i) => items.slice(i * SLICE, (i + 1) * SLICE))
}

/** Every result, one JSON object a line inside the array, written slice by slice. */
function writeResultsFile(results: LinkResult[]): string {
  const dir = process.env.RUNNER_TEMP || os.tmpdir()
  const file = nodePath.join(dir, `ln-action-results-${process.pid}-${randomBytes(3).toString('hex')}.json`)
  const fd = fs.openSync(file, 'w')
  try {
    slices(results).forEach((slice, i) => {
      const body = slice.map((r) => JSON.stringify(r)).join(',\n')
      fs.writeSync(fd, `${i === 0 ? '[\n' : ',\n'}${body}`)
    })
    fs.writeSync(fd, results.length === 0 ? '[]\n' : '\n]\n')
  } finally {
    fs.closeSync(fd)
  }
  return file
}

/** As many of these results as fit the output's budget, as a JSON array; undefined when not all of them fit. */
function fitting(results: LinkResult[], all: boolean): string | undefined {
  const kept: string[] = []
  let size = 2
  for (const r of results) {
    const json = JSON.stringify(r)
    size += Buffer.byteLength(json) + 1
    if (size > RESULTS_OUTPUT_BYTES) {
      if (all) return undefined
      break
    }
    kept.push(json)
  }
  return `[${kept.join(',')}]`
}

/** The full array while it is small enough; past that the failed links, as many as fit. */
function resultsOutput(results: LinkResult[]): string {
  return fitting(results, true) ?? (fitting(results.filter(isFailure), false) as string)
}

/** The log: every link (grouped when many), a chunk of lines per write, then the counts. */
function log(results: LinkResult[], countLine: string, where: Where): void {
  if (results.length > 10) core.startGroup(`Links (${results.length})`)
  for (const slice of slices(results)) core.info(slice.map((r) => logLine(r, where)).join('\n'))
  if (results.length > 10) core.endGroup()
  core.info(countLine)
}

/** Every output, from the results alone, and the job summary (under `headline`, when the run is not the usual). */
async function writeOutputs(
  results: LinkResult[],
  counts: Counts,
  where: Where,
  words: { countLine: string; headline?: string }
): Promise<void> {
  core.setOutput('results', resultsOutput(results))
  core.setOutput('results-file', writeResultsFile(results))
  for (const [name, n] of Object.entries(counts)) core.setOutput(name, String(n))
  core.setOutput('changed', String(counts.created + counts.replaced + counts.removed > 0))
  if (where.settings.summary && process.env.GITHUB_STEP_SUMMARY)
    await writeSummary(results, words.countLine, where, words.headline)
}

type Counts = Record<'created' | 'replaced' | 'removed' | 'unchanged' | 'failed', number>

function countsOf(results: LinkResult[]): Counts {
  return {
    created: count(results, 'created'),
    replaced: count(results, 'replaced'),
    removed: count(results, 'removed'),
    unchanged: count(results, 'unchanged'),
    failed: results.filter(isFailure).length
  }
}

export async function report(results: LinkResult[], where: Where): Promise<void> {
  const { settings } = where
  const counts = countsOf(results)
  const removed = counts.removed > 0 ? `${counts.removed} removed, ` : ''
  const countLine =
    `${results.length} links: ` +
    (settings.dryRun
      ? `${count(results, 'planned')} planned (dry run), ${counts.failed} would fail`
      : `${counts.created} created, ${counts.replaced} replaced, ${removed}${counts.unchanged} unchanged, ${counts.failed} failed`)
  log(results, countLine, where)

  const failures = results.filter(isFailure).map((r) => ({ ...r, message: `${r.message} ${r.hint}`.trim() }))
  const seeAlso = 'the log and the results-file output'
  annotate('error', failures, MAX_ERRORS, where, seeAlso)
  const warnings = results.flatMap((r) => r.warnings.map((message) => ({ ...r, message })))
  annotate('warning', warnings, MAX_WARNINGS, where, seeAlso)

  await writeOutputs(results, counts, where, { countLine })
  if (counts.failed > 0 && settings.failOnError) {
    core.setFailed(`${counts.failed} of ${results.length} links failed (fail-on-error: true).`)
  }
}

/**
 * The post step's report: each link it undid (removed, restored), left (kept: changed since) or could not undo, in
 * the log and the job summary; the results file holds them all. A link someone changed never fails the step; a call
 * that failed does, since a link left behind is what `cleanup` is there to prevent.
 */
export async function reportCleanup(results: LinkResult[], where: Where): Promise<void> {
  const n = (status: Status): number => count(results, status)
  const failed = results.filter(isFailure).length
  const countLine =
    `ln-action cleanup, ${results.length} links this job's step made: ${n('removed')} removed, ${n('restored')} ` +
    `restored, ${n('kept')} kept (changed since), ${n('unchanged')} already gone, ${failed} not undone`
  log(results, countLine, where)
  const seeAlso = 'the log of the post step'
  annotate('error', results.filter(isFailure), MAX_ERRORS, where, seeAlso)
  annotate(
    'warning',
    results.flatMap((r) => r.warnings.map((message) => ({ ...r, message }))),
    MAX_WARNINGS,
    where,
    seeAlso
  )
  core.setOutput('results-file', writeResultsFile(results))
  const headline =
    failed > 0
      ? `❌ ln-action cleanup: ${failed} of ${results.length} links not undone`
      : `✅ ln-action cleanup: ${results.length} links undone or left as found`
  if (where.settings.summary && process.env.GITHUB_STEP_SUMMARY) await writeSummary(results, countLine, where, headline)
  if (failed > 0) core.setFailed(`ln-action cleanup: ${failed} of ${results.length} links could not be undone.`)
}
