// What both forms of a spec share: the check of a path as written.
import type { SpecProblem } from '../model.js'

export function checkPathText(value: string, what: string, line: number, problems: SpecProblem[]): void {
  if (value === '') problems.push({ line, message: `${what} is empty` })
  else if (value.includes('\0')) problems.push({ line, message: `${what} contains a NUL byte` })
}
