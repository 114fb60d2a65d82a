// Which links must wait for an earlier one: those that lie below, or lead into, another entry's PATH, and those that
// lead to a directory above another entry's PATH (one that entry's create-parents may make).
import type { LinkRequest } from '../model.js'
import { parentOf, resolvedKey, type Platform } from '../platform.js'
import { lastTwoAnswers } from '../last-answers.js'
import { own } from '../own.js'
import type { LinkKeys } from './keys.js'

/** Directories answered at most: thousands of links share a few, but a spec may give each link its own. */
const KNOWN = 4096

export class Dependents {
  private readonly known = new Map<string, boolean>()
  /**
   * underALink of a link's directory, the last two directories' answers remembered (PATHs' and TARGETs' come a
   * directory at a time): a look-up in `known` hashes the whole directory again.
   */
  private readonly dirUnderALink = lastTwoAnswers((dir) => this.underALink(dir))

  /** `paths`: the key of every entry's PATH, and the directories above them. */
  constructor(
    private readonly paths: LinkKeys,
    private readonly platform: Platform
  ) {}

  private isLink(p: string): boolean {
    return this.paths.has(resolvedKey(this.platform, p))
  }

  /** Whether p is made with another entry's link: its PATH, or a directory above it that create-parents may make. */
  private madeWithALink(p: string): boolean {
    return this.paths.isPathOrAbove(resolvedKey(this.platform, p))
  }

  private underALink(dir: string): boolean {
    let answer = this.known.get(dir)
    if (answer === undefined) {
      const parent = parentOf(this.platform, dir)
      answer = this.isLink(dir) || (parent !== dir && this.underALink(parent))
      if (this.known.size === KNOWN) this.known.clear()
      this.known.set(own(dir), answer)
    }
    return answer
  }

  /**
   * A link whose PATH or TARGET lies below another entry's PATH sees that link, so it must wait for it; and so must
   * one whose TARGET is made with another link (madeWithALink): it is there only once that link is made.
   */
  of({ absPath, absTarget }: Pick<LinkRequest, 'absPath' | 'absTarget'>): boolean {
    if (this.dirUnderALink(parentOf(this.platform, absPath))) return true
    if (absTarget === '') return false
    return this.madeWithALink(absTarget) || this.dirUnderALink(parentOf(this.platform, absTarget))
  }
}
