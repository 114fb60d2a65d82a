// The runner executes the committed bundle: it must be what src/ builds to.
import { spawnSync } from 'node:child_process'
import * as path from 'node:path'
import { ROOT } from '../scripts/run-action.mjs'
import { itUnless } from './helpers/skip.js'

// dist/ is built on Linux, and ci.yml's check-dist job compares there; a build on Windows is not known to be byte for
// byte the same, and a difference there would say nothing about the dist/ the runner executes.
const notOnWindows = itUnless(
  process.platform === 'win32' ? 'on Windows: dist/ is built and compared on Linux (ci.yml, check-dist)' : undefined
)

notOnWindows(
  'dist/ matches a fresh ncc build of src/',
  () => {
    const check = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'check-dist.mjs')], { encoding: 'utf8' })
    expect(check.stderr).toBe('')
    expect(check.status).toBe(0)
  },
  120_000
)
