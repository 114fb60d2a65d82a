// Post step of assert-clean: every path named in `paths` must be gone by now (ln-action's post step ran before).
import * as fs from 'node:fs'
import * as path from 'node:path'

const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd()
const paths = (process.env.INPUT_PATHS ?? '')
  .split('\n')
  .map((line) => line.trim())
  .filter(Boolean)
const left = paths.filter((p) => fs.lstatSync(path.join(workspace, p), { throwIfNoEntry: false }) !== undefined)
for (const p of paths) console.log(`${left.includes(p) ? 'still there' : 'gone'}: ${p}`)
if (left.length > 0) {
  console.log(`::error title=assert-clean::left after the job: ${left.join(', ')}`)
  process.exitCode = 1
}
