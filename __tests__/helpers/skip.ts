// A test that cannot run on this machine says so: it is declared skipped, with the reason in its title, never
// passed by returning early.
import { describe, it } from '@jest/globals'

type DeclareSuite = (title: string, fn: () => void) => void
type DeclareTest = (title: string, fn: () => void | Promise<void>, timeout?: number) => void

/** `describe` where `why` is undefined, else describe.skip with `why` in the title. */
export const describeUnless = (why: string | undefined): DeclareSuite =>
  why === undefined ? describe : (title, fn) => describe.skip(`${title} (skipped: ${why})`, fn)

/** The same for one test. */
export const itUnless = (why: string | undefined): DeclareTest =>
  why === undefined ? it : (title, fn) => it.skip(`${title} (skipped: ${why})`, fn)
