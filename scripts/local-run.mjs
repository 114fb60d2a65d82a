// `npm start -- [FILE] [flags]`: runs the bundled action on a spec file as a workflow step would, and prints its
// log as a terminal should show it. `npm start -- --help` lists the flags, one for every input of action.yml.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { eatenByNpm, parseCommandLine, renderLine, SYNOPSIS, usage, UsageError } from './cli.mjs'
import { actionNode, fetchNotice } from './action-node.mjs'
import { ACTION, ensureActionNode, ROOT, startAction, stateEnv, whyNoActionNode } from './run-action.mjs'

// npm runs scripts from the package root; INIT_CWD is where the user typed the command.
const HERE = process.env.INIT_CWD ?? process.cwd()

const isA = (kind, p) => fs.statSync(p, { throwIfNoEntry: false })?.[kind]() === true

/** FILE and DIR, absolute and checked before anything runs. */
function checkedPaths({ file, dir }) {
  const spec = path.resolve(HERE, file ?? path.join(ROOT, 'examples', 'links.txt'))
  if (!isA('isFile', spec)) throw new UsageError(`spec FILE ${spec} does not exist or is not a file`)
  const workspace = dir && path.resolve(HERE, dir)
  if (workspace && !isA('isDirectory', workspace)) {
    throw new UsageError(`--dir ${workspace} does not exist or is not a directory`)
  }
  return { spec, workspace }
}

/** Writes the action's stdout line by line, rendered; `end()` flushes a last line without a newline. */
function terminalLog(debug) {
  let pending = ''
  const write = (line) => {
    const shown = renderLine(line, { debug })
    if (shown !== undefined) process.stdout.write(`${shown}\n`)
  }
  return {
    data(chunk) {
      const lines = (pending + chunk).split(/\r?\n/)
      pending = lines.pop()
      lines.forEach(write)
    },
    end: () => pending && write(pending)
  }
}

/** `created=5 replaced=0 ...`: the outputs the run set (a rejected spec sets fewer), results aside. */
function outputLine(outputs) {
  const names = Object.keys(ACTION.outputs).filter((name) => !name.startsWith('results') && name in outputs)
  return names.map((name) => `${name}=${outputs[name]}`).join(' ')
}

/** The action's Node, fetched on the first run (saying so first: it takes a while). */
function nodeForAction() {
  if (!actionNode()) console.log(`${fetchNotice()}\n`)
  return ensureActionNode()
}

async function run(options, temps) {
  const { spec, workspace: dir } = checkedPaths(options)
  const node = nodeForAction()
  if (!node) throw new Error(`no Node ${ACTION.runs.using.replace('node', '')} to run the action: ${whyNoActionNode()}`)
  let workspace = dir
  if (!workspace) {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'ln-action-example-'))
    temps.push(workspace)
    fs.cpSync(path.join(ROOT, 'examples', 'workspace'), workspace, { recursive: true })
  }
  // The results file lands here (runAction removes its own RUNNER_TEMP); kept only with --keep-results.
  const runnerTemp = fs.mkdtempSync(path.join(os.tmpdir(), 'ln-action-results-'))
  if (!options.keepResults) temps.push(runnerTemp)
  const dryRun = options.inputs['dry-run'] === 'true'
  console.log(
    `ln-action: ${spec} in ${workspace}${dir ? '' : ' (a temporary copy of examples/workspace)'}${dryRun ? ', dry run' : ''}\n`
  )
  const inputs = { ...options.inputs, links: `@${spec}`, 'working-directory': workspace }
  const step = async (env) => {
    const log = terminalLog(options.debug)
    const onStderr = (d) => process.stderr.write(d)
    const result = await startAction(workspace, inputs, { node, env, onStdout: log.data, onStderr })
    log.end()
    return result
  }
  const result = await step({ RUNNER_TEMP: runnerTemp })
  const outputs = outputLine(result.outputs)
  if (outputs) console.log(`\noutputs: ${outputs}`)
  if (options.keepResults) console.log(`results-file: ${result.outputs['results-file'] ?? '(none written)'}`)
  if (options.inputs.cleanup !== 'true' || dryRun) return result.status ?? 1
  // What the runner does at the end of the job: the post step, with what the main step saved for it.
  console.log('\n== post step (cleanup: true), as at the end of the job ==')
  const post = await step({ RUNNER_TEMP: runnerTemp, ...stateEnv(result.state) })
  return result.status || post.status || 0
}

async function main(args) {
  const eaten = eatenByNpm(process.env)
  if (eaten.length > 0) {
    const flags = eaten.map((flag) => `--${flag}`).join(', ')
    throw new UsageError(
      `npm took ${flags} for its own settings (its warning "Unknown cli config") and passed on only their values: ` +
        'put -- between `npm start` and the flags, as in `npm start -- links.txt --dir DIR --dry-run`'
    )
  }
  const options = parseCommandLine(args)
  if (options.help) {
    console.log(usage())
    return 0
  }
  const temps = []
  // Ctrl-C reaches the action too; wait for it to end so the temporary directories are still removed.
  process.on('SIGINT', () => {})
  try {
    return await run(options, temps)
  } finally {
    for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true })
  }
}

main(process.argv.slice(2)).then(
  (status) => (process.exitCode = status),
  (error) => {
    const usageError = error instanceof UsageError
    console.error(`error: ${error.message}${usageError ? `\n${SYNOPSIS}\n(npm start -- --help lists every flag)` : ''}`)
    process.exitCode = usageError ? 2 : 1
  }
)
