// Each PATH of a spec as a compact key, held for the whole run: the duplicate check and which links wait for another
// (dependents.ts). A run of 100,000 links holds these and little else. The directories of the PATHs are a tree, each
// directory kept as its parent's number and its own name (`12/pkg-00042`): a spec that gives each link a deep
// directory of its own (pnpm's layouts) costs a few short strings per link, not a 200-character path, and every
// directory above a PATH, which create-parents may make (dependents.ts), is in the tree. A PATH's key is its
// directory's number and its name.
// A restore also keeps, by the same keys, the text of each symbolic link its entries may make: a link's way through
// another entry's PATH is judged both with and without that link (../plan/outside.ts).
import { linkMayBeSymbolic, wantsRelative, type LinkRequest, type LinkTexts } from '../model.js'
import { own } from '../own.js'
import { resolvedKey, type Platform } from '../platform.js'

/** A restore's kept texts as plain data, for a share worker (its messages are JSON): what textAt and isPath need. */
export interface KeptTexts {
  dirs: string[]
  paths: string[]
  texts: [string, string][]
}

/** What the first step of every key hangs below: the tree's directories are numbered from 1. */
const TOP = 0

/** How many characters `a` and `b` begin with alike. */
function sharedLength(a: string, b: string): number {
  const most = Math.min(a.length, b.length)
  let i = 0
  while (i < most && a.charCodeAt(i) === b.charCodeAt(i)) i++
  return i
}

export class LinkKeys implements LinkTexts {
  /** Each directory that holds a PATH or lies above one, as `its parent's number/its name`, numbered from 1. */
  private readonly dirs = new Map<string, number>()
  /** `number/name` of each PATH, and the place it came with first. */
  private readonly places = new Map<string, number>()
  /** With `keepTexts`: `number/name` of each PATH that may become a symbolic link, and its text (textOf). */
  private readonly texts?: Map<string, string>
  /**
   * The key looked up last, and the directories found on its way: the separator that ends each, and its number. The
   * next key mostly shares a directory with it (a spec lists a directory's links together), so it starts there. (The
   * key may be a slice of a piece of the spec: one piece is kept alive by it.)
   */
  private readonly walked = { key: '', ends: [] as number[], numbers: [] as number[] }

  constructor(
    private readonly platform: Platform,
    keepTexts = false
  ) {
    if (keepTexts) this.texts = new Map()
  }

  /** Texts another process's keys kept (keptTexts), looked up as there: a share worker's lanes judge ways too. */
  static withTexts(platform: Platform, { dirs, paths, texts }: KeptTexts): LinkKeys {
    const keys = new LinkKeys(platform, true)
    dirs.forEach((dir, i) => keys.dirs.set(dir, i + 1))
    for (const compact of paths) keys.places.set(compact, 0)
    for (const [compact, text] of texts) keys.texts?.set(compact, text)
    return keys
  }

  /**
   * The number of the directory `key` spells up to `end`, a separator of it or its length (where a separator would
   * follow); undefined where a directory on the way is not in the tree, unless `add`: then each is numbered.
   */
  private numberOf(key: string, end: number, add: boolean): number | undefined {
    const { sep } = this.platform.path
    const { walked } = this
    const same = key === walked.key ? key.length : sharedLength(walked.key, key)
    let steps = 0
    while (steps < walked.ends.length && walked.ends[steps] < same) steps++
    walked.key = key
    walked.ends.length = walked.numbers.length = steps
    let number = steps === 0 ? TOP : walked.numbers[steps - 1]
    for (let start = steps === 0 ? 0 : walked.ends[steps - 1] + 1; start <= end;) {
      const found = key.indexOf(sep, start)
      const stop = found < 0 || found > end ? end : found
      const step = `${number}/${key.slice(start, stop)}`
      let next = this.dirs.get(step)
      if (next === undefined) {
        if (!add) return undefined
        next = this.dirs.size + 1
        this.dirs.set(own(step), next)
      }
      number = next
      walked.ends.push(stop)
      walked.numbers.push(number)
      start = stop + 1
    }
    return number
  }

  /** The compact form of a key (resolvedKey); undefined where its directory is not in the tree, unless `add`. */
  private compact(key: string, add: boolean): string | undefined {
    const end = key.lastIndexOf(this.platform.path.sep)
    const number = this.numberOf(key, end, add)
    return number === undefined ? undefined : `${number}/${key.slice(end + 1)}`
  }

  has(key: string): boolean {
    const compact = this.compact(key, false)
    return compact !== undefined && this.places.has(compact)
  }

  /** Whether a PATH lies below the directory this key (resolvedKey) names. */
  isAbove(key: string): boolean {
    return key !== '' && this.numberOf(key, key.length, false) !== undefined
  }

  /**
   * The key, with its place (and, keeping texts, the text its request may make), unless it came before: then the
   * place it came with first.
   */
  add(key: string, place: number, request?: LinkRequest): number | undefined {
    const compact = this.compact(key, true) as string
    const first = this.places.get(compact)
    if (first !== undefined) return first
    const kept = own(compact)
    this.places.set(kept, place)
    const text = this.texts && request && textOf(request, this.platform)
    if (text !== undefined) this.texts?.set(kept, own(text))
    return undefined
  }

  /** The texts kept, as plain data; undefined where none are kept. */
  keptTexts(): KeptTexts | undefined {
    return this.texts && { dirs: [...this.dirs.keys()], paths: [...this.places.keys()], texts: [...this.texts] }
  }

  isPath(absPath: string): boolean {
    return this.has(resolvedKey(this.platform, absPath))
  }

  textAt(absPath: string): string | undefined {
    const compact = this.texts && this.compact(resolvedKey(this.platform, absPath), false)
    return compact === undefined ? undefined : this.texts?.get(compact)
  }
}

/**
 * The text of the symbolic link the request may make, as written or as its TARGET reads from PATH's directory (the
 * text the plan computes from real directories leads where this one does, through the same names or their links).
 */
function textOf(request: LinkRequest, platform: Platform): string | undefined {
  if (!linkMayBeSymbolic(request.options)) return undefined
  if (request.text !== undefined) return request.text
  if (!wantsRelative(request)) return request.absTarget
  const { path } = platform
  return path.relative(path.dirname(request.absPath), request.absTarget) || '.'
}
