// Parse stage: the spec text becomes entries with line numbers, or line-numbered problems. Nothing touches the disk.
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml'
import {
  LINK_TYPES,
  OVERWRITE_MODES,
  RELATIVE_MODES,
  SEPARATOR,
  STATES,
  TARGET_TYPES,
  parseKinds,
  type LinkOptions,
  type LinkRequest,
  type Settings,
  type SpecEntry,
  type SpecProblem
} from './model.js'
import { keyWithin, pathKey, resolveFrom, resolvedKey, type Platform } from './platform.js'

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

/** Each entry handed to `take` as it is read; the problems found are returned. */
type Take = (entry: SpecEntry) => void

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

function checkPathText(value: string, what: string, line: number, problems: SpecProblem[]): void {
  if (value === '') problems.push({ line, message: `${what} is empty` })
  else if (value.includes('\0')) problems.push({ line, message: `${what} contains a NUL byte` })
}

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

function parseLines(text: string, defaults: LinkOptions, take: Take): SpecProblem[] {
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

const FIELDS = ['path', 'target', 'type', 'fallback', 'relative', 'overwrite', 'target-type', 'state'] as const

function parseYaml(text: string, defaults: LinkOptions, take: Take): SpecProblem[] {
  const lineCounter = new LineCounter()
  // failsafe: every scalar is text as written, so `path: 1.10` stays "1.10" and `007` stays "007".
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, schema: 'failsafe' })
  const lineOf = (node: { range?: readonly number[] | null } | null | undefined): number =>
    node?.range ? lineCounter.linePos(node.range[0]).line : 1
  const problems: SpecProblem[] = doc.errors.map((e) => ({
    line: e.linePos?.[0].line ?? 1,
    message: `YAML: ${e.message.split('\n')[0]}`
  }))
  if (problems.length > 0) return problems
  if (!isSeq(doc.contents)) return [{ line: 1, message: 'a YAML spec must be a list' }]

  for (const item of doc.contents.items as YamlNode[]) {
    const line = lineOf(item)
    if (!isMap(item)) {
      problems.push({ line, message: 'each list item must be an object with path and target' })
      continue
    }
    const fields = new Map<string, { value: unknown; line: number }>()
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key)
      // toJS with the document resolves aliases (`*anchor`), as YAML writers emit for shared lists.
      const value = (pair.value as YamlNode | null)?.toJS(doc)
      fields.set(key, { value, line: lineOf(pair.key as YamlNode) })
    }
    const entry = entryFromFields(fields, line, defaults, problems)
    const endLine = item.range ? lineCounter.linePos(Math.max(item.range[0], item.range[1] - 1)).line : line
    if (entry) take(endLine > line ? { ...entry, endLine } : entry)
  }
  return problems
}

function entryFromFields(
  fields: Map<string, { value: unknown; line: number }>,
  line: number,
  defaults: LinkOptions,
  problems: SpecProblem[]
): SpecEntry | undefined {
  const before = problems.length
  for (const [key, { line: keyLine }] of fields) {
    if (!(FIELDS as readonly string[]).includes(key)) {
      problems.push({ line: keyLine, message: `unknown field '${key}'; allowed: ${FIELDS.join(', ')}` })
    }
  }
  /** A path field: missing, not text, empty or with a NUL is a problem on the field's own line. */
  const pathField = (name: string): string => {
    const field = fields.get(name)
    if (field === undefined) {
      problems.push({ line, message: `missing '${name}'` })
      return ''
    }
    if (typeof field.value !== 'string' && typeof field.value !== 'number') {
      problems.push({ line: field.line, message: `'${name}' must be a string` })
      return ''
    }
    const value = String(field.value).trim()
    checkPathText(value, `'${name}'`, field.line, problems)
    return value
  }
  const choice = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const field = fields.get(name)
    if (field === undefined) return fallback
    const value =
      typeof field.value === 'string' || typeof field.value === 'boolean' ? String(field.value).toLowerCase() : ''
    const match = allowed.find((a) => a === value)
    if (match) return match
    const got = typeof field.value === 'string' ? field.value : JSON.stringify(field.value)
    problems.push({ line: field.line, message: `'${name}' must be one of ${allowed.join(', ')}; got '${got}'` })
    return fallback
  }
  const options: LinkOptions = {
    type: choice('type', LINK_TYPES, defaults.type),
    fallback: defaults.fallback,
    relative: choice('relative', RELATIVE_MODES, defaults.relative),
    overwrite: choice('overwrite', OVERWRITE_MODES, defaults.overwrite),
    targetType: fields.has('target-type') ? choice('target-type', TARGET_TYPES, 'file') : defaults.targetType,
    state: fields.has('state') ? choice('state', STATES, 'present') : defaults.state
  }
  const fallback = fields.get('fallback')
  if (fallback !== undefined) {
    const items = Array.isArray(fallback.value) ? fallback.value : [fallback.value ?? '']
    if (!items.every((item) => typeof item === 'string')) {
      problems.push({ line: fallback.line, message: "'fallback' must be a list of link kinds or a string" })
    } else {
      const parsed = parseKinds(items.join(','))
      if ('kinds' in parsed) options.fallback = parsed.kinds
      else problems.push({ line: fallback.line, message: `'fallback': ${parsed.problem}` })
    }
  }
  const path = pathField('path')
  // An entry that removes needs only PATH: with TARGET, only a link leading there goes.
  const target = options.state === 'absent' && !fields.has('target') ? '' : pathField('target')
  return problems.length === before ? { line, path, target, options } : undefined
}

/** A TARGET as written, resolved, and as a key to compare (each once, however many links lead there). */
interface Target {
  target: string
  absTarget: string
  key: string
}

