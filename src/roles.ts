// The one variable index.ts dispatches on: which part of the action a process or thread is. Unset: the action as
// the runner started it.
import { spawn, type ChildProcess } from 'node:child_process'

export const ROLE = 'LN_ACTION_ROLE'

export type Role =
  /** A child process that plans and makes the links on one share that may hang (share/supervisor.ts). */
  | 'share-worker'
  /** A thread of a share worker that works on whole directories of that share (share/lane.ts). */
  | 'lane'
  /** A child process of the post step that undoes links on shares that may hang (post.ts). */
  | 'post-worker'

export function roleOf(env: Record<string, string | undefined>): Role | undefined {
  const role = env[ROLE]
  return role === 'share-worker' || role === 'lane' || role === 'post-worker' ? role : undefined
}

/** The environment of a process or thread that is to play `role`. */
export function envFor(role: Role): Record<string, string | undefined> {
  return { ...process.env, [ROLE]: role }
}

/**
 * A child process of this bundle playing `role`, talked to over IPC only: its own stdio, so the runner never waits
 * for a child that a hung share keeps from exiting.
 */
export function startChild(role: Role, entry: string): ChildProcess {
  return spawn(process.execPath, [entry], { env: envFor(role), stdio: ['ignore', 'ignore', 'ignore', 'ipc'] })
}

/** Done with a child: killed, and nothing of it keeps this process alive even if it cannot die yet. */
export function letGo(child: ChildProcess): void {
  child.kill('SIGKILL')
  if (child.connected) child.disconnect()
  child.unref()
}

/** How a child ended, as a result's message says it. */
export function endedEarly(code: number | null, signal: NodeJS.Signals | null): string {
  return `ended early (${signal ?? `exit code ${code}`})`
}
