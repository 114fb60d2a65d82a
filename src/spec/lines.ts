// A spec of `PATH -> TARGET` lines: one entry per line, blank lines and `#` comments skipped.
import { SEPARATOR, type LinkOptions, type SpecProblem } from '../model.js'
import { checkPathText, type Take } from './entry.js'

/** SEPARATOR, every occurrence: a line is split on it. */
const SEPARATORS = new RegExp(SEPARATOR, 'g')

/** The text's lines one at a time with their numbers (a spec of 100,000 lines is never split into an array). */
function eachLine(text: string, visit: (raw: string, line: number) => void): void {
  for (let start = 0, line = 1; ; line++) {
    const end = text.indexOf('\n', start)
    // A CR before the LF stays on the line: every line is trimmed.
    if (end < 0) return visit(text.slice(start), line)
    visit(text.slice(start, end), line)
    start = end + 1
  }
}

export function parseLines(text: string, defaults: LinkOptions, take: Take): SpecProblem[] {
  const problems: SpecProblem[] = []
  eachLine(text, (raw, line) => {
    const trimmed = raw.trim()
    if (trimmed === '' || trimmed.startsWith('#')) return
    const parts = trimmed.split(SEPARATORS)
    // Under `state: absent` a line may be PATH alone: any link there goes.
    if (parts.length === 1 && defaults.state === 'absent') parts.push('')
    if (parts.length !== 2) {
      const message =
        parts.length === 1
          ? `expected 'PATH -> TARGET' (with a space on each side of '->'); got '${trimmed}'`
          : `has ${parts.length - 1} ' -> ' separators; a line holds one link 'PATH -> TARGET'`
      problems.push({ line, message })
      return
    }
    const [path, target] = parts.map((p) => p.trim())
    const before = problems.length
    checkPathText(path, 'PATH', line, problems)
    if (target !== '' || defaults.state !== 'absent') checkPathText(target, 'TARGET', line, problems)
    // Every line shares the one defaults object: nothing changes an entry's options once parsed.
    if (problems.length === before) take({ line, path, target, options: defaults })
  })
  return problems
}
