// Report stage: the log, annotations, outputs, results file and job summary, all from the results alone.
import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as nodePath from 'node:path'
import type { LinkResult, Settings, SpecProblem, Status } from './model.js'
import { relativeInside, type Platform } from './platform.js'
import * as runner from './runner.js'

/** GitHub shows 10 annotations of each level per step, and setFailed adds one error of its own. */
const MAX_ERRORS = 8
const MAX_WARNINGS = 9
/** Past this the `results` output holds only the failed links (GitHub caps a job's outputs at about 1 MB). */
const RESULTS_OUTPUT_BYTES = 512 * 1024
/** GitHub rejects a job summary over 1 MiB. */
const SUMMARY_BYTES = 900 * 1024
const SUMMARY_ROWS = 1000

/** Control characters shown, not obeyed: a newline in a path must not start a workflow command. */
export function safeForLog(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this shows instead of obeying
  return text.replace(/[\x00-\x1f\x7f]/g, (c) =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`
  )
}

export function escapeHtml(text: string): string {
  return safeForLog(text).replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`)
}

interface Where {
  settings: Settings
  workspace: string
  platform: Platform
}

/** Annotation properties: the spec file and line where there is one inside the workspace. */
function location(line: number, { settings, workspace, platform }: Where): runner.AnnotationProperties {
  const rel = settings.specFile && relativeInside(platform, workspace, settings.specFile)
  if (rel) return { title: 'ln-action', file: rel.split(platform.path.sep).join('/'), startLine: line }
  return { title: `ln-action: links line ${line}` }
}

/** At most `max` annotations, then one that says how many more there are. */
function annotate(
  level: 'error' | 'warning',
  items: { message: string; line: number }[],
  max: number,
  where: Where,
  seeAlso: string
): void {
  const emit = level === 'error' ? runner.error : runner.warning
  for (const item of items.slice(0, max)) emit(item.message, location(item.line, where))
  if (items.length > max) emit(`${items.length - max} more ${level}s: see ${seeAlso}.`)
}

/** PATH as the log and summary show it: relative to working-directory when inside it. */
function displayPath(p: string, { settings, platform }: Where): string {
  return relativeInside(platform, settings.workingDirectory, p) || p
}

/** Spec problems: every one in the log, the first ones as annotations, and the step fails; nothing was touched. */
export function reportProblems(problems: SpecProblem[], where: Where): void {
  const sorted = [...problems].sort((a, b) => a.line - b.line)
  const source = where.settings.specFile ?? "the 'links' input"
  runner.info(sorted.map((p) => safeForLog(`${source}:${p.line}: ${p.message}`)).join('\n'))
  annotate('error', sorted, MAX_ERRORS, where, 'the log')
  runner.setFailed(
    `The links spec has ${sorted.length} problem(s); nothing was changed. The first: line ${sorted[0].line}: ${sorted[0].message}`
  )
}

/** A dry run says what a real run would do. */
function statusWords(r: LinkResult): string {
  return r.status === 'planned' && r.plan ? `would ${r.plan}` : r.status
}

function logLine(r: LinkResult, where: Where): string {
  const to = r.text || r.target
  const head = `${statusWords(r).padEnd(9)} ${(r.kind || r.type).padEnd(8)} ${displayPath(r.path, where)} -> ${to}`
  const detail = [r.message, r.hint && `hint: ${r.hint}`, ...r.warnings.map((w) => `warning: ${w}`)].filter(Boolean)
  return safeForLog(head) + detail.map((d) => `\n    ${safeForLog(d)}`).join('')
}

function count(results: LinkResult[], status: Status): number {
  return results.filter((r) => r.status === status).length
}

function isFailure(r: LinkResult): boolean {
  return r.status === 'failed' || r.status === 'skipped' || (r.status === 'planned' && r.plan === 'fail')
}

/** Results that arrive in the thousands are written and logged in slices, never as one giant string. */
const SLICE = 1000

function slices<T>(items: T[]): T[][] {
  return Array.from({ length: Math.ceil(items.length / SLICE) }, (_, i) => items.slice(i * SLICE, (i + 1) * SLICE))
}

/** Every result, one JSON object a line inside the array, written slice by slice. */
function writeResultsFile(results: LinkResult[], env: Record<string, string | undefined>): string {
  const dir = env.RUNNER_TEMP || os.tmpdir()
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

/** An empty cell reads as something missing: say so with a dash. */
function summaryCell(text: string): string {
  return text === '' ? '-' : escapeHtml(text)
}

async function writeSummary(file: string, results: LinkResult[], counts: string, where: Where): Promise<void> {
  const ordered = [...results.filter(isFailure), ...results.filter((r) => !isFailure(r))]
  const header = ['Status', 'Path', 'Target', 'Kind', 'Message'].map((data) => ({ data, header: true }))
  const rows: string[][] = []
  let size = 4096
  for (const r of ordered) {
    const message = [r.message, r.hint, ...r.warnings].filter(Boolean).join(' ')
    const row = [statusWords(r), displayPath(r.path, where), r.text || r.target, r.kind || r.type, message].map(
      summaryCell
    )
    size += Buffer.byteLength(row.join('')) + 60
    if (size > SUMMARY_BYTES || rows.length >= SUMMARY_ROWS) break
    rows.push(row)
  }
  runner.summary
    .addHeading('ln-action', 3)
    .addRaw(escapeHtml(counts), true)
    .addTable([header, ...rows])
  if (rows.length < results.length) {
    runner.summary.addRaw(
      `${results.length - rows.length} more links are not shown: see the results-file output.`,
      true
    )
  }
  await runner.summary.write(file)
}

export async function report(results: LinkResult[], where: Where, env = process.env): Promise<void> {
  const { settings } = where
  const counts = {
    created: count(results, 'created'),
    replaced: count(results, 'replaced'),
    unchanged: count(results, 'unchanged'),
    failed: results.filter(isFailure).length
  }
  const planned = count(results, 'planned')
  const countLine =
    `${results.length} links: ` +
    (settings.dryRun
      ? `${planned} planned (dry run), ${counts.failed} would fail`
      : `${counts.created} created, ${counts.replaced} replaced, ${counts.unchanged} unchanged, ${counts.failed} failed`)

  if (results.length > 10) runner.startGroup(`Links (${results.length})`)
  for (const slice of slices(results)) runner.info(slice.map((r) => logLine(r, where)).join('\n'))
  if (results.length > 10) runner.endGroup()
  runner.info(countLine)

  const failures = results.filter(isFailure).map((r) => ({ message: `${r.message} ${r.hint}`.trim(), line: r.line }))
  const seeAlso = 'the log and the results-file output'
  annotate('error', failures, MAX_ERRORS, where, seeAlso)
  const warnings = results.flatMap((r) => r.warnings.map((message) => ({ message, line: r.line })))
  annotate('warning', warnings, MAX_WARNINGS, where, seeAlso)

  runner.setOutput('results', resultsOutput(results))
  runner.setOutput('results-file', writeResultsFile(results, env))
  for (const [name, n] of Object.entries(counts)) runner.setOutput(name, String(n))
  runner.setOutput('changed', String(counts.created + counts.replaced > 0))

  if (settings.summary && env.GITHUB_STEP_SUMMARY)
    await writeSummary(env.GITHUB_STEP_SUMMARY, results, countLine, where)
  if (counts.failed > 0 && settings.failOnError) {
    runner.setFailed(`${counts.failed} of ${results.length} links failed (fail-on-error: true).`)
  }
}
