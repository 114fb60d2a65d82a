// A spec of `PATH -> TARGET` lines: one entry per line, blank lines and `#` comments skipped.
import { SEPARATOR, type LinkOptions, type SpecEntry, type SpecProblem } from '../model.js'
import { checkPathText } from './entry.js'
import type { SpecText } from './text.js'

/** SEPARATOR, every occurrence: a line is split on it. */
const SEPARATORS = new RegExp(SEPARATOR, 'g')

/**
 * The text's lines one at a time with their numbers: a spec of 100,000 lines is never split into an array, nor held
 * whole (each piece ends after a new line, so no line spans two).
 */
function* eachLine(spec: SpecText): Generator<[raw: string, line: number]> {
  let line = 1
  for (const text of spec.pieces()) {
    let start = 0
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start), line++) {
      // A CR before the LF stays on the line: every line is trimmed.
      yield [text.slice(start, end), line]
      start = end + 1
    }
    if (start < text.length) yield [text.slice(start), line]
  }
}

/** The first line that holds more than white space and is not a comment; undefined for none. */
export function firstLine(spec: SpecText): string | undefined {
  for (const [raw] of eachLine(spec)) {
    const trimmed = raw.trim()
    if (trimmed !== '' && !trimmed.startsWith('#')) return raw
  }
  return undefined
}

/** Each entry as its line is read; each line's problems into `problems`. */
export function* parseLines(spec: SpecText, defaults: LinkOptions, problems: SpecProblem[]): Generator<SpecEntry> {
  for (const [raw, line] of eachLine(spec)) {
    const trimmed = raw.trim()
    if (trimmed === '' || trimmed.startsWith('#')) continue
    const parts = trimmed.split(SEPARATORS)
    // Under `state: absent` a line may be PATH alone: any link there goes.
    if (parts.length === 1 && defaults.state === 'absent') parts.push('')
    if (parts.length !== 2) {
      const message =
        parts.length === 1
          ? `expected 'PATH -> TARGET' (with a space on each side of '->'); got '${trimmed}'`
          : `has ${parts.length - 1} ' -> ' separators; a line holds one link 'PATH -> TARGET'`
      problems.push({ line, message })
      continue
    }
    const [path, target] = parts.map((p) => p.trim())
    const before = problems.length
    checkPathText(path, 'PATH', line, problems)
    if (target !== '' || defaults.state !== 'absent') checkPathText(target, 'TARGET', line, problems)
    // Every line shares the one defaults object: nothing changes an entry's options once parsed.
    if (problems.length === before) yield { line, path, target, options: defaults }
  }
}
