// The pipeline: settings → parse → plan and apply (executors) → report. Nothing here knows about processes: where
// each link is worked on is the executors' business (executors.ts).
import * as core from '@actions/core'
import { captureRoot, CAPTURE_FILE, type CaptureResult } from './capture/index.js'
import { reportCapture } from './capture/report.js'
import { withVolumeCaseRules } from './case-rules.js'
import { errorMessage } from './errors.js'
import { inSpecOrder, type Emit } from './executor.js'
import { executorsFor, goesToShare, type Workplace } from './executors.js'
import { nodeFs, type FsOps } from './fsops.js'
import { canHang } from './families.js'
import type { Indexed, Settings } from './model.js'
import { createDetector, mayLieBelow, rootsWhere } from './mounts.js'
import { currentPlatform, type Platform } from './platform.js'
import { finishReport, reportProblems, type Where } from './report.js'
import { verdictResult } from './result.js'
import { getInputs } from './settings.js'
import { junctionNotice, readSpec, type SpecLinks, type SpecText } from './spec/index.js'
import { Tally } from './tally.js'
import { markMainStep, UndoList } from './undo-state.js'
import { keepYoungGeneration } from './young-generation.js'

export interface RunOptions {
  platform?: Platform
  /** The filesystem calls of the links worked on in this process (tests inject errnos here). */
  ops?: FsOps
  /** Links on shares that may hang go to a share worker process (the default); false keeps every link here. */
  isolateShares?: boolean
  /** The script a share worker runs: the share bundle (dist/share/index.js) unless given. */
  workerEntry?: string
}

/**
 * Plan and make every link, each result emitted as it is made; the links held (those on shares) at once, the others
 * as the spec is read again.
 */
async function linkEach(spec: SpecLinks, settings: Settings, where: Workplace, emit: Emit): Promise<void> {
  const local = localLinks(spec, emit, settings.dryRun)
  const executors = executorsFor(spec.held, local, settings, { ...where, linkTexts: spec.texts })
  try {
    await Promise.all(executors.map((e) => e.plan()))
    await Promise.all(executors.map((e) => e.results(emit)))
  } finally {
    for (const executor of executors) executor.release()
  }
}

/** The links made here, as the spec is read again; each entry the spec settles (a verdict) emitted on the way. */
function* localLinks(spec: SpecLinks, emit: Emit, dryRun: boolean): Generator<Indexed> {
  for (const item of spec.walk()) {
    if ('request' in item) yield item
    else emit(item.index, verdictResult(item, dryRun))
  }
}

/** Read the spec, make its links and report them; false when the spec was rejected (nothing was touched). */
async function makeLinks(text: SpecText, where: Where, workplace: Workplace): Promise<boolean> {
  const { settings, platform } = where
  const spec = readSpec(text, settings, platform, (request) => goesToShare(request, workplace))
  if ('problems' in spec) {
    await reportProblems(spec.problems, where, spec.entries)
    return false
  }
  const notice = junctionNotice(spec.junction, platform)
  if (notice) core.notice(notice)
  // Each result is reported as it is made, in spec order, and then let go of.
  const tally = new Tally(where, { log: true, expected: spec.count })
  const undo = settings.cleanup && !settings.dryRun ? new UndoList(workplace.mayHang) : undefined
  const emit = inSpecOrder((result, entry) => {
    if (entry) undo?.add(entry)
    tally.add(result)
  })
  // Slices of links wait for a log the runner has not read yet (unread, it would be held here, all of it), and for
  // a share's results where those made here ran far ahead of them (held until those before them come).
  const pace = (through: number): Promise<void> | undefined => {
    keepYoungGeneration()
    return tally.caughtUp() ?? emit.caughtUp(through)
  }
  await linkEach(spec, settings, { ...workplace, pace }, emit)
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
    // Asked of every PATH and TARGET: most runners mount nothing that can hang, and then no path is looked up.
    const hanging = rootsWhere(detector, os, canHang)
    const onShare = (p: string): boolean => mayLieBelow(os, hanging, p) && canHang(detector.forPath(p))
    const mayHang = (p: string): boolean => isolateShares && onShare(p)
    // Duplicates, confinement and the report compare names by each volume's case rule.
    const platform = withVolumeCaseRules(os, detector, { mayHang: onShare, ops })
    const { settings, spec } = getInputs(platform, mayHang)
    const where = { settings, platform, workspace: process.env.GITHUB_WORKSPACE || settings.workingDirectory }
    const workplace = { platform, ops, detector, mayHang, workerEntry: options.workerEntry }
    // No links with `capture` given: a step that only captures. A rejected spec touches nothing, so captures nothing.
    if (spec && !(await makeLinks(spec, where, workplace))) return
    if (settings.capture?.length) await reportCapture(captureAll(settings), where)
  } catch (error) {
    core.setFailed(errorMessage(error))
  }
}
