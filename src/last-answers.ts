// Each link asks about its PATH and its TARGET several times over (the split, the plan, the apply), each time as the
// same string: an answer kept by the last two strings asked saves making and hashing a key for all but the first.
// Comparing with a string asked before is a pointer check; a Map lookup of a new string hashes all its characters.

/** `answer`, remembering its last two answers by the string asked; for answers that never change. */
export function lastTwoAnswers<T>(answer: (p: string) => T): (p: string) => T {
  let newer = ''
  let older = ''
  let newerAnswer: T | undefined
  let olderAnswer: T | undefined
  return (p) => {
    if (p === newer && newerAnswer !== undefined) return newerAnswer
    if (p === older && olderAnswer !== undefined) return olderAnswer
    const found = answer(p)
    // Not one destructuring assignment: until V8 optimizes this, that makes and iterates an array per call.
    older = newer
    olderAnswer = newerAnswer
    newer = p
    newerAnswer = found
    return found
  }
}
