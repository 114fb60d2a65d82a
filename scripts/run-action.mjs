// Runs dist/index.js the way the GitHub runner does: a child process, every input of action.yml as an INPUT_*
// variable (its default when not given), GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files read back afterwards.
// Used by `npm start`, the end-to-end tests and the benchmark.
import { spawn, spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { ACTION, actionNode, MAJOR, ROOT, whyNoActionNode } from './action-node.mjs'

export { ACTION, actionNode, ensureActionNode, ROOT, whyNoActionNode } from './action-node.mjs'

/**
 * A default as the runner evaluates it: on the host, so `github.workspace` is the host's path even in a container
 * job (actions/runner#2058). Other expressions are not emulated.
 */
function evaluateDefault(text, hostWorkspace) {
  const value = text.replace(/\$\{\{\s*github\.workspace\s*\}\}/g, hostWorkspace)
  if (value.includes('${{')) throw new Error(`cannot evaluate the default '${text}' of action.yml`)
  return value
}

/** INPUT_* variables for every input action.yml declares, as the runner sets them. */
export function inputEnv(inputs, hostWorkspace) {
  for (const name of Object.keys(inputs)) {
    if (!(name in ACTION.inputs)) throw new Error(`input '${name}' is not declared in action.yml`)
  }
  const env = {}
  for (const [name, spec] of Object.entries(ACTION.inputs)) {
    const value = inputs[name] ?? evaluateDefault(String(spec.default ?? ''), hostWorkspace)
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  }
  return env
}

/** GITHUB_OUTPUT holds `name<<DELIMITER`, the value, `DELIMITER` blocks; lines end in os.EOL (CRLF on Windows). */
export function parseOutputs(text) {
  const outputs = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i])
    if (!m) continue
    const end = lines.indexOf(m[2], i + 1)
    outputs[m[1]] = lines.slice(i + 1, end).join('\n')
    i = end
  }
  return outputs
}

/**
 * What a Windows process needs besides PATH, which the runner's environment always has: without SystemRoot Node's
 * child processes (PowerShell's drive query) fail, without TEMP and TMP os.tmpdir() falls back to SystemRoot\temp.
 */
function windowsEnv() {
  if (process.platform !== 'win32') return {}
  const names = ['SystemRoot', 'SystemDrive', 'windir', 'ComSpec', 'PATHEXT', 'TEMP', 'TMP', 'USERPROFILE']
  return Object.fromEntries(names.filter((name) => process.env[name] !== undefined).map((n) => [n, process.env[n]]))
}

/**
 * The runner's files and environment for one run. `hostWorkspace` is the workspace as the host names it: the same
 * as `workspace` except in a container job.
 */
function prepare(workspace, inputs, extraEnv, hostWorkspace = workspace) {
  const runnerTemp = fs.mkdtempSync(path.join(os.tmpdir(), 'ln-action-runner-'))
  const files = {
    GITHUB_OUTPUT: path.join(runnerTemp, 'output'),
    GITHUB_STEP_SUMMARY: path.join(runnerTemp, 'summary'),
    GITHUB_STATE: path.join(runnerTemp, 'state')
  }
  for (const file of Object.values(files)) fs.writeFileSync(file, '')
  const env = {
    PATH: process.env.PATH ?? '',
    ...windowsEnv(),
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: runnerTemp,
    ...files,
    ...inputEnv(inputs, hostWorkspace),
    ...extraEnv
  }
  return { runnerTemp, files, env, started: process.hrtime.bigint() }
}

/** What the runner would see once the step ended. */
function collect(run, { status, signal, stdout, stderr }) {
  const ms = Number(process.hrtime.bigint() - run.started) / 1e6
  const outputFile = fs.readFileSync(run.files.GITHUB_OUTPUT, 'utf8')
  const outputs = parseOutputs(outputFile)
  const resultsFile = outputs['results-file']
  const results = resultsFile && fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) : []
  const summary = fs.readFileSync(run.files.GITHUB_STEP_SUMMARY, 'utf8')
  // saveState writes GITHUB_STATE like GITHUB_OUTPUT; the runner hands it to the post step as STATE_* variables.
  const state = parseOutputs(fs.readFileSync(run.files.GITHUB_STATE, 'utf8'))
  fs.rmSync(run.runnerTemp, { recursive: true, force: true })
  return {
    status,
    signal,
    stdout: stdout ?? '',
    stderr: stderr ?? '',
    outputs,
    outputFile,
    summary,
    results,
    state,
    ms
  }
}

