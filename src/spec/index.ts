// Parse stage: the spec text becomes entries with line numbers, or line-numbered problems. Nothing touches the disk.
import {
  SEPARATOR,
  type Indexed,
  type LinkOptions,
  type LinkRequest,
  type Settings,
  type SpecEntry,
  type SpecProblem,
  type SpecVerdict
} from '../model.js'
import { resolvedKey, type Platform } from '../platform.js'
import { Dependents } from './dependents.js'
import type { LinkKeys } from './keys.js'
import { firstLine, parseLines } from './lines.js'
import { requestOf, resolveEntries, Resolver } from './resolve.js'
import { asksJunction, verdictOn } from './runner.js'
import { specText, wholeText, type SpecText } from './text.js'
import { parseYaml } from './yaml.js'

export { resolveEntries } from './resolve.js'
export { junctionNotice, spelledForWindows, WINDOWS_PATH } from './runner.js'
export { specFile, specText, type SpecText } from './text.js'

export interface ParsedSpec {
  entries: SpecEntry[]
  problems: SpecProblem[]
}

/**
 * A spec is YAML/JSON when its first entry opens a list: `- `, `[{` or `[` alone (JSON, even on one line whose
 * strings hold ` -> `), or `[` on a line without ` -> ` (so that `[slug].tsx -> x` stays a line). Otherwise it is
 * `PATH -> TARGET` lines.
 */
function isStructured(spec: SpecText): boolean {
  const first = firstLine(spec)
  if (first === undefined) return false
  return /^\s*(-(\s|$)|\[\s*(\{|$))/.test(first) || (/^\s*\[/.test(first) && !SEPARATOR.test(first))
}

/** Each entry as it is read (a YAML spec is parsed whole first); the problems found go into `problems`. */
function entriesOf(spec: SpecText, defaults: LinkOptions, problems: SpecProblem[]): Iterable<SpecEntry> {
  return isStructured(spec) ? parseYaml(wholeText(spec), defaults, problems) : parseLines(spec, defaults, problems)
}

export function parseSpec(text: string | SpecText, defaults: LinkOptions): ParsedSpec {
  const problems: SpecProblem[] = []
  const entries = [...entriesOf(typeof text === 'string' ? specText(text) : text, defaults, problems)]
  return { entries, problems }
}

type SpecSettings = Pick<Settings, 'defaults' | 'workingDirectory' | 'confine' | 'confineTargets'>

/**
 * Entries a spec may have and still be held from its check to its making: read once, not twice. Reading again saves
 * memory only where the spec is big; 16,384 requests of 200-character paths are about 10 MB.
 */
export const HELD_WHOLE = 16_384

/** Every entry of a small spec as its check read it; undefined once the spec outgrew HELD_WHOLE. */
type Read = (Indexed | SpecVerdict)[] | undefined

/**
 * A spec checked whole, whose links are handed on in spec order as they are made: a small spec's as the check read
 * them, a bigger one's read again, so that a spec of 100,000 links is never held whole, nor are its requests; the
 * PATHs' keys are (keys.ts).
 */
export class SpecLinks {
  constructor(
    private readonly spec: SpecText,
    private readonly settings: SpecSettings,
    private readonly platform: Platform,
    private readonly keys: LinkKeys,
    /** How many results the spec has: a link or a verdict per entry. */
    readonly count: number,
    /** The links `hold` asked to have at once, each knowing whether it waits for another; `walk` skips them. */
    readonly held: Indexed[],
    /** The first link that asks for a junction (junctionNotice), if any. */
    readonly junction: LinkRequest[],
    /** Every entry as the check read it, where the spec is small enough to hold (HELD_WHOLE). */
    private read: Read
  ) {}

  /** A restore's (confineTargets): the text of each symbolic link the spec may make, by PATH. */
  get texts(): LinkKeys | undefined {
    return this.settings.confineTargets ? this.keys : undefined
  }

  /**
   * Every entry not held: each link to make with its place, or the verdict that settles the entry. The walk itself is
   * handed out, not delegated to (`yield*`): each entry would pass through two generators.
   */
  walk(): Generator<Indexed | SpecVerdict> {
    const dependents = new Dependents(this.keys, this.platform)
    return this.read ? this.walkHeld(this.read, dependents) : this.walkAgain(dependents)
  }

  /** The entries the check held; walked once, so let go of here. */
  private *walkHeld(read: (Indexed | SpecVerdict)[], dependents: Dependents): Generator<Indexed | SpecVerdict> {
    this.read = undefined
    let held = 0
    for (const item of read) {
      if (!('request' in item)) yield item
      else if (this.held[held]?.index === item.index) held++
      else {
        item.request.dependsOnEarlier = dependents.of(item.request)
        yield item
      }
    }
  }

  /** The spec read again, each entry checked to be one the check read. */
  private *walkAgain(dependents: Dependents): Generator<Indexed | SpecVerdict> {
    const { defaults, workingDirectory } = this.settings
    const problems: SpecProblem[] = []
    let index = 0
    let held = 0
    for (const entry of entriesOf(this.spec, defaults, problems)) {
      const place = index++
      const verdict = verdictOn(entry, this.platform)
      if (verdict) yield { index: place, ...verdict }
      else if (this.held[held]?.index === place) held++
      else {
        const request = requestOf(entry, workingDirectory, this.platform)
        // Only what was checked is made: a spec file changed since has PATHs that were not.
        if (!this.keys.has(resolvedKey(this.platform, request.absPath))) throw changed()
        request.dependsOnEarlier = dependents.of(request)
        yield { index: place, request }
      }
    }
    if (index !== this.count || problems.length > 0) throw changed()
  }
}

function changed(): Error {
  return new Error('The links spec changed while its links were being made; the links not yet made were not made.')
}

/**
 * The spec, checked whole before anything is made (its PATHs' keys kept, and the links `hold` asks for); or its
 * problems, with the entries that were read, and then nothing is to be touched.
 */
export function readSpec(
  spec: SpecText,
  settings: SpecSettings,
  platform: Platform,
  hold: (request: LinkRequest) => boolean = () => false
): SpecLinks | { problems: SpecProblem[]; entries: SpecEntry[] } {
  const { defaults, workingDirectory, confine, confineTargets } = settings
  const check = new Resolver(workingDirectory, confine, platform, false, confineTargets)
  const problems: SpecProblem[] = []
  const held: Indexed[] = []
  const junction: LinkRequest[] = []
  let whole: Read = []
  for (const entry of entriesOf(spec, defaults, problems)) {
    const read = check.add(entry)
    if (whole && whole.push(read) > HELD_WHOLE) whole = undefined
    if (!('request' in read)) continue
    if (hold(read.request)) held.push(read)
    if (junction.length === 0 && asksJunction(read.request)) junction.push(read.request)
  }
  if (problems.length === 0 && check.problems.length === 0) {
    const dependents = new Dependents(check.keys, platform)
    for (const { request } of held) request.dependsOnEarlier = dependents.of(request)
    return new SpecLinks(spec, settings, platform, check.keys, check.entries, held, junction, whole)
  }
  // Rejected: read again, holding every entry and request, for the problems in full and the entries to report.
  const parsed = parseSpec(spec, defaults)
  const resolved = resolveEntries(parsed.entries, workingDirectory, confine, platform)
  return { problems: [...parsed.problems, ...resolved.problems], entries: parsed.entries }
}
