// How results read, wherever they are shown (log, annotations, job summary): words, paths and safe text.
import { kindWords, type Fallback, type LinkResult, type Settings } from './model.js'
import { relativeInside, type Platform } from './platform.js'

/** What the report needs besides the results: the settings, the workspace, the platform. */
export interface Where {
  settings: Settings
  workspace: string
  platform: Platform
}

// eslint-disable-next-line no-control-regex -- control characters are what safeForLog shows instead of obeying
const CONTROL = /[\x00-\x1f\x7f]/g
// eslint-disable-next-line no-control-regex -- the same characters, found without the g flag's state
const HAS_CONTROL = /[\x00-\x1f\x7f]/

/** Control characters shown, not obeyed: a newline in a path must not start a workflow command. */
export function safeForLog(text: string): string {
  // Nearly every line has none: a test is cheaper than a replace that finds nothing (every link, in the log).
  if (!HAS_CONTROL.test(text)) return text
  return text.replace(CONTROL, (c) =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`
  )
}

const HTML_SPECIAL = /[&<>"'`]/g
// eslint-disable-next-line no-control-regex -- what escapeHtml changes: the characters above and control characters
const ESCAPED = /[&<>"'`\x00-\x1f\x7f]/

export function escapeHtml(text: string): string {
  // Nearly every cell has none: one test is cheaper than the replace, which calls into the runtime (every cell).
  if (!ESCAPED.test(text)) return text
  return safeForLog(text).replace(HTML_SPECIAL, (c) => `&#${c.charCodeAt(0)};`)
}

/** `1 link`, `2 links`: a count as English says it. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}

/**
 * What the job summary and the annotations show of a result. The report keeps copies of the few it shows, not the
 * results themselves: V8 allocates results where the first ones, all kept, made it expect each to live long (in the
 * old generation, which only a full collection frees), and a run of 100,000 failed links then grew by over 100 MB.
 */
export type Shown = Omit<LinkResult, 'code' | 'errno' | 'syscall' | 'filesystem' | 'knowable' | 'probe'>

/** A copy of what is shown of `r`, its arrays and objects too (they were made with it). */
export function shown(r: LinkResult): Shown {
  const { line, endLine, path, target, text, type, kind, status, plan, message, hint } = r
  const fallback = r.fallback && { ...r.fallback }
  return {
    line,
    endLine,
    path,
    target,
    text,
    type,
    kind,
    status,
    plan,
    fallback,
    message,
    hint,
    warnings: [...r.warnings]
  }
}

/** Nothing was at PATH, and nothing was to be (`state: absent` on a PATH already gone): there is no kind to name. */
export function nothingThere(r: Shown): boolean {
  return r.kind === '' && (r.status === 'unchanged' || (r.status === 'planned' && r.plan === 'unchanged'))
}

/** The spec's fallback at work, as the log says it: asked for, not possible here, and why. */
export function fallbackWords({ asked, instead, why }: Fallback): string {
  return `fallback: a ${kindWords(instead)} instead of the ${kindWords(asked)} asked for: ${why}`
}

/** A dry run says what a real run would do; what would stay as it is is simply unchanged. */
export function statusWords(r: Shown): string {
  if (r.status !== 'planned' || !r.plan) return r.status
  return r.plan === 'unchanged' ? 'unchanged' : `would ${r.plan}`
}

export function isFailure(r: Shown): boolean {
  return r.status === 'failed' || r.status === 'skipped' || (r.status === 'planned' && r.plan === 'fail')
}

/** PATH as the log and summary show it: relative to working-directory when inside it. */
export function displayPath(p: string, { settings, platform }: Where): string {
  const wd = settings.workingDirectory
  // Most paths are plain names below working-directory: a prefix says so without path.relative (every link, twice).
  // Compared as a substring: Node 24's startsWith takes several times as long with a prefix this long.
  if (wd.length > 1 && p[wd.length] === platform.path.sep && p.substring(0, wd.length) === wd)
    return p.slice(wd.length + 1)
  return relativeInside(platform, wd, p) || p
}
