// Fails when dist/ is not what a fresh build of src/ gives: the runner executes dist/index.js, not src/.
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { ROOT } from './run-action.mjs'

const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'ln-action-dist-'))
try {
  // The very builds `npm run bundle` makes (one ncc command per bundle, joined by &&), into a temporary directory
  // instead of dist/.
  const ncc = path.join(ROOT, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')
  const script = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.bundle
  for (const command of script.split(' && ')) {
    const args = command
      .split(' ')
      .slice(1)
      .map((arg, i, all) => (all[i - 1] === '-o' ? path.join(fresh, path.relative('dist', arg)) : arg))
    const build = spawnSync(process.execPath, [ncc, ...args], { cwd: ROOT, encoding: 'utf8' })
    if (build.status !== 0) throw new Error(`ncc build failed:\n${build.stderr}${build.stdout}`)
  }
  /** Every file below dir, by its path there. */
  const files = (dir) =>
    fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
  const stale = [...new Set([...files(fresh), ...files(path.join(ROOT, 'dist'))])].filter((name) => {
    const a = path.join(fresh, name)
    const b = path.join(ROOT, 'dist', name)
    return !fs.existsSync(a) || !fs.existsSync(b) || !fs.readFileSync(a).equals(fs.readFileSync(b))
  })
  if (stale.length > 0) {
    console.error(
      `dist/ is stale (${stale.join(', ')} differ from a fresh build): run \`npm run bundle\` and commit dist/.`
    )
    process.exitCode = 1
  } else {
    console.log('dist/ matches a fresh build of src/.')
  }
} finally {
  fs.rmSync(fresh, { recursive: true, force: true })
}
