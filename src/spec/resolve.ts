// Entries become requests: PATH and TARGET resolved against the working directory, and what can be checked without
// the disk checked (`..` escapes, duplicates, links to themselves), among the entries this runner makes.
import type { LinkRequest, SpecEntry, SpecProblem, SpecVerdict } from '../model.js'
import { keyWithin, pathKey, resolveFrom, resolvedKey, type Platform } from '../platform.js'
import { markDependents } from './dependents.js'
import { verdictOn } from './runner.js'

/** A TARGET as written, resolved, and as a key to compare (each once, however many links lead there). */
interface Target {
  target: string
  absTarget: string
  key: string
}

/** The links to make, the entries settled without them (verdicts), and the spec's problems. */
export interface Resolved {
  requests: LinkRequest[]
  verdicts: SpecVerdict[]
  problems: SpecProblem[]
}

/**
 * Resolves PATH and TARGET against the working directory, entry by entry, and checks what can be checked without
 * the disk: `..` escapes, duplicates, links to themselves. An entry this runner does not make (verdictOn) is set
 * aside first: it is not checked against the others, so two entries for two OSes may share a PATH.
 */
export class Resolver {
  readonly problems: SpecProblem[] = []
  readonly requests: LinkRequest[] = []
  readonly verdicts: SpecVerdict[] = []
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

  /** An exact text leads from PATH's directory (as written: `..` after a symlinked directory is not followed). */
  private textTarget(text: string, absPath: string): Target {
    const absTarget = resolveFrom(this.platform, this.platform.path.dirname(absPath), text)
    return { target: text, absTarget, key: resolvedKey(this.platform, absTarget) }
  }

  add(entry: SpecEntry): void {
    const verdict = verdictOn(entry, this.platform)
    if (verdict) return void this.verdicts.push({ index: this.requests.length + this.verdicts.length, ...verdict })
    const { path } = this.platform
    const absPath = resolveFrom(this.platform, this.workingDirectory, entry.path)
    const target = entry.text === undefined ? this.targetOf(entry.target) : this.textTarget(entry.text, absPath)
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
      text: entry.text,
      options: entry.options,
      absPath,
      absTarget: target.absTarget,
      pathWasRelative,
      targetWasRelative: !path.isAbsolute(target.target),
      dependsOnEarlier: false
    })
  }

  done(): Resolved {
    markDependents(this.requests, this.firstOf, this.platform)
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
