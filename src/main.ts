// The pipeline: settings → parse → plan and apply (executors) → report. Nothing here knows about processes: where
// each link is worked on is the executors' business (executors.ts).
import * as core from '@actions/core'
import { captureRoot, CAPTURE_FILE, type CaptureResult } from './capture/index.js'
import { reportCapture } from './capture/report.js'
import { withVolumeCaseRules } from './case-rules.js'
import { errorMessage } from './errors.js'
import { inSpecOrder, type Emit } from './executor.js'
import { executorsFor, type Workplace } from './executors.js'
import { nodeFs, type FsOps } from './fsops.js'
import { canHang } from './families.js'
import type { LinkRequest, Settings, SpecVerdict } from './model.js'
import { createDetector } from './mounts.js'
import { currentPlatform, type Platform } from './platform.js'
import { finishReport, reportProblems, type Where } from './report.js'
import { verdictResult } from './result.js'
import { getInputs } from './settings.js'
import { junctionNotice, readSpec } from './spec/index.js'
import { Tally } from './tally.js'
import { markMainStep, UndoList } from './undo-state.js'

export interface RunOptions {
  platform?: Platform
  /** The filesystem calls of the links worked on in this process (tests inject errnos here). */
  ops?: FsOps
  /** Links on shares that may hang go to a share worker process (the default); false keeps every link here. */
  isolateShares?: boolean
  /** The script a share worker runs: the share bundle (dist/share/index.js) unless given. */
  workerEntry?: string
}

/** Plan and make every link, each result emitted as it is made. */
async function linkEach(requests: LinkRequest[], settings: Settings, where: Workplace, emit: Emit): Promise<void> {
  const executors = executorsFor(requests, settings, where)
  try {
    await Promise.all(executors.map((e) => e.plan()))
    await Promise.all(executors.map((e) => e.results(emit)))
  } finally {
    for (const executor of executors) executor.release()
  }
}

/**
 * The executors number only the links they are given; the entries the spec settled (verdicts, in spec order) keep
 * their places among them: each link's result goes to its own place in the spec.
 */
function amongVerdicts(emit: Emit, verdicts: SpecVerdict[], links: number): Emit {
  if (verdicts.length === 0) return emit
  const places = new Uint32Array(links)
  for (let link = 0, place = 0, v = 0; link < links; link++, place++) {
    for (; v < verdicts.length && verdicts[v].index === place; v++) place++
    places[link] = place
  }
  return (index, result, undo) => emit(places[index], result, undo)
}

/** Read the spec, make its links and report them; false when the spec was rejected (nothing was touched). */
async function makeLinks(spec: string, where: Where, workplace: Workplace): Promise<boolean> {
  const { settings, platform } = where
  const read = readSpec(spec, settings, platform)
  if ('problems' in read) {
    await reportProblems(read.problems, where, read.entries)
    return false
  }
  const { requests, verdicts } = read
  const notice = junctionNotice(requests, platform)
  if (notice) core.notice(notice)
  // Each result is reported as it is made, in spec order, and then let go of.
  const tally = new Tally(where, { log: true, expected: requests.length + verdicts.length })
  const undo = settings.cleanup && !settings.dryRun ? new UndoList(workplace.mayHang) : undefined
  const emit = inSpecOrder((result, entry) => {
    if (entry) undo?.add(entry)
    tally.add(result)
  })
  for (const verdict of verdicts) emit(verdict.index, verdictResult(verdict, settings.dryRun))
  await linkEach(requests, settings, workplace, amongVerdicts(emit, verdicts, requests.length))
  undo?.save(settings, platform.name)
  await finishReport(tally, where)
  return true
}

/** Each directory of `capture`, after the links are made (a link the spec made is captured with the rest). */
function captureAll(settings: Settings): CaptureResult[] {
  return (settings.capture ?? []).map((root) =>
    captureRoot({
      root,
      workingDirectory: settings.workingDirectory,
      file: settings.captureFile ?? CAPTURE_FILE,
      dryRun: settings.dryRun
    })
  )
}

/** Run the action. Resolves when it is done; failures set the exit code through core.setFailed. */
export async function run(options: RunOptions = {}): Promise<void> {
  const { platform: os = currentPlatform(), ops = nodeFs, isolateShares = true } = options
  markMainStep()
  try {
    const detector = createDetector(os)
    // A share that may hang is never probed from here, even where tests keep its links in this process.
    const onShare = (p: string): boolean => canHang(detector.forPath(p))
    const mayHang = (p: string): boolean => isolateShares && onShare(p)
    // Duplicates, confinement and the report compare names by each volume's case rule.
    const platform = withVolumeCaseRules(os, detector, { mayHang: onShare, ops })
    const { settings, spec } = getInputs(platform, mayHang)
    const where = { settings, platform, workspace: process.env.GITHUB_WORKSPACE || settings.workingDirectory }
    const workplace = { platform, ops, detector, mayHang, workerEntry: options.workerEntry }
    // No links with `capture` given: a step that only captures. A rejected spec touches nothing, so captures nothing.
    if (spec !== '' && !(await makeLinks(spec, where, workplace))) return
    if (settings.capture?.length) await reportCapture(captureAll(settings), where)
  } catch (error) {
    core.setFailed(errorMessage(error))
  }
}
