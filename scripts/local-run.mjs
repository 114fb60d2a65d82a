// `npm start -- [FILE] [flags]`: runs the bundled action on a spec file as a workflow step would, and prints its
// log as a terminal should show it. `npm start -- --help` lists the flags, one for every input of action.yml.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { parseCommandLine, renderLine, SYNOPSIS, usage, UsageError } from './cli.mjs'
import { ACTION, ensureActionNode, ROOT, startAction, whyNoActionNode } from './run-action.mjs'

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

async function run(options, temps) {
  const { spec, workspace: dir } = checkedPaths(options)
  const node = ensureActionNode()
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
  const log = terminalLog(options.debug)
  const result = await startAction(
    workspace,
    { ...options.inputs, links: `@${spec}`, 'working-directory': workspace },
    { node, env: { RUNNER_TEMP: runnerTemp }, onStdout: log.data, onStderr: (d) => process.stderr.write(d) }
  )
  log.end()
  const outputs = outputLine(result.outputs)
  if (outputs) console.log(`\noutputs: ${outputs}`)
  if (options.keepResults) console.log(`results-file: ${result.outputs['results-file'] ?? '(none written)'}`)
  return result.status ?? 1
}

async function main(args) {
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
