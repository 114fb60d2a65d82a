// What both forms of a spec share: each entry handed on as it is read, and the check of a path as written.
import type { SpecEntry, SpecProblem } from '../model.js'

/** Each entry handed to `take` as it is read; the problems found are returned. */
export type Take = (entry: SpecEntry) => void

export function checkPathText(value: string, what: string, line: number, problems: SpecProblem[]): void {
  if (value === '') problems.push({ line, message: `${what} is empty` })
  else if (value.includes('\0')) problems.push({ line, message: `${what} contains a NUL byte` })
}
