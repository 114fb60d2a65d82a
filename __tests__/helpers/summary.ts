// The job summary as a reader sees it: the Markdown the action wrote, rendered by a GitHub-flavoured parser and
// sanitized with GitHub's allow-list (hast-util-sanitize's default schema), loaded in a real headless Chromium.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import rehypeRaw from 'rehype-raw'
import rehypeSanitize from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { ROOT } from '../../scripts/run-action.mjs'

/**
 * The browser the machine has, never a downloaded one: Google Chrome on GitHub's Ubuntu runners, where the image
 * sets CHROME_BIN (actions/runner-images, images/ubuntu/scripts/build/install-google-chrome.sh), else Debian's
 * (`apt-get install chromium`; Ubuntu's package of that name only installs a snap).
 */
export const BROWSER = process.env.CHROME_BIN || '/usr/bin/chromium'
/** Screenshots kept for people (and uploaded by ci.yml); gitignored. */
export const ARTIFACTS = path.join(ROOT, '__tests__', '_artifacts')

/** Roughly GitHub's look, so the screenshot reads like the job page; the assertions do not depend on it. */
const STYLE = `body { font: 14px/1.5 "DejaVu Sans", "Noto Sans CJK JP", "Noto Color Emoji", sans-serif; margin: 16px;
  max-width: 1000px; color: #1f2328 }
table { border-collapse: collapse } th, td { border: 1px solid #d1d9e0; padding: 6px 13px; vertical-align: top }
tr:nth-child(2n) { background: #f6f8fa } code { background: #eff1f3; padding: 0.2em 0.4em; border-radius: 6px }`

/** The summary file's Markdown as GitHub would show it: a whole HTML page, sanitized. */
export async function renderSummary(markdown: string): Promise<string> {
  const body = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeSanitize)
    .use(rehypeStringify)
    .process(markdown)
  return `<!doctype html><html><head><meta charset="utf-8"><style>${STYLE}</style></head><body>${body}</body></html>`
}

export interface Reader {
  context: BrowserContext
  close(): Promise<void>
}

/** The browser started once for a suite, or why it cannot start here (the suite then skips, saying so). */
export async function startReader(): Promise<Reader | string> {
  if (!fs.existsSync(BROWSER))
    return `no browser at ${BROWSER} (on Debian: apt-get install chromium; or set CHROME_BIN)`
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ln-action-chromium-'))
  const args = ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking']
  args.push('--disable-component-update', '--disable-sync')
  if (process.getuid?.() === 0) args.push('--no-sandbox') // Chromium refuses to start as root with its sandbox
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: BROWSER,
      headless: true,
      args,
      timeout: 30_000
    })
    // The page is self-contained: nothing it might name is fetched.
    await context.route(/^(?!data:|about:)/, (route) => route.abort())
    const close = async (): Promise<void> => {
      await context.close()
      fs.rmSync(profile, { recursive: true, force: true })
    }
    return { context, close }
  } catch (e) {
    fs.rmSync(profile, { recursive: true, force: true })
    return `${BROWSER} did not start: ${String((e as Error).message ?? e).split('\n')[0]}`
  }
}

/** A new tab showing this summary. */
export async function openSummary(reader: Reader, markdown: string): Promise<Page> {
  const page = await reader.context.newPage()
  await page.setContent(await renderSummary(markdown))
  return page
}

/** What a reader does to see everything: open every collapsed section. */
export async function expandAll(page: Page): Promise<void> {
  for (const summary of await page.locator('details:not([open]) > summary').all()) await summary.click()
}

export interface Row {
  /** Cell texts, keyed by the column's header (lower case). */
  cells: Record<string, string>
  /** The whole row as innerText shows it: cells separated by tabs. */
  text: string
  /** Whether a reader sees it now (not inside a closed `<details>`). */
  visible: boolean
}

/** Every data row of every table, in page order. */
export function tableRows(page: Page): Promise<Row[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('table')].flatMap((table) => {
      const header = [...table.querySelectorAll('th')].map((th) => th.innerText.trim().toLowerCase())
      return [...table.querySelectorAll('tr')]
        .filter((tr) => tr.querySelector('td'))
        .map((tr) => ({
          cells: Object.fromEntries([...tr.querySelectorAll('td')].map((td, i) => [header[i] ?? `${i}`, td.innerText])),
          text: tr.innerText,
          visible: tr.checkVisibility()
        }))
    })
  )
}

/** Text as a reader compares it: white space collapsed, code spans' backticks gone (GitHub shows them as code). */
export function readable(text: string): string {
  return text.replace(/`/g, '').replace(/\s+/g, ' ').trim()
}

/** Markup or escapes that leaked into the visible text: a tag, an entity, an ANSI escape spelled out or its tail. */
export const LEAKED =
  /<\/?(?:table|tr|td|th|thead|tbody|h[1-6]|details|summary|code|pre|br|p|b|i|strong|em|ul|ol|li|a|div|span)\b[^>]*>|&(?:[a-z]+|#\d+|#x[\da-f]+);|\\x1b|\\u001b|\\033|\[\d+(?:;\d+)*m/i

/** Where a screenshot goes; the directory is made on demand. */
export function artifact(name: string): string {
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  return path.join(ARTIFACTS, name)
}
