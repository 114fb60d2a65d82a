// Caches kept for a whole run, bounded: thousands of links share a few directories, but a spec may give each link a
// directory of its own (pnpm's layouts), and 100,000 answers kept by a 200-character path would be 50 MB. What they
// hold can be had again (a lookup, a call that answers the same), so once full they forget everything and fill again.
// Forgetting takes a new Map, never clear(): V8 allocates a Map's next table where its last one is, so the table of
// a Map that has lived a while, cleared or grown, is made in the old generation, and everything it holds is promoted
// with it, to be freed only by a full collection (a run of 30,000 links of a directory each peaked 2x higher so).

/** Entries a cache keeps at most: more than the directories one slice of links (100) asks about. */
export const BOUND = 1024

/** A Map that forgets every entry before one past `bound` (BOUND) is set. */
export class BoundedMap<K, V> {
  private map = new Map<K, V>()

  constructor(private readonly bound = BOUND) {}

  get(key: K): V | undefined {
    return this.map.get(key)
  }

  set(key: K, value: V): void {
    if (this.map.size >= this.bound && !this.map.has(key)) this.map = new Map()
    this.map.set(key, value)
  }

  delete(key: K): void {
    this.map.delete(key)
  }
}

/** A Set that forgets every value before one past `bound` (BOUND) is added. */
export class BoundedSet<T> {
  private readonly held: BoundedMap<T, true>

  constructor(bound = BOUND) {
    this.held = new BoundedMap(bound)
  }

  has(value: T): boolean {
    return this.held.get(value) === true
  }

  add(value: T): void {
    this.held.set(value, true)
  }

  delete(value: T): void {
    this.held.delete(value)
  }
}
