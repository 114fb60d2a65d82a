// Big specs run in a second Node process with a small young generation: an action cannot pass V8 flags to the
// process the runner starts, and with the default the heap of a 100,000-link run peaks near 400 MB (measured:
// 375 MB; about 190 MB with --max-semi-space-size=4, at about the same speed).
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { envFor } from './roles.js'

/** Below this many spec lines the extra process start (about 50 ms) costs more than the memory it saves. */
const LARGE_SPEC_LINES = 20_000

export function wantsLeanProcess(spec: string): boolean {
  let lines = 0
  for (let i = spec.indexOf('\n'); i >= 0 && lines < LARGE_SPEC_LINES; i = spec.indexOf('\n', i + 1)) lines++
  return lines >= LARGE_SPEC_LINES
}

/** Run the whole action again in a lean process that shares this one's output, and take its exit code. */
export function relaunchLean(entry = fileURLToPath(import.meta.url)): Promise<void> {
  const child = spawn(process.execPath, ['--max-semi-space-size=4', entry], { stdio: 'inherit', env: envFor('lean') })
  return new Promise((resolve) =>
    child.on('close', (code) => {
      process.exitCode = code ?? 1
      resolve()
    })
  )
}
