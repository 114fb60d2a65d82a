// Report stage: the log, annotations, outputs, results file and job summary, from the results as they come (a tally
// of them: tally.ts) or all at once.
import * as core from '@actions/core'
import type { LinkResult, SpecEntry, SpecProblem } from './model.js'
import { count, safeForLog, type Where } from './present.js'
import { relativeInside } from './platform.js'
import { rejectedResults } from './result.js'
import { writeSummary } from './summary.js'
import { MAX_ERRORS, MAX_WARNINGS, Tally, type Sample } from './tally.js'

export type { Where } from './present.js'

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

/** The first annotations of a sample (at most `max`), then one that says how many more there are. */
function annotate(
  level: 'error' | 'warning',
  { first, count }: Sample<Place & { message: string }>,
  max: number,
  where: Where,
  seeAlso: string
): void {
  const emit = level === 'error' ? core.error : core.warning
  for (const item of first.slice(0, max)) emit(item.message, location(item, where))
  if (count > max) emit(`${count - max} more ${level}s: see ${seeAlso}.`)
}

/** Each warning of the sampled links, at its link's place. */
function warningsOf(tally: Tally): Sample<Place & { message: string }> {
  const { first, count } = tally.warnings
  return { first: first.map(({ result, message }) => ({ ...result, message })), count }
}

/** Each result into a tally, in order. */
function tallied(results: LinkResult[], where: Where, log: boolean): Tally {
  const tally = new Tally(where, { log, expected: results.length })
  for (const r of results) tally.add(r)
  return tally
}

/**
 * Spec problems: every one in the log, the first ones as annotations, and the step fails; nothing was touched. The
 * outputs and the summary still say so, entry by entry (`entries`: those that were read), for `continue-on-error`.
 */
export async function reportProblems(problems: SpecProblem[], where: Where, entries: SpecEntry[] = []): Promise<void> {
  const sorted = [...problems].sort((a, b) => a.line - b.line)
  // Each problem is said once: the first ones as annotations (which the log shows too), the rest in the log.
  annotate('error', { first: sorted, count: sorted.length }, MAX_ERRORS, where, 'the log')
  const source = where.settings.specFile ?? "the 'links' input"
  const rest = sorted.slice(MAX_ERRORS).map((p) => safeForLog(`${source}:${p.line}: ${p.message}`))
  if (rest.length > 0) core.info(rest.join('\n'))
  const why = `The links spec has ${count(sorted.length, 'problem')}; nothing was changed.`
  await writeOutputs(tallied(rejectedResults(entries, sorted), where, false), where, {
    headline: `❌ ln-action: ${why}`,
    countLine: `${why} Fix the lines below.`
  })
  core.setFailed(why)
}

/** Every output, from the tally, and the job summary (under `headline`, when the run is not the usual). */
async function writeOutputs(
  tally: Tally,
  where: Where,
  words: { countLine: string; headline?: string }
): Promise<void> {
  const { results, resultsFile } = tally.close()
  core.setOutput('results', results)
  core.setOutput('results-file', resultsFile)
  const { created, replaced, removed, unchanged } = tally.counts
  const counts = { created, replaced, removed, unchanged, failed: tally.failed.count }
  for (const [name, n] of Object.entries(counts)) core.setOutput(name, String(n))
  core.setOutput('changed', String(created + replaced + removed > 0))
  if (where.settings.summary && process.env.GITHUB_STEP_SUMMARY)
    await writeSummary(tally, words.countLine, where, words.headline)
}

/** The report of a run whose results go into `tally` as they are made: it is told when they all have. */
export async function finishReport(tally: Tally, where: Where): Promise<void> {
  const { settings } = where
  const { counts, total } = tally
  const failed = tally.failed.count
  const removed = counts.removed > 0 ? `${counts.removed} removed, ` : ''
  const elsewhere = counts['other-os'] > 0 ? `, ${counts['other-os']} for other runners (os)` : ''
  const countLine =
    `${count(total, 'link')}: ` +
    (settings.dryRun
      ? `${counts.planned} planned (dry run), ${failed} would fail`
      : `${counts.created} created, ${counts.replaced} replaced, ${removed}${counts.unchanged} unchanged, ${failed} failed`) +
    elsewhere
  await writeOutputs(tally, where, { countLine })
  core.info(countLine)
  if (total === 0) core.warning('No links in the spec: it is empty or holds only comments, so nothing was done.')
  const failures = tally.failed.first.map((r) => ({ ...r, message: `${r.message} ${r.hint}`.trim() }))
  const seeAlso = 'the log and the results-file output'
  annotate('error', { first: failures, count: failed }, MAX_ERRORS, where, seeAlso)
  annotate('warning', warningsOf(tally), MAX_WARNINGS, where, seeAlso)
  if (failed > 0 && settings.failOnError)
    core.setFailed(`${failed} of ${count(total, 'link')} failed (fail-on-error: true).`)
}

/**
 * The post step's report: each link it undid (removed, restored), left (kept: changed since) or could not undo, in
 * the log and the job summary; the results file holds them all. A link someone changed never fails the step; a call
 * that failed does, since a link left behind is what `cleanup` is there to prevent.
 */
export async function reportCleanup(results: LinkResult[], where: Where): Promise<void> {
  const tally = tallied(results, where, true)
  const { counts, total } = tally
  const failed = tally.failed.count
  const countLine =
    `ln-action cleanup, ${count(total, 'link')} this job's step made: ${counts.removed} removed, ${counts.restored} ` +
    `restored, ${counts.kept} kept (changed since), ${counts.unchanged} already gone, ${failed} not undone`
  const { resultsFile } = tally.close()
  core.info(countLine)
  const seeAlso = 'the log of the post step'
  annotate('error', tally.failed, MAX_ERRORS, where, seeAlso)
  annotate('warning', warningsOf(tally), MAX_WARNINGS, where, seeAlso)
  core.setOutput('results-file', resultsFile)
  const headline =
    failed > 0
      ? `❌ ln-action cleanup: ${failed} of ${count(total, 'link')} not undone`
      : `✅ ln-action cleanup: ${count(total, 'link')} undone or left as found`
  if (where.settings.summary && process.env.GITHUB_STEP_SUMMARY) await writeSummary(tally, countLine, where, headline)
  if (failed > 0) core.setFailed(`ln-action cleanup: ${failed} of ${count(total, 'link')} could not be undone.`)
}
