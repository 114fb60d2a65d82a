// The runner executes the committed bundle: it must be what src/ builds to.
import { spawnSync } from 'node:child_process'
import * as path from 'node:path'
import { ROOT } from '../scripts/run-action.mjs'

it('dist/ matches a fresh ncc build of src/', () => {
  const check = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'check-dist.mjs')], { encoding: 'utf8' })
  expect(check.stderr).toBe('')
  expect(check.status).toBe(0)
}, 120_000)
