// A spec of `PATH -> TARGET` lines: one entry per line, blank lines and `#` comments skipped.
import { SEPARATOR, type LinkOptions, type SpecEntry, type SpecProblem } from '../model.js'
import { checkPathText } from './entry.js'
import type { SpecText } from './text.js'

/** SEPARATOR, every occurrence: a line is split on it. */
const SEPARATORS = new RegExp(SEPARATOR, 'g')

/**
 * The text's lines one at a time, each with its number in `line`: a spec of 100,000 lines is never split into an
 * array, nor held whole (each piece ends after a new line, so no line spans two).
 */
class LineReader {
  line = 0
  private text = ''
  private start = 0
  private readonly pieces: Iterator<string>

  constructor(spec: SpecText) {
    this.pieces = spec.pieces()[Symbol.iterator]()
  }

  /** Let go of the text (a file's pieces close it): where the lines are not read to the end. */
  close(): void {
    this.pieces.return?.()
  }

  /** The next line, without its new line (a CR before it stays: every line is trimmed); undefined at the end. */
  next(): string | undefined {
    while (this.start >= this.text.length) {
      const piece = this.pieces.next()
      if (piece.done) return undefined
      this.text = piece.value
      this.start = 0
    }
    const found = this.text.indexOf('\n', this.start)
    const end = found < 0 ? this.text.length : found
    const raw = this.text.slice(this.start, end)
    this.start = end + 1
    this.line++
    return raw
  }
}

/**
 * PATH and TARGET as a line spells them, or its parts where it has not one separator. Most lines hold one ` -> `
 * and no other `->`, which is found without the regular expression (a tenth of a re-run's time went to it): the
 * first `->` has a space on each side, and no other follows it.
 */
function partsOf(trimmed: string): string[] {
  const arrow = trimmed.indexOf('->')
  const once =
    arrow > 0 && trimmed[arrow - 1] === ' ' && trimmed[arrow + 2] === ' ' && trimmed.indexOf('->', arrow + 2) < 0
  if (once) return [trimmed.slice(0, arrow - 1).trim(), trimmed.slice(arrow + 3).trim()]
  return trimmed.split(SEPARATORS).map((p) => p.trim())
}

/** The first line that holds more than white space and is not a comment; undefined for none. */
export function firstLine(spec: SpecText): string | undefined {
  const lines = new LineReader(spec)
  try {
    for (let raw; (raw = lines.next()) !== undefined;) {
      const trimmed = raw.trim()
      if (trimmed !== '' && !trimmed.startsWith('#')) return raw
    }
    return undefined
  } finally {
    lines.close()
  }
}

/** The entry a line holds, if any: undefined for a blank line, a comment, or a line with a problem (put in `problems`). */
function entryOf(raw: string, line: number, defaults: LinkOptions, problems: SpecProblem[]): SpecEntry | undefined {
  const trimmed = raw.trim()
  if (trimmed === '' || trimmed.startsWith('#')) return undefined
  const parts = partsOf(trimmed)
  // Under `state: absent` a line may be PATH alone: any link there goes.
  if (parts.length === 1 && defaults.state === 'absent') parts.push('')
  if (parts.length !== 2) {
    const message =
      parts.length === 1
        ? `expected 'PATH -> TARGET' (with a space on each side of '->'); got '${trimmed}'`
        : `has ${parts.length - 1} ' -> ' separators; a line holds one link 'PATH -> TARGET'`
    problems.push({ line, message })
    return undefined
  }
  const [path, target] = parts
  const before = problems.length
  checkPathText(path, 'PATH', line, problems)
  if (target !== '' || defaults.state !== 'absent') checkPathText(target, 'TARGET', line, problems)
  // Every line shares the one defaults object: nothing changes an entry's options once parsed.
  return problems.length === before ? { line, path, target, options: defaults } : undefined
}

/** Each entry as its line is read; each line's problems into `problems`. */
export function* parseLines(spec: SpecText, defaults: LinkOptions, problems: SpecProblem[]): Generator<SpecEntry> {
  const lines = new LineReader(spec)
  try {
    for (let raw; (raw = lines.next()) !== undefined;) {
      const entry = entryOf(raw, lines.line, defaults, problems)
      if (entry) yield entry
    }
  } finally {
    lines.close()
  }
}
