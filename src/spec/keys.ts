// Each PATH of a spec as a compact key, held for the whole run: the duplicate check and which links wait for another
// (dependents.ts). A run of 100,000 links holds these and little else: a key is its directory's number and its name.
import { own } from '../own.js'
import type { Platform } from '../platform.js'

export class LinkKeys {
  /** Each directory that holds a PATH, numbered: thousands of links share a few. */
  private readonly dirs = new Map<string, number>()
  /** `number/name` of each PATH, and the place it came with first. */
  private readonly places = new Map<string, number>()

  constructor(private readonly platform: Platform) {}

  /** The compact form of a key (resolvedKey); undefined where its directory holds no PATH, unless `add`. */
  private compact(key: string, add: boolean): string | undefined {
    const cut = key.lastIndexOf(this.platform.path.sep) + 1
    const dir = key.slice(0, cut)
    let number = this.dirs.get(dir)
    if (number === undefined) {
      if (!add) return undefined
      number = this.dirs.size
      this.dirs.set(own(dir), number)
    }
    return `${number}/${key.slice(cut)}`
  }

  /** The place given with the key when it came first; undefined for a key not added. */
  placeOf(key: string): number | undefined {
    const compact = this.compact(key, false)
    return compact === undefined ? undefined : this.places.get(compact)
  }

  has(key: string): boolean {
    return this.placeOf(key) !== undefined
  }

  /** The key, with its place, unless it came before. */
  add(key: string, place: number): void {
    const compact = this.compact(key, true) as string
    if (!this.places.has(compact)) this.places.set(own(compact), place)
  }
}
