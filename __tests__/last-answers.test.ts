import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { lastTwoAnswers, lastTwoDirectories } from '../src/last-answers.js'

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

describe('lastTwoDirectories', () => {
  const dirs = ['/ws/a', '/ws/b', '/ws/c', '/mnt']
  const names = ['x', 'y', 'share']
  /** The answer of a path: its directory's, except /mnt/share, which begins a filesystem of its own. */
  const truth = (p: string): string => (p === '/mnt/share' ? p : p.slice(0, p.lastIndexOf('/')) || '/')

  it('answers every path as the function does, asking it only for a directory not among the last two shared ones', () => {
    const paths = [...dirs.flatMap((d) => names.map((n) => `${d}/${n}`)), '/', '/ws']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...paths), { maxLength: 40 }), (questions) => {
        let asked = 0
        const answer = lastTwoDirectories(
          '/',
          (p: string) => (asked++, { of: truth(p) }),
          (dir) => dir !== '/mnt'
        )
        for (const q of questions) expect(answer(q)).toEqual({ of: truth(q) })
        // Never more questions than paths, and /mnt's entries each time.
        expect(asked).toBeLessThanOrEqual(questions.length)
        const mnt = questions.filter((q) => q.startsWith('/mnt/')).length
        expect(asked).toBeGreaterThanOrEqual(mnt)
      }),
      { numRuns: 500 }
    )
  })

  it("keeps a link's PATH's and TARGET's directories while they alternate: each is asked once", () => {
    let calls = 0
    const answer = lastTwoDirectories(
      '/',
      (p: string) => (calls++, p.length),
      () => true
    )
    for (let i = 0; i < 5; i++) for (const p of [`/ws/links/d0/f${i}`, `/ws/t/d0/f${i}`]) answer(p)
    expect(calls).toBe(2)
  })
})
