// The job summary, the page people read after a run: the outcome first, then the links that failed with why and
// what to do, then the rest (collapsed when long). @actions/core's summary writes it; three things stay ours: cells
// are escaped here (addTable passes them through raw), the size is kept under GitHub's 1 MiB (write() has no cap), and
// the tables are built here, as addTable would build them.
import * as core from '@actions/core'
import { count, displayPath, escapeHtml, nothingThere, statusWords, type Shown, type Where } from './present.js'
import { MAX_ROWS, type Tally } from './tally.js'

/** GitHub rejects a summary over 1 MiB: the tables get this much, the rest is the page around them. */
const TABLE_BYTES = 900 * 1024
/** Longer lists of links that did not fail are collapsed under <details>. */
const OPEN_ROWS = 20

type Row = string[]

/** An empty cell reads as something missing: say so with a dash. */
function cell(text: string): string {
  return text === '' ? '-' : escapeHtml(text)
}

/** A hint in the action's own words: what it quotes in backticks (`overwrite: files`) shows as code. */
function hintCell(hint: string): string {
  if (hint === '') return '-'
  return hint
    .split(/`([^`]+)`/)
    .map((part, i) => (i % 2 === 1 ? `<code>${escapeHtml(part)}</code>` : escapeHtml(part)))
    .join('')
}

/** Where the link leads: its text when it has one, else TARGET as the log shows paths. */
function leadsTo(r: Shown, where: Where): string {
  return r.text || displayPath(r.target, where)
}

/** An element as addTable writes one: without content, the opening tag alone. */
function element(tag: string, content: string): string {
  return content ? `<${tag}>${content}</${tag}>` : `<${tag}>`
}

/**
 * The HTML addTable makes of a header and rows, made without it: it builds each cell through a generic element
 * writer (attributes listed by Object.entries, arrays mapped and joined): about 6,000 instructions more a row.
 */
function table(header: string[], rows: Row[]): string {
  let html = element('tr', header.map((name) => element('th', name)).join(''))
  for (const row of rows) {
    let cells = ''
    for (const text of row) cells += element('td', text)
    html += element('tr', cells)
  }
  return element('table', html)
}

/** The kind made, or for a failed link the kind whose call failed, and the kind asked where a fallback moved on. */
function kindOf(r: Shown): string {
  const made = r.kind || r.fallback?.instead || r.type
  return r.fallback ? `${made} (${r.fallback.asked} asked)` : made
}

/** A failed link's row: its own failure is why; its warnings (a dangling TARGET...) say something else. */
function failedRow(r: Shown, where: Where): Row {
  const cells = [statusWords(r), displayPath(r.path, where), leadsTo(r, where), kindOf(r), r.message]
  return [...cells.map(cell), hintCell(r.hint)]
}

function linkRow(r: Shown, where: Where): Row {
  const [to, shown] = nothingThere(r) ? ['', 'nothing to remove'] : [leadsTo(r, where), kindOf(r)]
  return [statusWords(r), displayPath(r.path, where), to, shown, r.warnings.join(' ')].map(cell)
}

/** Rows while they fit what is left of the budget. */
function fit(results: Shown[], toRow: (r: Shown) => Row, budget: { bytes: number; rows: number }): Row[] {
  const rows: Row[] = []
  for (const r of results) {
    const row = toRow(r)
    const bytes = Buffer.byteLength(row.join('')) + 20 * row.length
    if (budget.rows <= 0 || bytes > budget.bytes) break
    budget.bytes -= bytes
    budget.rows--
    rows.push(row)
  }
  return rows
}

/** The outcome, before anything else on the page. */
function outcome(total: number, failed: number, dryRun: boolean): string {
  if (dryRun)
    return `ln-action, dry run: ${failed > 0 ? `${failed} of ${count(total, 'link')} would fail` : `${count(total, 'link')} planned`}`
  return failed > 0
    ? `❌ ln-action: ${failed} of ${count(total, 'link')} failed`
    : `✅ ln-action: ${count(total, 'link')}, none failed`
}

/** The page: the failed links first, then the others, each list as many rows as the budget leaves (tally.ts keeps them). */
export async function writeSummary(
  tally: Tally,
  counts: string,
  where: Where,
  headline = outcome(tally.total, tally.failed.count, where.settings.dryRun)
): Promise<void> {
  const { failed, others } = tally
  const budget = { bytes: TABLE_BYTES, rows: MAX_ROWS }
  const failedRows = fit(failed.first, (r) => failedRow(r, where), budget)
  const otherRows = fit(others.first, (r) => linkRow(r, where), budget)
  // The headline goes out on its own: its emoji would make the whole page a two-byte string, which V8 copies as such
  // and encodes to UTF-8 more slowly (about 7,700 instructions a row).
  const summary = core.summary.addHeading(headline, 3)
  await summary.write()
  summary.addRaw(`<p>${escapeHtml(counts)}</p>`, true)
  if (failedRows.length > 0) {
    summary.addHeading(`Failed (${failed.count})`, 4)
    summary.addRaw(table(['Status', 'Path', 'Target', 'Kind', 'Why', 'What to do'], failedRows), true)
  }
  if (otherRows.length > 0) {
    const title = failed.count > 0 ? `The other links (${others.count})` : `Links (${others.count})`
    const collapsed = otherRows.length > OPEN_ROWS
    summary.addRaw(collapsed ? `<details><summary>${title}</summary>` : `<h4>${title}</h4>`, true)
    summary.addRaw(table(['Status', 'Path', 'Target', 'Kind', 'Warnings'], otherRows), true)
    if (collapsed) summary.addRaw('</details>', true)
  }
  const shown = failedRows.length + otherRows.length
  if (shown < tally.total) {
    summary.addRaw(`<p>${count(tally.total - shown, 'more link')} not shown: see the results-file output.</p>`, true)
  }
  await summary.write()
}
