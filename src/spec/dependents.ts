// Which links must wait for an earlier one: those that lie below, or lead into, another entry's PATH.
import type { LinkRequest } from '../model.js'
import { resolvedKey, type Platform } from '../platform.js'

/** A link whose PATH or TARGET lies below another entry's PATH sees that link, so it must wait for it. */
export function markDependents(requests: LinkRequest[], linkPaths: Map<string, number>, platform: Platform): void {
  const { path } = platform
  // Thousands of links share a few directories: answer each directory once.
  const known = new Map<string, boolean>()
  const underALink = (start: string): boolean => {
    let answer = known.get(start)
    if (answer === undefined) {
      const parent = path.dirname(start)
      answer = linkPaths.has(resolvedKey(platform, start)) || (parent !== start && underALink(parent))
      known.set(start, answer)
    }
    return answer
  }
  for (const request of requests) {
    // A TARGET that is another entry's PATH counts too: it exists only once that link is made.
    request.dependsOnEarlier =
      underALink(path.dirname(request.absPath)) || (request.absTarget !== '' && underALink(request.absTarget))
  }
}
