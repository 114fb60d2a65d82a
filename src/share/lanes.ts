// How a share worker divides its links among lanes: whole directories each (the kernel serialises creations within
// one directory, so a directory split across lanes gains nothing), the busiest first onto the least loaded lane.
import { platformFor } from '../platform.js'
import type { Indexed } from '../model.js'

/**
 * sshfs serves about ten requests at once (measured), and every lane is a thread that parses the bundle at start:
 * more lanes than that cost start-up and gain nothing.
 */
const MAX_LANES = 10

export function laneCount(links: Indexed[], platform: string): number {
  const { path } = platformFor(platform)
  return Math.max(1, Math.min(MAX_LANES, new Set(links.map((l) => path.dirname(l.request.absPath))).size))
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
