// What a capture says: a log line per root, an error per root refused, the outputs (`capture-files`, `captured`) and a
// section of the job summary. A refused root fails the step under `fail-on-error`, as a failed link does.
import * as core from '@actions/core'
import { count, escapeHtml, safeForLog, type Where } from '../present.js'
import type { CaptureCounts, CaptureResult } from './index.js'

/** The counts in words, the ones that are not zero after the first two. */
function countWords(c: CaptureCounts): string {
  const more = [
    [c.dangling, 'dangling'],
    [c.absolute, 'absolute into the root'],
    [c.outside, 'leading outside the root'],
    [c.noted, 'noted'],
    [c.refused, 'refused'],
    [c.skipped, 'mounts not walked']
  ].filter(([n]) => n !== 0)
  const extra = more.length > 0 ? ` (${more.map(([n, what]) => `${n} ${what}`).join(', ')})` : ''
  return `${count(c.symlinks, 'symbolic link')}, ${count(c.hardlinks, 'hard link')}${extra}`
}

const COLUMNS = ['Directory', 'File', 'Symlinks', 'Hard links', 'Dangling', 'Outside the root', 'Noted', 'Refused']

function summaryRow(r: CaptureResult, where: Where): string[] {
  const shown = [r.root, where.platform.path.relative(where.workspace, r.file) || r.file]
  if ('problem' in r) return [...shown, r.problem, '', '', '', '', ''].map(escapeHtml)
  const c = r.counts
  return [...shown, ...[c.symlinks, c.hardlinks, c.dangling, c.outside, c.noted, c.refused].map(String)].map(escapeHtml)
}

async function writeSummary(results: CaptureResult[], where: Where): Promise<void> {
  const header = COLUMNS.map((data) => ({ data, header: true }))
  const dry = where.settings.dryRun ? ' (dry run: nothing written)' : ''
  await core.summary
    .addHeading(`ln-action capture${dry}`, 3)
    .addTable([header, ...results.map((r) => summaryRow(r, where))])
    .write()
}

/** The capture's log, outputs and summary; the step fails for a refused root when `fail-on-error` says so. */
export async function reportCapture(results: CaptureResult[], where: Where): Promise<void> {
  for (const r of results) {
    if ('problem' in r) core.error(safeForLog(`capture: ${r.problem}`))
    else
      core.info(
        safeForLog(
          `captured ${r.root}: ${countWords(r.counts)} → ${r.file}${r.written ? '' : ' (dry run: not written)'}`
        )
      )
  }
  const written = results.flatMap((r) => ('written' in r && r.written ? [r.file] : []))
  core.setOutput('capture-files', written.join('\n'))
  core.setOutput('captured', JSON.stringify(results))
  if (where.settings.summary && process.env.GITHUB_STEP_SUMMARY) await writeSummary(results, where)
  const refused = results.filter((r) => 'problem' in r).length
  if (refused > 0 && where.settings.failOnError)
    core.setFailed(`${refused} of ${results.length} capture directories could not be captured (fail-on-error: true).`)
}
