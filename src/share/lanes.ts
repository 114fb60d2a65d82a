// How a share worker divides its links among lanes: whole directories each (the kernel serialises creations within
// one directory, so a directory split across lanes gains nothing), the busiest first onto the least loaded lane.
import { platformFor } from '../platform.js'
import type { Indexed } from '../model.js'

/**
 * sshfs serves about ten requests at once (measured), and every lane is a thread that costs about 30 ms of CPU to
 * start, even on the small share bundle: 20 lanes for the bench's 20 directories were slower than 10 (2 CPUs).
 */
const MAX_LANES = 10

export function laneCount(links: Indexed[], platform: string): number {
  const { path } = platformFor(platform)
  return Math.max(1, Math.min(MAX_LANES, new Set(links.map((l) => path.dirname(l.request.absPath))).size))
}

/** A TARGET to look up, and the link it is looked up for (what a call that hangs is reported against). */
export interface Lookup {
  index: number
  target: string
}

/**
 * Each distinct TARGET of wave 1 to one lane that has a link to it, the lanes taking turns: many directories often
 * link to the same few TARGETs, and each lane would otherwise look all of them up one by one, at the same time as
 * the others (on a share, a round trip each). A lane looks up its own first; the others then find them cached.
 */
export function dealLookups(wave1: Indexed[][]): Lookup[][] {
  const dealt = new Set<string>()
  const next = wave1.map(() => 0)
  const lookups: Lookup[][] = wave1.map(() => [])
  for (let taken = true; taken;) {
    taken = false
    wave1.forEach((links, lane) => {
      for (; next[lane] < links.length; next[lane]++) {
        const { index, request } = links[next[lane]]
        if (request.absTarget === '' || request.options.state === 'absent' || dealt.has(request.absTarget)) continue
        dealt.add(request.absTarget)
        lookups[lane].push({ index, target: request.absTarget })
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
