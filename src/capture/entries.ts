// Capture, step four: what each link found becomes in the spec, with its marks: a symbolic link keeps its text as
// is (`text:`), except an absolute text into the captured root, which is recorded relative to the root and written
// back absolute under the root it is restored to (`target:` with `relative: false`); hard links lead to their group's
// first name. Names a spec cannot hold unchanged are refused here, each with its reason.
import * as path from 'node:path'
import type { TargetType } from '../model.js'
import type { HardLinkGroup } from './groups.js'
import { within, type Leads } from './leads.js'
import type { FoundLink, Note } from './walk.js'

/** What the capture file says of an entry besides the entry itself (a comment above it: write.ts has the words). */
export type Mark =
  | 'absolute-inside'
  | 'absolute-outside'
  | 'leaves-root'
  | 'dangling'
  | 'loop'
  | 'outside-workspace'
  | 'unreadable'
  | 'other'

/** One entry of the capture file, and its marks. */
export type Captured =
  | { type: 'symlink'; path: string; text: string; targetType?: TargetType; marks: Mark[] }
  | { type: 'symlink'; path: string; target: string; targetType?: TargetType; marks: Mark[] }
  | { type: 'hardlink'; path: string; target: string; marks: Mark[] }

/** How many of each a capture recorded, refused or noted. */
export interface CaptureCounts {
  symlinks: number
  hardlinks: number
  /** Of the symlinks: leading nowhere (missing, a loop) when captured. */
  dangling: number
  /** Of the symlinks: absolute texts into the root, recorded relative to it. */
  absolute: number
  /** Of the symlinks: texts leading outside the root, kept as written. */
  outside: number
  /** Files whose other names are outside the root: kept as files. */
  noted: number
  refused: number
  /** Mounts below the root, not walked. */
  skipped: number
}

/** The spec parser trims PATH and TARGET: a name beginning or ending with white space would come back another. */
export function fits(rel: string): boolean {
  return rel.trim() === rel
}

/** Where a link leads, as a mark: nothing where its target's kind was found. */
const LEADS_MARK: Record<Leads, Mark | undefined> = {
  file: undefined,
  dir: undefined,
  other: 'other',
  dangling: 'dangling',
  loop: 'loop',
  outside: 'outside-workspace',
  unreadable: 'unreadable'
}

/** The roots a captured link's absolute text may name: as given and as real (they differ under a symlinked parent). */
export interface Roots {
  given: string
  real: string
}

export function symlinkEntry(link: FoundLink, leads: Leads, roots: Roots): Captured {
  const targetType = leads === 'file' || leads === 'dir' ? leads : undefined
  const leadsMark = LEADS_MARK[leads]
  const marks: Mark[] = leadsMark ? [leadsMark] : []
  if (path.posix.isAbsolute(link.text)) {
    const normal = path.posix.normalize(link.text)
    const root = [roots.given, roots.real].find((r) => within(r, normal))
    if (root) {
      const target = path.posix.relative(root, normal) || '.'
      marks.unshift('absolute-inside')
      return { type: 'symlink', path: link.rel, target, targetType, marks }
    }
    marks.unshift('absolute-outside')
  } else if (!within(roots.real, path.posix.join(link.dir, link.text))) {
    marks.unshift('leaves-root')
  }
  return { type: 'symlink', path: link.rel, text: link.text, targetType, marks }
}

/** Each group's other names as hard links to its first; a group with names outside the root noted. */
export function hardLinkEntries(groups: HardLinkGroup[], notes: Note[]): Captured[] {
  const entries: Captured[] = []
  for (const { head, others, outside } of groups) {
    if (outside > 0) {
      const names = outside === 1 ? '1 other name' : `${outside} other names`
      notes.push({ rel: head, why: `has ${names} outside the captured root: kept as a file, not recorded as a link` })
    }
    for (const rel of others) entries.push({ type: 'hardlink', path: rel, target: head, marks: [] })
  }
  return entries
}

/** Why a spec cannot hold this entry as it is, if it cannot. */
function unspellable(entry: Captured): string | undefined {
  const name = [entry.path, 'target' in entry ? entry.target : ''].find((p) => !fits(p))
  if (name !== undefined)
    return `${name === entry.path ? 'its name' : `its target '${name}'`} begins or ends with white space, which a spec trims`
  // A link whose text names itself (`l -> l`): the parser refuses a link to itself, and would refuse the whole file.
  const leadsTo = 'text' in entry ? path.posix.join(path.posix.dirname(entry.path), entry.text) : entry.target
  return leadsTo === entry.path ? 'it leads to itself, which a spec refuses' : undefined
}

/** The entries a spec can hold; the others refused, each with its reason. */
export function spellable(entries: Captured[], refused: Note[]): Captured[] {
  return entries.filter((entry) => {
    const why = unspellable(entry)
    if (why) refused.push({ rel: entry.path, why })
    return why === undefined
  })
}

/** The counts of a capture, from what it recorded. */
export function countsOf(entries: Captured[], noted: Note[], refused: Note[], skipped: Note[]): CaptureCounts {
  const symlinks = entries.filter((e) => e.type === 'symlink')
  const marked = (...marks: Mark[]) => symlinks.filter((e) => e.marks.some((m) => marks.includes(m))).length
  return {
    symlinks: symlinks.length,
    hardlinks: entries.length - symlinks.length,
    dangling: marked('dangling', 'loop'),
    absolute: marked('absolute-inside'),
    outside: marked('absolute-outside', 'leaves-root'),
    noted: noted.length,
    refused: refused.length,
    skipped: skipped.length
  }
}
