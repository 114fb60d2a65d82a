// The job summary as people see it (issue 14): dist/index.js run as the runner runs it, the GITHUB_STEP_SUMMARY it
// wrote rendered with a GitHub-flavoured Markdown parser and GitHub's sanitizer allow-list, shown in headless
// Chromium. Assertions read the page (innerText, roles, visibility), never the raw HTML.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { Page } from 'playwright-core'
import { describePosixWithActionNode, NODE, runAction, tempWorkspace } from './helpers/action.js'
import { describeUnless } from './helpers/skip.js'
import {
  artifact,
  expandAll,
  LEAKED,
  openSummary,
  readable,
  type Reader,
  type Row,
  startReader,
  tableRows
} from './helpers/summary.js'

interface Result {
  path: string
  text: string
  status: string
  code: string
  hint: string
}

// One browser for the whole file; where none starts, the suites that need it skip and say why, except where
// LN_ACTION_BROWSER_REQUIRED says one was installed (.ci/run): there, not starting is a failure.
const reader = NODE && process.platform !== 'win32' ? await startReader() : undefined
afterAll(async () => {
  if (typeof reader === 'object') await reader.close()
})
const withoutBrowser = (name: string, fn: () => void): void =>
  process.env.LN_ACTION_BROWSER_REQUIRED
    ? describe(name, () => it('starts Chromium (LN_ACTION_BROWSER_REQUIRED is set)', () => expect(reader).toBe('')))
    : describeUnless(String(reader))(name, fn)
const describeInBrowser = typeof reader === 'string' ? withoutBrowser : describePosixWithActionNode

const isFailure = (r: Result): boolean => r.status === 'failed' || r.status === 'skipped'

/** A YAML list, every string quoted as JSON (so `|`, `<`, quotes and backticks stay part of the path). */
const yamlSpec = (links: [string, string][]): string =>
  links.map(([p, t]) => `- path: ${JSON.stringify(p)}\n  target: ${JSON.stringify(t)}`).join('\n') + '\n'

/** The action in a fresh workspace, on links whose targets are files under data/, plus what setup() puts there. */
function run(
  links: [string, string][],
  setup: (ws: string) => void,
  inputs: Record<string, string> = {}
): { summary: string; results: Result[] } {
  const ws = tempWorkspace('ln-action-summary-')
  try {
    fs.mkdirSync(path.join(ws, 'data'))
    for (const [, target] of links) fs.writeFileSync(path.join(ws, target), 'x')
    setup(ws)
    const done = runAction(ws, { links: yamlSpec(links), overwrite: 'never', 'fail-on-error': 'false', ...inputs })
    expect(done.status).toBe(0)
    const results = (done.results as Result[]).map((r) => ({ ...r, path: path.relative(ws, r.path) }))
    return { summary: done.summary, results }
  } finally {
    fs.rmSync(ws, { recursive: true, force: true })
  }
}

/** The one row whose Path cell is exactly this path (undefined when there is none or more than one). */
const rowOf = (rows: Row[], p: string): Row | undefined => {
  const found = rows.filter((row) => row.cells.path === p)
  return found.length === 1 ? found[0] : undefined
}

/** `7 created` or `created: 7`, as a counts line may say it. */
const says = (n: number, word: string): RegExp => new RegExp(`\\b${n}\\s+${word}|${word}:?\\s+${n}\\b`, 'i')

/** Paths a Markdown table, an HTML escaper or an encoding could each break. */
const HOSTILE = ['a|b', 'x<y>&z', `q"'\`tick\``, 'é日本🎉', '*star*_under_', 'gt>amp&']

