// End-to-end helpers: the bundled action run as the runner runs it (scripts/run-action.mjs), plus what tests check.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { ACTION, actionNode, runAction as runDist, whyNoActionNode, type ActionRun } from '../../scripts/run-action.mjs'
import { describeUnless, itUnless } from './skip.js'

export const NODE = actionNode()
/** Why the suites that run dist/index.js skip, when NODE is undefined. */
export const NO_NODE = `no ${ACTION.runs.using} binary: ${whyNoActionNode()}`

/** describe, or describe.skip with the reason in its title, for suites that need the action's Node. */
export const describeWithActionNode = describeUnless(NODE ? undefined : NO_NODE)

const POSIX_ONLY = process.platform === 'win32' ? 'on Windows: it checks POSIX link texts and paths' : undefined

/**
 * describe, or on Windows describe.skip saying why, for unit suites that make real links with POSIX texts and paths
 * (`../data/x`, `/`) in temp dirs; windows.test.ts runs plan and apply on Windows paths instead.
 */
export const describePosix = describeUnless(POSIX_ONLY)

/** The same for one test. */
export const itPosix = itUnless(POSIX_ONLY)

/** The same for suites that run dist; smoke.e2e.test.ts runs dist on real Windows links instead. */
export const describePosixWithActionNode = POSIX_ONLY ? describePosix : describeWithActionNode

export interface Annotation {
  level: string
  properties: string
  message: string
}

/** The run, plus the `::error ...::` and `::warning ...::` lines of its log. */
export function runAction(
  workspace: string,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  hostWorkspace?: string
): ActionRun & { annotations: Annotation[] } {
  const run = runDist(workspace, inputs, { env, hostWorkspace })
  const annotations = [...run.stdout.matchAll(/^::(error|warning)( [^:]*)?::(.*)$/gm)].map((m) => ({
    level: m[1],
    properties: (m[2] ?? '').trim(),
    message: m[3]
  }))
  return { ...run, annotations }
}

/** A fresh directory with its symlinks resolved (so paths compare equal to what the action reports). */
export function tempWorkspace(prefix = 'ln-action-ws-'): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)))
}

/** Everything below dir, as `relative path → what it is`, to compare the disk before and after. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (d: string): void => {
    for (const name of fs.readdirSync(d).sort()) {
      const p = path.join(d, name)
      const rel = path.relative(dir, p)
      const st = fs.lstatSync(p)
      if (st.isSymbolicLink()) out[rel] = `link:${fs.readlinkSync(p)}`
      else if (st.isDirectory()) {
        out[rel] = 'dir'
        walk(p)
      } else out[rel] = `file:${st.size}:${st.ino}`
    }
  }
  walk(dir)
  return out
}