function nodeOrThrow(node) {
  if (!node) throw new Error(`no Node ${MAJOR} binary: ${whyNoActionNode()}`)
  return node
}

const ENTRY = path.join(ROOT, 'dist', 'index.js')

/** The environment of the post step, as the runner makes it from the main step's state. */
export function stateEnv(state = {}) {
  return Object.fromEntries(Object.entries(state).map(([name, value]) => [`STATE_${name}`, value]))
}

const BOUNDED = path.join(ROOT, 'scripts', 'bounded-run.mjs')
/** How long a run killed at its bound may take to go: a process that can die does so within milliseconds. */
const GRACE_MS = 2000

/** Why a run did not end: its bound passed and even SIGKILL did not end it. */
function stuckError(timeoutMs, log) {
  return new Error(
    `the action did not end within ${timeoutMs} ms, and SIGKILL did not end it either: it is stuck in a filesystem ` +
      `call (a hung share?) and was left behind. Its log so far:\n${log.slice(-4000)}`
  )
}

/**
 * Run the action in `workspace` with these inputs. `stdio: 'inherit'` shows the log live instead of capturing it;
 * `hostWorkspace` plays a container job, where the host's workspace path differs from the step's; `entry` runs another
 * build than dist/index.js (the bench compares two).
 * Returns the exit status, captured output, outputs, summary and the results file's content. Bounded: a run that
 * outlives `timeoutMs` is killed, and one stuck beyond SIGKILL throws instead of holding the caller up
 * (bounded-run.mjs); its log goes through files, which a stuck process cannot keep this one waiting on.
 */
export function runAction(
  workspace,
  inputs,
  { env = {}, node = actionNode(), stdio = 'pipe', timeoutMs = 120_000, hostWorkspace, entry = ENTRY } = {}
) {
  const run = prepare(workspace, inputs, env, hostWorkspace)
  const logs = { stdout: path.join(run.runnerTemp, 'stdout'), stderr: path.join(run.runnerTemp, 'stderr') }
  const outcomeFile = path.join(run.runnerTemp, 'outcome.json')
  const fds = stdio === 'inherit' ? [] : [fs.openSync(logs.stdout, 'w'), fs.openSync(logs.stderr, 'w')]
  try {
    spawnSync(process.execPath, [BOUNDED, outcomeFile, String(timeoutMs), String(GRACE_MS), nodeOrThrow(node), entry], {
      cwd: workspace,
      // NODE_OPTIONS is meant for the action alone: bounded-run.mjs hands it on.
      env: { ...run.env, NODE_OPTIONS: '', BOUNDED_NODE_OPTIONS: run.env.NODE_OPTIONS },
      stdio: stdio === 'inherit' ? 'inherit' : ['ignore', ...fds]
    })
  } finally {
    fds.forEach((fd) => fs.closeSync(fd))
  }
  const read = (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '')
  const { status, signal, ms, stuck, error } = JSON.parse(read(outcomeFile) || '{"error":"bounded-run.mjs failed"}')
  const [stdout, stderr] = [read(logs.stdout), read(logs.stderr)]
  if (stuck) throw stuckError(timeoutMs, stdout + stderr)
  if (error) throw new Error(`the action could not be run: ${error}`)
  return { ...collect(run, { status, signal, stdout, stderr }), ms }
}

/**
 * The same, without waiting: for runs at the same time as others, or to show the log as it comes (`onStdout`).
 * Bounded like runAction: past `timeoutMs` SIGKILL, and a run that even that cannot end rejects, its pipes let go.
 */
export function startAction(
  workspace,
  inputs,
  { env = {}, node = actionNode(), onStdout, onStderr, onSpawn, timeoutMs = 120_000, entry = ENTRY } = {}
) {
  const run = prepare(workspace, inputs, env)
  const child = spawn(nodeOrThrow(node), [entry], { cwd: workspace, env: run.env })
  onSpawn?.(child)
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (d) => {
    stdout += d
    onStdout?.(d)
  })
  child.stderr.setEncoding('utf8').on('data', (d) => {
    stderr += d
    onStderr?.(d)
  })
  return new Promise((resolve, reject) => {
    let grace
    const bound = setTimeout(() => {
      child.kill('SIGKILL')
      grace = setTimeout(() => {
        child.stdout.destroy()
        child.stderr.destroy()
        child.unref()
        reject(stuckError(timeoutMs, stdout + stderr))
      }, GRACE_MS)
    }, timeoutMs)
    child.on('close', (status, signal) => {
      clearTimeout(bound)
      clearTimeout(grace)
      resolve(collect(run, { status, signal, stdout, stderr }))
    })
  })
}
