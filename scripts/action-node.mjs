// The Node that runs dist/index.js in the end-to-end tests, `npm start` and the benchmark: the major action.yml
// names (runs.using: node24). The running Node when its major matches; otherwise the registry's
// node-<platform>-<arch> package at the version package.json pins (config.action-node), installed once into
// node_modules/.cache. The npm registry is the only network CI has, and an optional dependency would cost every
// `npm ci` 189 MB. Run directly (`npm test` does, as its pretest step) to fetch it.
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const ACTION = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8'))
export const MAJOR = ACTION.runs.using.replace(/^node/, '')
export const PINNED = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).config['action-node']
const PACKAGE = `node-${process.platform}-${process.arch}`
export const CACHE = path.join(ROOT, 'node_modules', '.cache', `ln-action-node${MAJOR}`)
/** Why the last fetch failed, kept for the titles of the suites that then skip. */
const FAILURE = `${CACHE}.failed`

/** The cached package's binary, as its package.json names it (bin/node, or bin/node.exe on Windows). */
function cachedBinary() {
  const dir = path.join(CACHE, 'node_modules', PACKAGE)
  try {
    const { bin } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'))
    return path.join(dir, typeof bin === 'string' ? bin : bin.node)
  } catch {
    return undefined
  }
}

const isMajor = (node) => spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout?.startsWith(`v${MAJOR}.`) === true

/** The Node binary of the action's major, or undefined when this machine has none yet. */
export function actionNode() {
  if (process.versions.node.split('.')[0] === MAJOR) return process.execPath
  const cached = cachedBinary()
  return cached && isMajor(cached) ? cached : undefined
}

/** Why actionNode() gives nothing, in words for a skipped suite's title. */
export function whyNoActionNode() {
  const failure = fs.existsSync(FAILURE) ? fs.readFileSync(FAILURE, 'utf8').trim() : ''
  return failure || `not fetched yet: \`npm test\` fetches ${PACKAGE}@${PINNED} from the npm registry first`
}

/** Runs npm: the one running this script when there is one (`npm test`), else the one on PATH. */
export function npm(args, options = {}) {
  const execpath = process.env.npm_execpath
  if (execpath) return spawnSync(process.execPath, [execpath, ...args], { encoding: 'utf8', ...options })
  return spawnSync('npm', args, { encoding: 'utf8', shell: process.platform === 'win32', ...options })
}

/** `npm install` of the pinned package into a fresh directory, renamed into place only when complete. */
function install() {
  const staging = `${CACHE}.${process.pid}`
  fs.rmSync(staging, { recursive: true, force: true })
  fs.mkdirSync(staging, { recursive: true })
  const args = ['install', '--no-save', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund']
  // Offline, npm's default retries take over a minute before the suites can skip.
  args.push('--fetch-retries=2', '--fetch-retry-maxtimeout=10000')
  const run = npm([...args, '--prefix', staging, `${PACKAGE}@${PINNED}`])
  if (run.status === 0 && !fs.existsSync(CACHE)) fs.renameSync(staging, CACHE)
  fs.rmSync(staging, { recursive: true, force: true })
  if (run.status === 0) return ''
  const npmError = (run.stderr || run.error?.message || '').split('\n').find((line) => /ERR!|error/i.test(line))
  return `npm could not install ${PACKAGE}@${PINNED} (${npmError?.trim() ?? `exit ${run.status}`})`
}

/** What a first run says before it fetches the action's Node, which takes a while (measured for linux-x64). */
export function fetchNotice() {
  return (
    `ln-action: the action runs on Node ${MAJOR}; fetching ${PACKAGE}@${PINNED} from the npm registry (once: about ` +
    `55 MB to download, 190 MB in ${path.relative(ROOT, CACHE)})...`
  )
}

/** actionNode(), fetching the pinned package first when needed; undefined (with the reason recorded) if impossible. */
export function ensureActionNode() {
  const found = actionNode()
  if (found) return found
  fs.rmSync(CACHE, { recursive: true, force: true })
  fs.mkdirSync(path.dirname(CACHE), { recursive: true })
  const failure =
    install() || (actionNode() ? '' : `${PACKAGE}@${PINNED} installed, but its binary is not Node ${MAJOR}`)
  if (failure) fs.writeFileSync(FAILURE, failure)
  else fs.rmSync(FAILURE, { force: true })
  return actionNode()
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]) && !actionNode()) {
  console.error(`Node ${MAJOR} for the end-to-end tests: fetching ${PACKAGE}@${PINNED} into ${CACHE}`)
  const node = ensureActionNode()
  console.error(node ? `  ready: ${node}` : `  unavailable, those suites will skip: ${whyNoActionNode()}`)
}
