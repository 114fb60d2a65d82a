// Each PATH of a spec as a compact key, held for the whole run: the duplicate check and which links wait for another
// (dependents.ts). A run of 100,000 links holds these and little else: a key is its directory's number and its name.
// The directories above the PATHs are held too, for dependents.ts, as slices of the numbered directories' keys.
// A restore also keeps, by the same keys, the text of each symbolic link its entries may make: a link's way through
// another entry's PATH is judged both with and without that link (../plan/outside.ts).
import { linkMayBeSymbolic, wantsRelative, type LinkRequest, type LinkTexts } from '../model.js'
import { own } from '../own.js'
import { resolvedKey, type Platform } from '../platform.js'

/**
 * Directories noted above PATHs at most, about 55 bytes each (7 MB in all): links share a few, but a spec may give
 * each link a deep tree of its own.
 */
export const ABOVE = 1 << 17

/** A restore's kept texts as plain data, for a share worker (its messages are JSON): what textAt and isPath need. */
export interface KeptTexts {
  dirs: string[]
  paths: string[]
  texts: [string, string][]
}

export class LinkKeys implements LinkTexts {
  /** Each directory that holds a PATH, numbered: thousands of links share a few. */
  private readonly dirs = new Map<string, number>()
  /** `number/name` of each PATH, and the place it came with first. */
  private readonly places = new Map<string, number>()
  /** With `keepTexts`: `number/name` of each PATH that may become a symbolic link, and its text (textOf). */
  private readonly texts?: Map<string, string>
  /**
   * Each directory a PATH lies below (noteAbove), which create-parents may make for its link. Only the spec stage
   * asks (isAbove): a share worker's copy (withTexts) has none.
   */
  private readonly above = new Set<string>()
  /**
   * The directory (up to its last separator) of the last key made compact, and its number: links come a directory at
   * a time, and a look-up hashes the whole directory again.
   */
  private lastDir = { dir: '', number: -1 }
  /** The last directory `isPathOrAbove` found none in (barren): a TARGET's, mostly, asked of each link. */
  private lastBarren: string | undefined

  constructor(
    private readonly platform: Platform,
    keepTexts = false
  ) {
    if (keepTexts) this.texts = new Map()
  }

  /** Texts another process's keys kept (keptTexts), looked up as there: a share worker's lanes judge ways too. */
  static withTexts(platform: Platform, { dirs, paths, texts }: KeptTexts): LinkKeys {
    const keys = new LinkKeys(platform, true)
    dirs.forEach((dir, number) => keys.dirs.set(dir, number))
    for (const compact of paths) keys.places.set(compact, 0)
    for (const [compact, text] of texts) keys.texts?.set(compact, text)
    return keys
  }

  /**
   * The compact form of a key (resolvedKey); undefined where its directory holds no PATH, unless `add`: then a new
   * directory is numbered, and noted with those above it.
   */
  private compact(key: string, add: boolean): string | undefined {
    const cut = key.lastIndexOf(this.platform.path.sep) + 1
    const last = this.lastDir
    // Compared as a substring, here and in isPathOrAbove: Node 24's startsWith takes longer with a prefix this long.
    if (cut === last.dir.length && last.number >= 0 && key.substring(0, cut) === last.dir)
      return `${last.number}/${key.slice(cut)}`
    const dir = key.slice(0, cut)
    let number = this.dirs.get(dir)
    if (number === undefined && !add) return undefined
    const owned = own(dir)
    if (number === undefined) {
      number = this.dirs.size
      this.dirs.set(owned, number)
      this.noteAbove(owned)
      this.lastBarren = undefined
    }
    this.lastDir = { dir: owned, number }
    return `${number}/${key.slice(cut)}`
  }

  /**
   * A new directory (a key up to its last separator) and those above it, each as a slice of it (no characters
   * copied), up to one noted already: those above that one were noted with it. Past ABOVE no more are noted: a link
   * to a directory above only the PATHs read after that does not wait, and sees TARGET as it is before the run.
   */
  private noteAbove(dir: string): void {
    const { sep } = this.platform.path
    for (let end = dir.length - 1; end > 0 && this.above.size < ABOVE; end = dir.lastIndexOf(sep, end - 1)) {
      const above = dir.slice(0, end)
      if (this.above.has(above)) return
      this.above.add(above)
    }
  }

  has(key: string): boolean {
    const compact = this.compact(key, false)
    return compact !== undefined && this.places.has(compact)
  }

  /** Whether a PATH lies below the directory this key (resolvedKey) names. */
  isAbove(key: string): boolean {
    return this.above.has(key)
  }

  /**
   * has(key) || isAbove(key), without a look-up where the key's directory was found barren last time: it holds no
   * PATH, and no PATH lies below it. Every directory noted above a PATH has its parent noted too (noteAbove goes up
   * until one noted already), until ABOVE stops the noting: then each key is looked up. Not the root's: it is never
   * noted. Keys are only added before this is asked (the spec's check, then its walk); an added directory forgets it.
   */
  isPathOrAbove(key: string): boolean {
    const cut = key.lastIndexOf(this.platform.path.sep)
    const barren = this.lastBarren
    if (barren !== undefined && cut === barren.length && key.substring(0, cut) === barren) return false
    if (this.has(key) || this.isAbove(key)) return true
    const parent = key.slice(0, cut)
    if (cut > 0 && this.above.size < ABOVE && !this.above.has(parent) && !this.dirs.has(key.slice(0, cut + 1)))
      this.lastBarren = own(parent)
    return false
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
