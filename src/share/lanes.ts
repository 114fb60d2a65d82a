// How a share worker divides its links among lanes: whole directories each (the kernel serialises creations within
// one directory, so a directory split across lanes gains nothing), the busiest first onto the least loaded lane.
import { platformFor } from '../platform.js'
import type { Indexed } from '../model.js'

/**
 * sshfs serves about ten requests at once (measured), and every lane is a thread that costs about 30 ms of CPU to
 * start, even on the small share bundle: 20 lanes for the bench's 20 directories were slower than 10 (2 CPUs).
 */
const MAX_LANES = 10

/**
 * A lane per directory; one in a dry run with links that wait for earlier ones: each is predicted on the disk as the
 * links predicted before it leave it (predict.ts), and a lane's predictor sees only the links of that lane, over
 * every round; a real run plans them again on the disk once wave 1 is made.
 */
export function laneCount(links: Indexed[], platform: string, dryRun = false): number {
  if (dryRun && links.some((l) => l.request.dependsOnEarlier)) return 1
  const { path } = platformFor(platform)
  return Math.max(1, Math.min(MAX_LANES, new Set(links.map((l) => path.dirname(l.request.absPath))).size))
}

/** What a lane looks at before it plans, and the link it is for (what a call that hangs is reported against). */
export interface Lookup {
  index: number
  /** A TARGET to stat; with `names`, a directory in which that many names are sought, to list where cheaper. */
  path: string
  names?: number
}

/** From this many names sought in one directory, a listing may answer them all (worthListing). */
const LIST_FROM = 4

/**
 * Whether listing a directory of `size` bytes costs fewer round trips than looking up `names` names in it: sshfs
 * answers one lookup at a time per directory (30 in a row took 0.36 s at 11 ms; the listing 0.04 s, after which
 * sshfs answered all 30 from its cache). An SFTP listing sends about 100 names a round trip, plus three to open, end
 * and close it; a directory entry takes at least about 16 bytes of its size (ext4, tmpfs). Unknown sizes (0): no.
 */
export function worthListing(size: number, names: number): boolean {
  return size > 0 && size / 16 / 100 + 3 < names
}

/** Links whose plan stats their TARGET (lanes.ts deals those stats): all but those that remove (TARGET optional). */
const looksUp = ({ request }: Indexed): boolean => request.options.state !== 'absent'

/** Distinct values of `of` per directory of each, among `links`. */
function perDirectory(links: Indexed[], of: (link: Indexed) => string, platform: string): Map<string, Set<string>> {
  const { path } = platformFor(platform)
  const found = new Map<string, Set<string>>()
  for (const link of links) {
    const p = of(link)
    found.set(path.dirname(p), (found.get(path.dirname(p)) ?? new Set()).add(p))
  }
  return found
}

/** What a lane looks at for `p`: its directory where many are sought there, else p itself (a TARGET). */
function lookupOf(index: number, p: string, sought: Map<string, Set<string>>, platform: string): Lookup {
  const dir = platformFor(platform).path.dirname(p)
  const names = sought.get(dir)!.size
  return names >= LIST_FROM ? { index, path: dir, names } : { index, path: p }
}

/**
 * What each lane looks at before it plans, so that the share answers its plans from what it caches. First the
 * directories that hold many of the share's link directories (each lane lists them itself: a name not listed is
 * known missing, and the share would otherwise answer those lookups one at a time, across lanes). Then each
 * distinct TARGET of wave 1, or its directory where it holds several, dealt to one lane that has a link there, the
 * lanes taking turns: many directories often link to the same few TARGETs.
 */
export function dealLookups(wave1: Indexed[][], platform: string): Lookup[][] {
  const { path } = platformFor(platform)
  const linkDir = (link: Indexed): string => path.dirname(link.request.absPath)
  const linkDirs = perDirectory(wave1.flat(), linkDir, platform)
  const lookups: Lookup[][] = wave1.map((links) => {
    // Each directory of this lane's, with its first link (later ones would overwrite it in a Map built forwards).
    const own = new Map([...links].reverse().map((link) => [linkDir(link), link.index]))
    const listings = [...own].map(([dir, index]) => lookupOf(index, dir, linkDirs, platform))
    return [...new Map(listings.filter((l) => l.names).map((l) => [l.path, l])).values()]
  })
  const targets = perDirectory(wave1.flat().filter(looksUp), (link) => link.request.absTarget, platform)
  const dealt = new Set<string>()
  const next = wave1.map(() => 0)
  for (let taken = true; taken;) {
    taken = false
    wave1.forEach((links, lane) => {
      for (; next[lane] < links.length; next[lane]++) {
        const { index, request } = links[next[lane]]
        if (!looksUp(links[next[lane]])) continue
        const lookup = lookupOf(index, request.absTarget, targets, platform)
        if (dealt.has(lookup.path)) continue
        dealt.add(lookup.path)
        lookups[lane].push(lookup)
        taken = true
        return
      }
    })
  }
  return lookups
}

/** Wave 1: each lane's directories. Wave 2: links below other links, in spec order, once wave 1 is done. */
export function assignLanes(
  links: Indexed[],
  count: number,
  platform: string
): { wave1: Indexed[][]; wave2: Indexed[] } {
  const { path } = platformFor(platform)
  const byDir = new Map<string, Indexed[]>()
  const wave2: Indexed[] = []
  for (const link of links) {
    if (link.request.dependsOnEarlier) {
      wave2.push(link)
      continue
    }
    const dir = path.dirname(link.request.absPath)
    const group = byDir.get(dir)
    if (group) group.push(link)
    else byDir.set(dir, [link])
  }
  const wave1: Indexed[][] = Array.from({ length: count }, () => [])
  for (const group of [...byDir.values()].sort((a, b) => b.length - a.length)) {
    wave1.reduce((least, lane) => (lane.length < least.length ? lane : least)).push(...group)
  }
  for (const lane of wave1) lane.sort((a, b) => a.index - b.index)
  return { wave1, wave2 }
}
