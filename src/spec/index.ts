// Parse stage: the spec text becomes entries with line numbers, or line-numbered problems. Nothing touches the disk.
import {
  SEPARATOR,
  type LinkOptions,
  type LinkRequest,
  type Settings,
  type SpecEntry,
  type SpecProblem,
  type SpecVerdict
} from '../model.js'
import type { Platform } from '../platform.js'
import type { Take } from './entry.js'
import { parseLines } from './lines.js'
import { Resolver } from './resolve.js'
import { parseYaml } from './yaml.js'

export { resolveEntries } from './resolve.js'
export { junctionNotice, spelledForWindows, WINDOWS_PATH } from './runner.js'

export interface ParsedSpec {
  entries: SpecEntry[]
  problems: SpecProblem[]
}

/**
 * A spec is YAML/JSON when its first entry opens a list: `- `, `[{` or `[` alone (JSON, even on one line whose
 * strings hold ` -> `), or `[` on a line without ` -> ` (so that `[slug].tsx -> x` stays a line). Otherwise it is
 * `PATH -> TARGET` lines.
 */
function isStructured(text: string): boolean {
  const first = text.split(/\r?\n/).find((l) => l.trim() !== '' && !l.trim().startsWith('#'))
  if (first === undefined) return false
  return /^\s*(-(\s|$)|\[\s*(\{|$))/.test(first) || (/^\s*\[/.test(first) && !SEPARATOR.test(first))
}

function parseInto(text: string, defaults: LinkOptions, take: Take): SpecProblem[] {
  // Editors on Windows start files with a byte-order mark; YAML misreads one before `- `.
  const spec = text.replace(/^\uFEFF/, '')
  return isStructured(spec) ? parseYaml(spec, defaults, take) : parseLines(spec, defaults, take)
}

export function parseSpec(text: string, defaults: LinkOptions): ParsedSpec {
  const entries: SpecEntry[] = []
  const problems = parseInto(text, defaults, (entry) => entries.push(entry))
  return { entries, problems }
}

/**
 * The links of a spec, read and resolved in one pass (a spec of 100,000 lines never holds its entries and its
 * requests at once), with the entries this runner settles without making them (verdicts); or the spec's problems,
 * with the entries that were read, and then nothing is to be touched.
 */
export function readSpec(
  text: string,
  { defaults, workingDirectory, confine }: Pick<Settings, 'defaults' | 'workingDirectory' | 'confine'>,
  platform: Platform
): { requests: LinkRequest[]; verdicts: SpecVerdict[] } | { problems: SpecProblem[]; entries: SpecEntry[] } {
  const resolver = new Resolver(workingDirectory, confine, platform)
  const parseProblems = parseInto(text, defaults, (entry) => resolver.add(entry))
  const { requests, verdicts, problems } = resolver.done()
  if (parseProblems.length === 0 && problems.length === 0) return { requests, verdicts }
  return { problems: [...parseProblems, ...problems], entries: parseSpec(text, defaults).entries }
}
