// A dry run's prediction held to what the real run then did, link by link.
import type { LinkResult } from '../../src/model.js'

export type Result = LinkResult & { probe?: Record<string, string> }

/** What the real run's status is for each planned action. */
export const REAL_STATUS = {
  create: 'created',
  replace: 'replaced',
  unchanged: 'unchanged',
  remove: 'removed',
  fail: 'failed'
} as const

/** The options a hint names (`fallback: copy`), which a probe of the real run may only have narrowed. */
const optionsIn = (hint: string): string[] => [...hint.matchAll(/`([^`]+)`/g)].map(([, option]) => option)

/**
 * One link's prediction against what the real run did: a planned `fail` is a failure with the same errno, call, kind
 * and hint; a planned link is made as the kind predicted, with the same fallback.
 */
export function expectPredicted(dry: Result, real: Result): void {
  expect(dry).toMatchObject({ status: 'planned', path: real.path })
  expect(dry.knowable).toBeUndefined()
  const verdict = (r: Result, status: string) => ({
    status,
    kind: r.kind,
    code: r.code,
    errno: r.errno,
    syscall: r.syscall,
    fallback: r.fallback && { asked: r.fallback.asked, instead: r.fallback.instead }
  })
  expect(verdict(dry, REAL_STATUS[dry.plan ?? 'fail'])).toEqual(verdict(real, real.status))
  if (real.status !== 'failed') return
  expect(dry.message).toBe(real.message)
  // A probe puts what it found first and drops the advice it disproved; without one the hints are the same.
  if (real.probe) expect(optionsIn(dry.hint)).toEqual(expect.arrayContaining(optionsIn(real.hint)))
  else expect(dry.hint).toBe(real.hint)
}
