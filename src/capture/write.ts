// Capture, step five: the capture file's text. A YAML list the spec parser reads (so a captured file is a spec),
// sorted by path so that capturing an unchanged tree again writes the same bytes; marks and notes as comments.
import { byName } from './groups.js'
import type { Captured, Mark } from './entries.js'
import type { Note } from './walk.js'
import { spelledForWindows } from '../spec/index.js'

const MARK_WORDS: Record<Mark, string> = {
  'absolute-inside': 'absolute text into the captured root: written back absolute, under the root it is restored to',
  'absolute-outside': 'absolute text outside the captured root: kept as written',
  'leaves-root': 'leads outside the captured root: kept as written',
  dangling: 'dangling when captured: its target did not exist',
  loop: 'dangling when captured: a loop of links (ELOOP)',
  'outside-workspace': 'leads outside the workspace: not followed, so the kind of its target is unknown',
  unreadable: 'its target could not be read when captured, so its kind is unknown',
  other: 'leads to something neither a file nor a directory'
}

/** Plain where YAML reads it back as written under any schema; else double-quoted. */
const PLAIN = /^[A-Za-z0-9_./~+][A-Za-z0-9_./~+=,@%-]*$/

/**
 * A string in double quotes that YAML reads back as the same string: JSON's (a YAML double-quoted scalar), with what
 * YAML may not hold raw (C1 controls, DEL, line and paragraph separators, byte-order marks) escaped too.
 */
function quoted(value: string): string {
  return JSON.stringify(value).replace(
    /[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
}

/** A string as a YAML scalar that reads back as the same string: plain where that is safe. */
export function scalar(value: string): string {
  return PLAIN.test(value) ? value : quoted(value)
}

function entryLines(entry: Captured): string[] {
  const lines = entry.marks.map((mark) => `# ${MARK_WORDS[mark]}`)
  lines.push(`- path: ${scalar(entry.path)}`, `  type: ${entry.type}`)
  if ('text' in entry) lines.push(`  text: ${scalar(entry.text)}`)
  else lines.push(`  target: ${scalar(entry.target)}`)
  if (entry.type === 'symlink' && 'target' in entry) lines.push('  relative: false')
  if (entry.type === 'symlink' && entry.targetType) lines.push(`  target-type: ${entry.targetType}`)
  // Captured names are this runner's own: a `\\` or a leading `C:` in them is a character, not a Windows spelling.
  if ([entry.path, 'text' in entry ? entry.text : entry.target].some(spelledForWindows)) lines.push('  literal: true')
  return lines
}

/** Notes as comments, one line each whatever the name holds. */
function noteLines(heading: string, notes: Note[]): string[] {
  if (notes.length === 0) return []
  const sorted = [...notes].sort((a, b) => byName(a.rel, b.rel))
  return [`# ${heading}:`, ...sorted.map((n) => `#   ${quoted(n.rel)} ${n.why}`)]
}

export interface CaptureText {
  /** The root as the capture input named it, for the header. */
  root: string
  /** The capture file's name, relative to the root. */
  file: string
  entries: Captured[]
  noted: Note[]
  refused: Note[]
  skipped: Note[]
}

/** The capture file: a header, the entries sorted by path, then what was noted, refused or not walked. */
export function captureText({ root, file, entries, noted, refused, skipped }: CaptureText): string {
  const sorted = [...entries].sort((a, b) => byName(a.path, b.path))
  const lines = [
    `# ln-action capture of ${quoted(root)}: a links spec, paths relative to that directory.`,
    `# Restore with working-directory: <where the tree is now>, links: '@${file}' (file relative to it).`,
    ...(sorted.length === 0 ? ['[]'] : sorted.flatMap(entryLines)),
    ...noteLines('noted, not recorded as links', noted),
    ...noteLines('refused', refused),
    ...noteLines('not walked', skipped)
  ]
  return `${lines.join('\n')}\n`
}
