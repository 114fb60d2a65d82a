// Capture, step three: hard-link groups. Names under the root that are one file (same device and inode) become one
// group: its first name (in sorted order) stays a file, the others are recorded as hard links to it. A file whose
// other names are all outside the root is noted, not recorded as a link: the tree alone cannot make it again.
import type { FoundFile } from './walk.js'

export interface HardLinkGroup {
  /** The name that stays a file: the first, sorted. */
  head: string
  /** The names recorded as hard links to `head`, sorted. */
  others: string[]
  /** Names of the file outside the root (its link count less the names found under it). */
  outside: number
}

/** Names in code-unit order, the order the capture file lists paths in. */
export const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** The groups of names that are one file, sorted by their first name; `fits` says which names a spec can hold. */
export function groupHardLinks(files: FoundFile[], fits: (rel: string) => boolean): HardLinkGroup[] {
  const byFile = new Map<string, FoundFile[]>()
  for (const file of files) {
    const names = byFile.get(file.id)
    if (names) names.push(file)
    else byFile.set(file.id, [file])
  }
  const groups: HardLinkGroup[] = []
  for (const names of byFile.values()) {
    const rels = names.map((f) => f.rel).sort(byName)
    // The link count read last counts: a name added while walking shows in it.
    const nlink = Math.max(...names.map((f) => f.nlink))
    const [head, ...others] = [...rels.filter(fits), ...rels.filter((rel) => !fits(rel))]
    groups.push({ head, others, outside: Math.max(0, nlink - rels.length) })
  }
  return groups.sort((a, b) => byName(a.head, b.head))
}