/**
 * Resolves PATH and TARGET against the working directory, entry by entry, and checks what can be checked without
 * the disk: `..` escapes, duplicates, links to themselves.
 */
class Resolver {
  readonly problems: SpecProblem[] = []
  readonly requests: LinkRequest[] = []
  /** Each PATH's key, and the request where it came first. */
  private readonly firstOf = new Map<string, number>()
  private readonly workingKey: string
  // Thousands of links share a few targets: one pair of strings for each, not two per link (a run of 100,000 links
  // holds every request).
  private readonly targets = new Map<string, Target>([['', { target: '', absTarget: '', key: '' }]])

  constructor(
    private readonly workingDirectory: string,
    private readonly confine: boolean,
    private readonly platform: Platform
  ) {
    this.workingKey = pathKey(platform, workingDirectory)
  }

  private targetOf(target: string): Target {
    let found = this.targets.get(target)
    if (found === undefined) {
      const absTarget = resolveFrom(this.platform, this.workingDirectory, target)
      found = { target, absTarget, key: resolvedKey(this.platform, absTarget) }
      this.targets.set(target, found)
    }
    return found
  }

  /** The entry's problem, if it has one; `earlier`: the request where its PATH came first. */
  private check(
    entry: SpecEntry,
    absPath: string,
    key: string,
    target: Target,
    relative: boolean,
    earlier?: LinkRequest
  ): string | undefined {
    if (this.confine && relative && !keyWithin(this.platform, this.workingKey, key))
      return `PATH '${entry.path}' leads outside working-directory '${this.workingDirectory}' (confine: true)`
    if (earlier)
      return `PATH '${entry.path}' is already the PATH on line ${earlier.line}${this.caseOnly(absPath, earlier)}`
    return key === target.key ? `PATH '${entry.path}' points at itself` : undefined
  }

  /** Why two spellings are one PATH where they differ only in case: the volume there ignores it. */
  private caseOnly(absPath: string, earlier: LinkRequest): string {
    if (absPath === earlier.absPath || absPath.toLowerCase() !== earlier.absPath.toLowerCase()) return ''
    const root = this.platform.caseRules.volumeAt(absPath).root || this.platform.path.parse(absPath).root
    return ` ('${earlier.path}' there: the filesystem at ${root} ignores case)`
  }

  add(entry: SpecEntry): void {
    const { path } = this.platform
    const absPath = resolveFrom(this.platform, this.workingDirectory, entry.path)
    const target = this.targetOf(entry.target)
    const pathWasRelative = !path.isAbsolute(entry.path)
    const key = resolvedKey(this.platform, absPath)
    const first = this.firstOf.get(key)
    const earlier = first === undefined ? undefined : this.requests[first]
    const problem = this.check(entry, absPath, key, target, pathWasRelative, earlier)
    if (problem) this.problems.push({ line: entry.line, message: problem })
    if (first === undefined) this.firstOf.set(key, this.requests.length)
    // Every field named, in one order: one compact shape for all requests (a spread would not be).
    this.requests.push({
      line: entry.line,
      endLine: entry.endLine,
      path: entry.path,
      target: target.target,
      options: entry.options,
      absPath,
      absTarget: target.absTarget,
      pathWasRelative,
      targetWasRelative: !path.isAbsolute(target.target),
      dependsOnEarlier: false
    })
  }

  done(): { requests: LinkRequest[]; problems: SpecProblem[] } {
    markDependents(this.requests, this.firstOf, this.platform)
    return { requests: this.requests, problems: this.problems }
  }
}

export function resolveEntries(
  entries: SpecEntry[],
  workingDirectory: string,
  confine: boolean,
  platform: Platform
): { requests: LinkRequest[]; problems: SpecProblem[] } {
  const resolver = new Resolver(workingDirectory, confine, platform)
  for (const entry of entries) resolver.add(entry)
  return resolver.done()
}

/**
 * The links of a spec, read and resolved in one pass (a spec of 100,000 lines never holds its entries and its
 * requests at once); or the spec's problems, with the entries that were read, and then nothing is to be touched.
 */
export function readSpec(
  text: string,
  { defaults, workingDirectory, confine }: Pick<Settings, 'defaults' | 'workingDirectory' | 'confine'>,
  platform: Platform
): { requests: LinkRequest[] } | { problems: SpecProblem[]; entries: SpecEntry[] } {
  const resolver = new Resolver(workingDirectory, confine, platform)
  const parseProblems = parseInto(text, defaults, (entry) => resolver.add(entry))
  const { requests, problems } = resolver.done()
  if (parseProblems.length === 0 && problems.length === 0) return { requests }
  return { problems: [...parseProblems, ...problems], entries: parseSpec(text, defaults).entries }
}

/** A link whose PATH or TARGET lies below another entry's PATH sees that link, so it must wait for it. */
function markDependents(requests: LinkRequest[], linkPaths: Map<string, number>, platform: Platform): void {
  const { path } = platform
  // Thousands of links share a few directories: answer each directory once.
  const known = new Map<string, boolean>()
  const underALink = (start: string): boolean => {
    let answer = known.get(start)
    if (answer === undefined) {
      const parent = path.dirname(start)
      answer = linkPaths.has(resolvedKey(platform, start)) || (parent !== start && underALink(parent))
      known.set(start, answer)
    }
    return answer
  }
  for (const request of requests) {
    // A TARGET that is another entry's PATH counts too: it exists only once that link is made.
    request.dependsOnEarlier =
      underALink(path.dirname(request.absPath)) || (request.absTarget !== '' && underALink(request.absTarget))
  }
}
