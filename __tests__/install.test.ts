// What a fresh `npm ci` costs a newcomer: no 189 MB Node binary for everyone, no warnings, and the Node 24 that the
// end-to-end tests fetch is the major the action runs on.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { npm } from '../scripts/action-node.mjs'
import { ACTION, ROOT } from '../scripts/run-action.mjs'

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  config: Record<string, string>
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
}

it("pins the tests' Node (config.action-node) to the major action.yml runs on", () => {
  expect(`node${pkg.config['action-node'].split('.')[0]}`).toBe(ACTION.runs.using)
})

it('installs no Node binary package with npm ci (the tests fetch one only when the running Node is not 24)', () => {
  const all = { ...pkg.dependencies, ...pkg.devDependencies, ...pkg.optionalDependencies }
  expect(Object.keys(all).filter((name) => /^node-(linux|darwin|win)-/.test(name))).toEqual([])
})

it('has reviewed every install script of its dependencies (npm ci warns about the others)', () => {
  const ls = npm(['install-scripts', 'ls'], { cwd: ROOT })
  expect(ls.status).toBe(0)
  expect(ls.stdout).toMatch(/No packages with unreviewed install scripts/)
})
