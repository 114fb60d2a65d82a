// The round trip of a captured tree, as docs/usage.md's examples and test.yml's round-trip jobs write it: capture
// (ln-action's `capture`), send (upload-artifact, cache/save), receive (download-artifact, cache/restore), restore
// (ln-action with the capture file). Found the same way in both, so that tests can hold each to the other.
import { runnersOf, type Job, type Step } from './workflow-checks.js'

export type Stage = 'capture' | 'send' | 'receive' | 'restore'
export type Carrier = 'artifact' | 'cache'

/** The actions that carry a tree from one job to another, by name without `@version`. */
const CARRIERS: Record<string, { stage: Stage; by: Carrier }> = {
  'actions/upload-artifact': { stage: 'send', by: 'artifact' },
  'actions/download-artifact': { stage: 'receive', by: 'artifact' },
  'actions/cache/save': { stage: 'send', by: 'cache' },
  'actions/cache/restore': { stage: 'receive', by: 'cache' }
}

/** The inputs of each carrier that decide whether the tree arrives whole: they must agree between docs and tests. */
const DECISIVE: Record<Carrier, string[]> = {
  // The capture file's name begins with a dot, which upload-artifact leaves out by default.
  artifact: ['include-hidden-files'],
  // A cache saved on Linux or macOS reaches Windows only with this on both sides.
  cache: ['enableCrossOsArchive']
}

export interface Staged {
  stage: Stage
  by?: Carrier
  /** The job's id, and the job. */
  id: string
  job: Job & { needs?: string | string[] }
  /** Position among all the steps, jobs in the order written. */
  at: number
  step: Step
}

/** A workflow's jobs, or a list of steps alone as one job. */
export function jobsOfDoc(doc: unknown): Record<string, Job> {
  if (Array.isArray(doc)) return { steps: { steps: doc as Step[] } }
  return ((doc ?? {}) as { jobs?: Record<string, Job> }).jobs ?? {}
}

/**
 * Every step that is a stage of a round trip, in order. `restore` is the action given `links: '@FILE'`, FILE being the
 * capture file's name (relative to `working-directory`, where the tree is).
 */
export function stagesOf(jobs: Record<string, Job>, isAction: (uses: string) => boolean, file: string): Staged[] {
  let at = 0
  return Object.entries(jobs).flatMap(([id, job]) =>
    (job.steps ?? []).flatMap((step) => {
      at++
      const uses = step.uses ?? ''
      let stage: { stage: Stage; by?: Carrier } | undefined = CARRIERS[uses.split('@')[0]]
      if (isAction(uses) && step.with?.capture !== undefined) stage = { stage: 'capture' }
      if (isAction(uses) && step.with?.links === `@${file}`) stage = { stage: 'restore' }
      return stage ? [{ ...stage, id, job, at, step }] : []
    })
  )
}

const withOf = (staged: Staged | undefined): Record<string, unknown> => staged?.step.with ?? {}

/**
 * What is out of order in a round trip's steps, in words: a tree sent that no earlier step captured, a restore with no
 * earlier receive into its working-directory, a receive in a job that does not wait (`needs:`) for the sending job.
 */
export function orderProblems(stages: Staged[]): string[] {
  const before = (s: Staged, stage: Stage, fits: (earlier: Staged) => boolean): Staged | undefined =>
    stages.find((earlier) => earlier.stage === stage && earlier.at < s.at && fits(earlier))
  return stages.flatMap((s) => {
    const path = String(withOf(s).path ?? '')
    if (s.stage === 'send' && !before(s, 'capture', (c) => String(withOf(c).capture).split(/\s+/).includes(path)))
      return [`${s.step.uses} sends ${path}, which no step before it captured`]
    const dir = String(withOf(s)['working-directory'] ?? '')
    if (s.stage === 'restore' && !before(s, 'receive', (r) => String(withOf(r).path) === dir))
      return [`the restore into ${dir} comes after no step that receives the tree there`]
    const sender = s.stage === 'receive' ? before(s, 'send', (x) => x.by === s.by) : undefined
    const needs = [s.job.needs ?? []].flat()
    if (sender && sender.id !== s.id && !needs.includes(sender.id))
      return [`job ${s.id} receives what job ${sender.id} sends without needs: ${sender.id}`]
    return []
  })
}

/** One carrier's whole round trip, from the first capture to the first restore after the receive. */
export function tripOf(stages: Staged[], by: Carrier) {
  const send = stages.find((s) => s.stage === 'send' && s.by === by)
  const receive = stages.find((s) => s.stage === 'receive' && s.by === by)
  const capture = stages.find((s) => s.stage === 'capture')
  const restore = receive && stages.find((s) => s.stage === 'restore' && s.at > receive.at)
  return capture && send && receive && restore ? { capture, send, receive, restore } : undefined
}

const onWindows = (staged: Staged): boolean => runnersOf(staged.job).some((runner) => /windows/i.test(runner))

/**
 * What a round trip asks of ln-action and of the carrier, and where it runs, as something to compare: the inputs
 * given to capture and to restore (with the values that matter), whether the tree sent is the one captured and the
 * restore works where it was received, the carrier's decisive inputs, and whether each side may run on Windows.
 */
export function tripFacts(trip: NonNullable<ReturnType<typeof tripOf>>, by: Carrier) {
  const { capture, send, receive, restore } = trip
  const decisive = (staged: Staged) => DECISIVE[by].map((name) => String(withOf(staged)[name]))
  return {
    capture: Object.keys(withOf(capture)).sort(),
    restore: Object.keys(withOf(restore)).sort(),
    links: withOf(restore).links,
    overwrite: withOf(restore).overwrite,
    sendsTheCapturedTree: withOf(send).path === withOf(capture).capture,
    restoresWhereReceived: withOf(receive).path === withOf(restore)['working-directory'],
    carrier: [...decisive(send), ...decisive(receive)],
    capturesOnWindows: onWindows(capture),
    restoresOnWindows: onWindows(restore)
  }
}
