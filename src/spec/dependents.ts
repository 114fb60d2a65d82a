// Which links must wait for an earlier one: those that lie below, or lead into, another entry's PATH.
import type { LinkRequest } from '../model.js'
import { resolvedKey, type Platform } from '../platform.js'
import { own } from '../own.js'
import type { LinkKeys } from './keys.js'

/** Directories answered at most: thousands of links share a few, but a spec may give each link its own. */
const KNOWN = 4096

export class Dependents {
  private readonly known = new Map<string, boolean>()

  /** `paths`: the key of every entry's PATH. */
  constructor(
    private readonly paths: LinkKeys,
    private readonly platform: Platform
  ) {}

  private isLink(p: string): boolean {
    return this.paths.has(resolvedKey(this.platform, p))
  }

  private underALink(dir: string): boolean {
    let answer = this.known.get(dir)
    if (answer === undefined) {
      const parent = this.platform.path.dirname(dir)
      answer = this.isLink(dir) || (parent !== dir && this.underALink(parent))
      if (this.known.size === KNOWN) this.known.clear()
      this.known.set(own(dir), answer)
    }
    return answer
  }

  /** A link whose PATH or TARGET lies below another entry's PATH sees that link, so it must wait for it. */
  of({ absPath, absTarget }: Pick<LinkRequest, 'absPath' | 'absTarget'>): boolean {
    const { dirname } = this.platform.path
    // A TARGET that is another entry's PATH counts too: it exists only once that link is made.
    const leadsIn = (): boolean => this.isLink(absTarget) || this.underALink(dirname(absTarget))
    return this.underALink(dirname(absPath)) || (absTarget !== '' && leadsIn())
  }
}
