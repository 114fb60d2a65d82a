// `npm start -- [SPEC] [--dir DIR] [--dry-run]`: run the bundled action on a spec file, as a workflow would,
// and print the same log. Without --dir it works in a fresh temporary copy of examples/workspace.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { parseArgs } from 'node:util'
import { ROOT, runAction } from './run-action.mjs'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { dir: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, help: { type: 'boolean' } }
})
if (values.help) {
  console.log('usage: npm start -- [SPEC_FILE] [--dir DIR] [--dry-run]\n  SPEC_FILE defaults to examples/links.txt')
  process.exit(0)
}

const spec = path.resolve(positionals[0] ?? path.join(ROOT, 'examples', 'links.txt'))
let workspace = values.dir && path.resolve(values.dir)
if (!workspace) {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'ln-action-example-'))
  fs.cpSync(path.join(ROOT, 'examples', 'workspace'), workspace, { recursive: true })
}
console.log(`ln-action: ${spec} in ${workspace}${values['dry-run'] ? ' (dry run)' : ''}\n`)

// The results file outlives the run here (runAction removes its own RUNNER_TEMP).
const runnerTemp = fs.mkdtempSync(path.join(os.tmpdir(), 'ln-action-results-'))
const run = runAction(
  workspace,
  { links: `@${spec}`, 'dry-run': String(values['dry-run']) },
  { stdio: ['ignore', 'inherit', 'inherit'], env: { RUNNER_TEMP: runnerTemp } }
)
console.log(
  `\noutputs: created=${run.outputs.created} replaced=${run.outputs.replaced} unchanged=${run.outputs.unchanged} failed=${run.outputs.failed} changed=${run.outputs.changed}`
)
console.log(`results: ${run.outputs['results-file'] ?? '(none)'}`)
process.exitCode = run.status ?? 1
