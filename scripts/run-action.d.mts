import type { ChildProcess, StdioOptions } from 'node:child_process'
import type { LinkResult } from '../src/model.js'

export const ROOT: string
export const ACTION: {
  inputs: Record<string, { default?: string; description: string; required?: boolean }>
  outputs: Record<string, { description: string }>
  runs: { using: string; main: string; post?: string }
}
export function actionNode(): string | undefined
export function ensureActionNode(): string | undefined
export function whyNoActionNode(): string
export function inputEnv(inputs: Record<string, string>, hostWorkspace: string): Record<string, string>
export function parseOutputs(text: string): Record<string, string>
export interface ActionRun {
  status: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  /** GITHUB_OUTPUT as the action left it. */
  outputFile: string
  summary: string
  results: LinkResult[]
  /** What the step saved for its post step (GITHUB_STATE). */
  state: Record<string, string>
  ms: number
}
export function stateEnv(state?: Record<string, string>): Record<string, string>
export function runAction(
  workspace: string,
  inputs: Record<string, string>,
  options?: {
    env?: Record<string, string>
    node?: string
    stdio?: StdioOptions
    timeoutMs?: number
    hostWorkspace?: string
  }
): ActionRun
export function startAction(
  workspace: string,
  inputs: Record<string, string>,
  options?: {
    env?: Record<string, string>
    node?: string
    onStdout?: (chunk: string) => void
    onStderr?: (chunk: string) => void
    onSpawn?: (child: ChildProcess) => void
    timeoutMs?: number
  }
): Promise<ActionRun>
