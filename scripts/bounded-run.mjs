// Runs one command and waits for it a bounded time: at the bound SIGKILL, then a short grace. A child that even
// SIGKILL cannot end (a call to a hung FUSE share that the daemon was already sent: the kernel waits it out) is left
// behind, so whoever waits for this process is never held up by it. spawnSync cannot do this: on its timeout it
// kills the child and then waits for it to exit, however long that takes.
//
//   node bounded-run.mjs OUTCOME_FILE TIMEOUT_MS GRACE_MS COMMAND [ARGS...]
//
// The command inherits stdio and the environment (NODE_OPTIONS from BOUNDED_NODE_OPTIONS: options meant for the
// command, such as --cpu-prof, are not this process's). OUTCOME_FILE gets {status, signal, ms, stuck}.
import { spawn } from 'node:child_process'
import * as fs from 'node:fs'

const [outcomeFile, timeout, grace, command, ...args] = process.argv.slice(2)
const { BOUNDED_NODE_OPTIONS, NODE_OPTIONS, ...env } = process.env
if (BOUNDED_NODE_OPTIONS) env.NODE_OPTIONS = BOUNDED_NODE_OPTIONS

const started = process.hrtime.bigint()
const finish = (outcome) => {
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  fs.writeFileSync(outcomeFile, JSON.stringify({ status: null, signal: null, stuck: false, ...outcome, ms }))
  process.exit(0) // without waiting for a child that is stuck
}
const child = spawn(command, args, { stdio: 'inherit', env })
child.on('error', (error) => finish({ error: error.message }))
child.on('exit', (status, signal) => finish({ status, signal }))
setTimeout(() => {
  child.kill('SIGKILL')
  setTimeout(() => finish({ signal: 'SIGKILL', stuck: true }), Number(grace))
}, Number(timeout))
