import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { lastTwoAnswers } from '../src/last-answers.js'

describe('lastTwoAnswers', () => {
  it('answers every question as the function does, asking it again only past the last two strings', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('/ws/a', '/ws/b', '/ws/c', ''), { maxLength: 40 }), (questions) => {
        const asked: string[] = []
        const answer = lastTwoAnswers((p: string) => {
          asked.push(p)
          return { of: p }
        })
        const recent: string[] = []
        for (const q of questions) {
          const before = asked.length
          expect(answer(q)).toEqual({ of: q })
          // Asked again exactly when q is not one of the last two strings answered by asking.
          expect(asked.length - before).toBe(recent.includes(q) ? 0 : 1)
          if (!recent.includes(q)) recent.splice(0, recent.length, q, ...recent.slice(0, 1))
        }
      }),
      { numRuns: 500 }
    )
  })

  it("keeps a link's PATH and TARGET while they alternate: each is asked once", () => {
    let calls = 0
    const answer = lastTwoAnswers((p: string) => (calls++, p.length))
    for (let i = 0; i < 5; i++) for (const p of ['/ws/links/d0/f0', '/ws/t/d0/f0']) answer(p)
    expect(calls).toBe(2)
  })
})
