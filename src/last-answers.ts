// Each link asks about its PATH and its TARGET several times over (the split, the plan, the apply), and its
// neighbours in the spec ask about the same directories: an answer kept by the last two strings or directories asked
// saves making and hashing a key for most questions. Comparing with a string asked before is a pointer check, or a
// comparison of characters that stops at the first difference; a Map lookup of a new string hashes all of them.

/** Two answers kept by the key they were asked with, the newer first. */
class LastTwo<T> {
  private newer = ''
  private older = ''
  private newerAnswer: T | undefined
  private olderAnswer: T | undefined

  get(key: string): T | undefined {
    if (key === this.newer) return this.newerAnswer
    return key === this.older ? this.olderAnswer : undefined
  }

  // Not one destructuring assignment: until V8 optimizes this, that makes and iterates an array per call.
  set(key: string, answer: T): void {
    this.older = this.newer
    this.olderAnswer = this.newerAnswer
    this.newer = key
    this.newerAnswer = answer
  }
}

/** `answer`, remembering its last two answers by the string asked; for answers that never change. */
export function lastTwoAnswers<T>(answer: (p: string) => T): (p: string) => T {
  const kept = new LastTwo<T>()
  return (p) => {
    let found = kept.get(p)
    if (found === undefined) kept.set(p, (found = answer(p)))
    return found
  }
}

/**
 * `answer` for paths whose answer is their directory's, where `shared` says a directory's entries all have one:
 * remembering the answers for the entries of the last two directories asked about. `p` normalized, with `sep`.
 */
export function lastTwoDirectories<T>(
  sep: string,
  answer: (p: string) => T,
  shared: (dir: string) => boolean
): (p: string) => T {
  const kept = new LastTwo<T>()
  return (p) => {
    const cut = p.lastIndexOf(sep)
    // The root and its entries (`/`, `/a`) are asked about as they are.
    if (cut <= 0) return answer(p)
    const dir = p.slice(0, cut)
    let found = kept.get(dir)
    if (found === undefined) {
      found = answer(p)
      if (shared(dir)) kept.set(dir, found)
    }
    return found
  }
}
