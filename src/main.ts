// The pipeline: settings → parse → plan and apply (executors) → report. Nothing here knows about processes: where
// each link is worked on is the executors' business (executors.ts).
import * as core from '@actions/core'
import { errorMessage } from './errors.js'
import { executorsFor, type Workplace } from './executors.js'
import { nodeFs, type FsOps } from './fsops.js'
import { canHang } from './knowledge.js'
import { relaunchLean, wantsLeanProcess } from './lean.js'
import type { LinkResult, Settings, SpecEntry, SpecProblem } from './model.js'
import { createDetector } from './mounts.js'
import { currentPlatform, type Platform } from './platform.js'
import { report, reportProblems } from './report.js'
import { getInputs } from './settings.js'
import { parseSpec, resolveEntries } from './spec.js'
import { markMainStep, saveUndo } from './undo-state.js'

export interface RunOptions {
  platform?: Platform
  /** The filesystem calls of the links worked on in this process (tests inject errnos here). */
  ops?: FsOps
  /** Links on shares that may hang go to a share worker process (the default); false keeps every link here. */
  isolateShares?: boolean
  /** The script a share worker runs: the share bundle (dist/share/index.js) unless given. */
  workerEntry?: string
  /** This is the process the runner started: a big spec is handed on to a leaner one (lean.ts). */
  lean?: boolean
}

type LinkAll = { problems: SpecProblem[]; entries: SpecEntry[] } | { results: LinkResult[] }

/**
 * Parse, plan and apply; what it returns is all that report needs. Everything else (entries, plans) is local here,
 * so a run of 100,000 links lets go of it before the report is built.
 */
async function linkAll(spec: string, settings: Settings, where: Workplace): Promise<LinkAll> {
  const parsed = parseSpec(spec, settings.defaults)
  const resolved = resolveEntries(parsed.entries, settings.workingDirectory, settings.confine, where.platform)
  const specProblems = [...parsed.problems, ...resolved.problems]
  if (specProblems.length > 0) return { problems: specProblems, entries: parsed.entries }
  const executors = executorsFor(resolved.requests, settings, where)
  try {
    await Promise.all(executors.map((e) => e.plan()))
    const results: LinkResult[] = new Array(resolved.requests.length)
    await Promise.all(executors.map((e) => e.results(results)))
    return { results }
  } finally {
    for (const executor of executors) executor.release()
  }
}

/** Run the action. Resolves when it is done; failures set the exit code through core.setFailed. */
export async function run(options: RunOptions = {}): Promise<void> {
  const { platform = currentPlatform(), ops = nodeFs, isolateShares = true } = options
  markMainStep()
  try {
    const detector = createDetector(platform)
    const mayHang = (p: string): boolean => isolateShares && canHang(detector.forPath(p))
    const { settings, spec } = getInputs(platform, mayHang)
    if (options.lean && wantsLeanProcess(spec)) return await relaunchLean()
    const where = { settings, platform, workspace: process.env.GITHUB_WORKSPACE || settings.workingDirectory }
    const outcome = await linkAll(spec, settings, {
      platform,
      ops,
      detector,
      mayHang,
      workerEntry: options.workerEntry
    })
    if ('problems' in outcome) return await reportProblems(outcome.problems, where, outcome.entries)
    if (settings.cleanup && !settings.dryRun) saveUndo(outcome.results, settings, platform.name, mayHang)
    await report(outcome.results, where)
  } catch (error) {
    core.setFailed(errorMessage(error))
  }
}
