// A test that cannot run on this machine says so: it is declared skipped, with the reason in its title, never
// passed by returning early.
import { describe, it } from '@jest/globals'

type Declare = (title: string, fn: () => void) => void

/** `describe` where `why` is undefined, else describe.skip with `why` in the title. */
export const describeUnless = (why: string | undefined): Declare =>
  why === undefined ? describe : (title, fn) => describe.skip(`${title} (skipped: ${why})`, fn)

/** The same for one test. */
export const itUnless = (why: string | undefined): Declare =>
  why === undefined ? it : (title, fn) => it.skip(`${title} (skipped: ${why})`, fn)