describeInBrowser('the job summary, rendered as GitHub renders it, read in Chromium', () => {
  // Failures last in the spec, so "failures first" is the summary's doing.
  const links: [string, string][] = [
    ...HOSTILE.map((name, i): [string, string] => [`links/${name}`, `data/${i}-${name}.txt`]),
    ['links/plain', 'data/plain.txt'],
    ['taken <&> é日本', 'data/for-taken.txt'],
    ['notadir/child|"', 'data/for-child.txt']
  ]
  let results: Result[]
  let page: Page
  let rows: Row[]
  let text: string

  beforeAll(async () => {
    ;({ summary: text, results } = run(links, (ws) => {
      fs.writeFileSync(path.join(ws, 'taken <&> é日本'), 'already here') // EEXIST under overwrite: never
      fs.writeFileSync(path.join(ws, 'notadir'), 'a file, not a directory') // ENOTDIR
    }))
    page = await openSummary(reader as Reader, text)
    await expandAll(page)
    await page.screenshot({ path: artifact('summary.png'), fullPage: true })
    rows = await tableRows(page)
    text = await page.locator('body').innerText()
  })

  it('the run had the failures this suite reads about', () => {
    expect(results.filter(isFailure).map((r) => r.code)).toEqual(['EEXIST', 'ENOTDIR'])
    expect(results).toHaveLength(links.length)
  })

  it('shows one row per link, with every path intact (|, <, &, >, quotes, backticks, é, 日本, emoji)', async () => {
    expect(rows).toHaveLength(results.length)
    for (const r of results) {
      expect(rowOf(rows, r.path)).toBeDefined()
      // The accessibility tree agrees: one cell named exactly this path.
      await expect(page.getByRole('cell', { name: r.path, exact: true }).count()).resolves.toBe(1)
    }
  })

  it("shows each link's status, and for a made link the link text on disk, intact", () => {
    for (const r of results) expect((rowOf(rows, r.path) as Row).cells.status).toContain(r.status)
    const made = results.filter((r) => !isFailure(r))
    expect(made.length).toBeGreaterThan(0)
    for (const r of made) expect((rowOf(rows, r.path) as Row).text).toContain(r.text)
  })

  it('lists the failures before the links that worked', () => {
    const failing = rows.map((row) => /failed|skipped/.test(row.cells.status))
    expect(failing.indexOf(false)).toBeGreaterThan(failing.lastIndexOf(true))
  })

  it('says how many links there were, how many were made and how many failed', () => {
    const created = results.filter((r) => r.status === 'created').length
    const failed = results.filter(isFailure).length
    const line = text.split('\n').find((l) => l.includes(String(results.length)) && says(created, 'created').test(l))
    expect(line).toMatch(says(failed, 'failed'))
  })

  it("shows a failed link's errno and its hint, readable", () => {
    for (const r of results.filter(isFailure)) {
      const row = readable((rowOf(rows, r.path) as Row).text)
      expect(row).toContain(r.code)
      expect(row).toContain(readable(r.hint))
    }
  })

  // What happened and what to do are told apart.
  it('sets the hint apart from the message (its own line or cell, or labelled)', () => {
    for (const r of results.filter(isFailure)) {
      const parts = (rowOf(rows, r.path) as Row).text.split(/[\n\t]/).map((s) => readable(s))
      const unlabelled = parts.map((s) => s.replace(/^\W*(hint|fix|what to do)\b\W*/i, ''))
      expect(unlabelled.some((s) => s.startsWith(readable(r.hint)))).toBe(true)
    }
  })

  // The options a hint names read as code, as GitHub shows them everywhere else.
  it('shows the options a hint names as code, not between literal backticks', async () => {
    for (const r of results.filter(isFailure)) {
      for (const [quoted, option] of r.hint.matchAll(/`([^`]+)`/g)) {
        expect((rowOf(rows, r.path) as Row).text).not.toContain(quoted)
        await expect(page.getByRole('code').filter({ hasText: option }).count()).resolves.toBeGreaterThan(0)
      }
    }
  })

  it('says first of all whether links failed', () => {
    const first = text.split('\n').find((l) => l.trim() !== '')
    expect(first).toMatch(/fail/i)
  })

  it('shows no markup, entity or escape sequence as text', () => {
    expect(text).not.toMatch(LEAKED)
    expect(text).not.toContain('\u001b')
  })
})

describeInBrowser('a long job summary (300 links, 3 failing)', () => {
  const links = Array.from({ length: 300 }, (_, i): [string, string] => [
    i < 297 ? `made/l${i}` : `notadir/l${i}`,
    `data/t${i}`
  ])
  let results: Result[]
  let page: Page

  beforeAll(async () => {
    const done = run(links, (ws) => fs.writeFileSync(path.join(ws, 'notadir'), 'a file'))
    results = done.results
    page = await openSummary(reader as Reader, done.summary)
    await page.screenshot({ path: artifact('summary-long.png'), fullPage: true })
  })

  it('shows the failures and collapses the links that need no attention', async () => {
    const rows = await tableRows(page)
    const failed = results.filter(isFailure).map((r) => r.path)
    expect(rows.filter((row) => row.visible).map((row) => row.cells.path)).toEqual(failed)
  })

  it('shows every link, failures first, once the reader opens what is collapsed', async () => {
    await expandAll(page)
    const rows = await tableRows(page)
    expect(rows.map((row) => row.cells.path).sort()).toEqual(results.map((r) => r.path).sort())
    expect(rows.slice(0, 3).map((row) => row.cells.status)).toEqual(['failed', 'failed', 'failed'])
  })
})

describePosixWithActionNode('the job summary of 100,000 failing links', () => {
  const count = 100_000
  let summary: string

  beforeAll(() => {
    const spec = Array.from({ length: count }, (_, i) => `notadir/l${i} -> t${i}\n`).join('')
    const setup = (ws: string): void => {
      fs.writeFileSync(path.join(ws, 'notadir'), 'a file') // every link fails at once: ENOTDIR
      fs.writeFileSync(path.join(ws, 'big.txt'), spec)
    }
    ;({ summary } = run([], setup, { links: '@big.txt' }))
  }, 120_000)

  it('stays under the 1 MiB GitHub accepts', () => {
    expect(Buffer.byteLength(summary)).toBeLessThan(1024 * 1024)
  })

  describeInBrowser('read in Chromium', () => {
    it('says how many links it does not show, and where they are (the results-file output)', async () => {
      const page = await openSummary(reader as Reader, summary)
      await expandAll(page)
      const shown = (await tableRows(page)).length
      const text = await page.locator('body').innerText()
      expect(shown).toBeLessThan(count)
      expect(text).toContain(String(count - shown))
      expect(text).toContain('results-file')
    }, 60_000)
  })
})
