// Entries become requests: PATH and TARGET resolved against the working directory, and what can be checked without
// the disk checked (`..` escapes, duplicates, links to themselves), among the entries this runner makes.
import type { Indexed, LinkRequest, SpecEntry, SpecProblem, SpecVerdict } from '../model.js'
import { keyWithin, pathKey, resolveFrom, resolvedKey, type Platform } from '../platform.js'
import { Dependents } from './dependents.js'
import { LinkKeys } from './keys.js'
import { verdictOn } from './runner.js'

/** The links to make, the entries settled without them (verdicts), and the spec's problems. */
export interface Resolved {
  requests: LinkRequest[]
  verdicts: SpecVerdict[]
  problems: SpecProblem[]
}

/** The entry with PATH and TARGET resolved; whether it waits for another link is not known yet. */
export function requestOf(entry: SpecEntry, workingDirectory: string, platform: Platform): LinkRequest {
  const { path } = platform
  const absPath = resolveFrom(platform, workingDirectory, entry.path)
  // An exact text leads from PATH's directory (as written: `..` after a symlinked directory is not followed).
  const from = entry.text === undefined ? workingDirectory : path.dirname(absPath)
  const target = entry.text ?? entry.target
  // Every field named, in one order: one compact shape for all requests (a spread would not be).
  return {
    line: entry.line,
    endLine: entry.endLine,
    path: entry.path,
    target,
    text: entry.text,
    options: entry.options,
    absPath,
    absTarget: target === '' ? '' : resolveFrom(platform, from, target),
    pathWasRelative: !path.isAbsolute(entry.path),
    targetWasRelative: !path.isAbsolute(target),
    dependsOnEarlier: false
  }
}

/** Where a PATH came first: its line, and (where requests are held) how it was written and resolved. */
type Earlier = Pick<LinkRequest, 'line'> & Partial<LinkRequest>

/**
 * Resolves PATH and TARGET against the working directory, entry by entry, and checks what can be checked without
 * the disk: `..` escapes, duplicates, links to themselves. An entry this runner does not make (verdictOn) is set
 * aside first: it is not checked against the others, so two entries for two OSes may share a PATH. Only with `hold`
 * does it keep the requests and verdicts: a first pass over a spec of 100,000 links keeps the PATHs' keys alone.
 */
export class Resolver {
  readonly problems: SpecProblem[] = []
  readonly requests: LinkRequest[] = []
  readonly verdicts: SpecVerdict[] = []
  /** Each PATH's key, and where it came first: its request's place in `requests` (with `hold`), else its line. */
  readonly keys: LinkKeys
  /** The entries read: the next one's place among the spec's results. */
  entries = 0
  private readonly workingKey: string

  constructor(
    private readonly workingDirectory: string,
    private readonly confine: boolean,
    private readonly platform: Platform,
    private readonly hold = true,
    /** A restore's: the text each symbolic link may have is kept with its key (keys.ts). */
    keepTexts = false
  ) {
    this.workingKey = pathKey(platform, workingDirectory)
    this.keys = new LinkKeys(platform, keepTexts)
  }

  /** The request's problem, if it has one. */
  private check(entry: SpecEntry, request: LinkRequest, key: string, earlier?: Earlier): string | undefined {
    if (this.confine && request.pathWasRelative && !keyWithin(this.platform, this.workingKey, key))
      return `PATH '${entry.path}' leads outside working-directory '${this.workingDirectory}' (confine: true)`
    if (earlier)
      return `PATH '${entry.path}' is already the PATH on line ${earlier.line}${this.caseOnly(request.absPath, earlier)}`
    const toItself = request.absTarget !== '' && key === resolvedKey(this.platform, request.absTarget)
    return toItself ? `PATH '${entry.path}' points at itself` : undefined
  }

  /**
   * Why two spellings are one PATH where they differ only in case: the volume there ignores it. Said where the
   * earlier request is held (a spec with problems is read again holding them all: readSpec).
   */
  private caseOnly(absPath: string, earlier: Earlier): string {
    if (earlier.absPath === undefined) return ''
    if (absPath === earlier.absPath || absPath.toLowerCase() !== earlier.absPath.toLowerCase()) return ''
    const root = this.platform.caseRules.volumeAt(absPath).root || this.platform.path.parse(absPath).root
    return ` ('${earlier.path}' there: the filesystem at ${root} ignores case)`
  }

  /** The entry, read: settled here (a verdict), or a link to make, checked against the entries before it. */
  add(entry: SpecEntry): Indexed | SpecVerdict {
    const index = this.entries++
    const verdict = verdictOn(entry, this.platform)
    if (verdict) {
      const settled = { index, ...verdict }
      if (this.hold) this.verdicts.push(settled)
      return settled
    }
    const request = requestOf(entry, this.workingDirectory, this.platform)
    const key = resolvedKey(this.platform, request.absPath)
    const first = this.keys.add(key, this.hold ? this.requests.length : entry.line, request)
    const earlier = first === undefined ? undefined : this.hold ? this.requests[first] : { line: first }
    const problem = this.check(entry, request, key, earlier)
    if (problem) this.problems.push({ line: entry.line, message: problem })
    if (this.hold) this.requests.push(request)
    return { index, request }
  }

  /** Everything held, each request knowing whether it waits for another. */
  done(): Resolved {
    const dependents = new Dependents(this.keys, this.platform)
    for (const request of this.requests) request.dependsOnEarlier = dependents.of(request)
    return { requests: this.requests, verdicts: this.verdicts, problems: this.problems }
  }
}

export function resolveEntries(
  entries: SpecEntry[],
  workingDirectory: string,
  confine: boolean,
  platform: Platform
): Resolved {
  const resolver = new Resolver(workingDirectory, confine, platform)
  for (const entry of entries) resolver.add(entry)
  return resolver.done()
}
