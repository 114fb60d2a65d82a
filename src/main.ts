// The pipeline: settings → parse → plan → apply → report.
import * as runner from './runner.js'
import { applyLink, plannedResult, type ApplyContext } from './apply.js'
import { errorMessage } from './errors.js'
import { nodeFs, type FsOps } from './fsops.js'
import { createDetector } from './mounts.js'
import { planAll } from './plan.js'
import { currentPlatform, type Platform } from './platform.js'
import { report, reportProblems } from './report.js'
import { getSettings } from './settings.js'
import { parseSpec, resolveEntries } from './spec.js'

export interface RunOptions {
  platform?: Platform
  ops?: FsOps
  env?: Record<string, string | undefined>
}

/** The working directory with symlinks resolved; as given where its share does not answer (each link says why). */
function realOrAsGiven(ops: FsOps, dir: string): string {
  try {
    return ops.realpath(dir)
  } catch {
    return dir
  }
}

/** Run the action. Resolves when it is done; failures set the exit code through runner.setFailed. */
export async function run(options: RunOptions = {}): Promise<void> {
  const { platform = currentPlatform(), ops = nodeFs, env = process.env } = options
  try {
    const settings = getSettings(platform, env)
    const where = { settings, platform, workspace: env.GITHUB_WORKSPACE || settings.workingDirectory }

    const parsed = parseSpec(settings.spec, settings.defaults)
    const resolved = resolveEntries(parsed.entries, settings.workingDirectory, settings.confine, platform)
    const specProblems = [...parsed.problems, ...resolved.problems]
    if (specProblems.length > 0) return reportProblems(specProblems, where)

    const ctx: ApplyContext = {
      platform,
      ops,
      detector: createDetector(platform),
      realWorkingDirectory: realOrAsGiven(ops, settings.workingDirectory),
      confine: settings.confine,
      createParents: settings.createParents,
      dangling: settings.dangling,
      goneShares: new Map(),
      probes: new Map(),
      backupSuffix: settings.backupSuffix,
      swept: new Set(),
      now: Date.now
    }
    const { plans, problems } = planAll(resolved.requests, ctx)
    if (problems.length > 0) return reportProblems(problems, where)

    const results = plans.map((plan) => (settings.dryRun ? plannedResult(plan, ctx) : applyLink(plan, ctx)))
    await report(results, where, env)
  } catch (error) {
    runner.setFailed(errorMessage(error))
  }
}
