// The pipeline: settings → parse → plan → apply → report. Links on shares that can hang are planned and applied
// in a child process per share (share-job.ts); the rest in this process, where a successful call is the proof.
import { applyContext, applyLink, failedResult, plannedResult, type LinkSettings } from './apply.js'
import { errorMessage } from './errors.js'
import { nodeFs, type FsOps } from './fsops.js'
import { canHang } from './knowledge.js'
import type { FilesystemInfo, LinkResult } from './model.js'
import { runLean, wantsLeanProcess } from './lean.js'
import { createDetector, type FilesystemDetector } from './mounts.js'
import { planAll } from './plan.js'
import { currentPlatform, type Platform } from './platform.js'
import { report, reportProblems } from './report.js'
import * as runner from './runner.js'
import { getSettings, type Settings } from './settings.js'
import { ShareJob } from './share-job.js'
import type { Indexed } from './share-worker.js'
import { parseSpec, resolveEntries, type SpecProblem } from './spec.js'

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

interface Split {
  local: Indexed[]
  shares: Map<string, { filesystem: FilesystemInfo; links: Indexed[] }>
}

/** Which links go to a share worker: decided from the mount table alone, before anything touches a path. */
function splitByShare(links: Indexed[], detector: FilesystemDetector, mayHang: (p: string) => boolean): Split {
  const split: Split = { local: [], shares: new Map() }
  for (const link of links) {
    const onShare = [link.request.absPath, link.request.absTarget].find(mayHang)
    if (onShare === undefined) {
      split.local.push(link)
      continue
    }
    const share = detector.forPath(onShare)
    const group = split.shares.get(share.mountPoint) ?? { filesystem: share, links: [] }
    group.links.push(link)
    split.shares.set(share.mountPoint, group)
  }
  return split
}

type Outcome = { problems: SpecProblem[] } | { results: LinkResult[] }

/**
 * Parse, plan and apply; what it returns is all that report needs. Everything else (entries, plans) is local here,
 * so a run of 100,000 links lets go of it before the report is built.
 */
async function linkAll(
  settings: Settings,
  platform: Platform,
  ops: FsOps,
  detector: FilesystemDetector,
  mayHang: (p: string) => boolean,
  jobs: ShareJob[]
): Promise<Outcome> {
  const parsed = parseSpec(settings.spec, settings.defaults)
  const resolved = resolveEntries(parsed.entries, settings.workingDirectory, settings.confine, platform)
  const specProblems = [...parsed.problems, ...resolved.problems]
  if (specProblems.length > 0) return { problems: specProblems }

  const linkSettings: LinkSettings = {
    platform: platform.name,
    // A share worker resolves a working directory on its share itself, under its timeout.
    realWorkingDirectory: mayHang(settings.workingDirectory)
      ? settings.workingDirectory
      : realOrAsGiven(ops, settings.workingDirectory),
    confine: settings.confine,
    createParents: settings.createParents,
    dangling: settings.dangling,
    backupSuffix: settings.backupSuffix
  }
  const ctx = { ...applyContext(linkSettings, ops, detector), platform }
  const links = resolved.requests.map((request, index) => ({ index, request }))
  const split = splitByShare(links, detector, mayHang)
  const groups = [...split.shares.values()]
  const { dryRun, timeoutMs } = settings
  for (const group of groups) {
    jobs.push(new ShareJob({ ...linkSettings, filesystem: group.filesystem, dryRun, timeoutMs }, group.links))
  }

  const local = planAll(
    split.local.map((l) => l.request),
    ctx
  )
  const sharePlans = await Promise.all(jobs.map((job) => job.plan()))
  const problems = [...local.problems, ...sharePlans.flatMap((p) => p?.problems ?? [])]
  if (problems.length > 0) return { problems }

  const results: LinkResult[] = new Array(links.length)
  /** A share's results; a child that died without them leaves its links failed, saying so. */
  const fill = (i: number, found: Map<number, LinkResult> | undefined): void => {
    for (const { index, request } of groups[i].links) {
      const failure = { code: 'UNKNOWN', syscall: 'none', attempted: `get an answer (${jobs[i].failureReason}) for` }
      const failed = failedResult(request, failure, ctx)
      results[index] = found?.get(index) ?? (dryRun ? { ...failed, status: 'planned', plan: 'fail' } : failed)
    }
  }
  if (dryRun) {
    sharePlans.forEach((plan, i) => fill(i, plan?.planned))
    local.plans.forEach((plan, i) => (results[split.local[i].index] = plannedResult(plan, ctx)))
  } else {
    const applied = jobs.map((job) => job.apply())
    local.plans.forEach((plan, i) => (results[split.local[i].index] = applyLink(plan, ctx)))
    const shareResults = await Promise.all(applied)
    shareResults.forEach((found, i) => fill(i, found))
  }
  return { results }
}

/** Run the action. Resolves when it is done; failures set the exit code through runner.setFailed. */
export async function run(options: RunOptions = {}): Promise<void> {
  const { platform = currentPlatform(), ops = nodeFs, env = process.env } = options
  const jobs: ShareJob[] = []
  try {
    const detector = createDetector(platform)
    // Injected filesystem calls (tests) cannot cross into another process: with them, everything stays here.
    const isolate = ops === nodeFs
    const mayHang = (p: string): boolean => isolate && canHang(detector.forPath(p))
    const settings = getSettings(platform, env, mayHang)
    if (isolate && wantsLeanProcess(settings.spec, env)) return await runLean()
    const where = { settings, platform, workspace: env.GITHUB_WORKSPACE || settings.workingDirectory }
    const outcome = await linkAll(settings, platform, ops, detector, mayHang, jobs)
    if ('problems' in outcome) return reportProblems(outcome.problems, where)
    await report(outcome.results, where, env)
  } catch (error) {
    runner.setFailed(errorMessage(error))
  } finally {
    for (const job of jobs) job.release()
  }
}
