// What test.yml's round-trip jobs do, with this machine's stand-ins for the artifact and cache actions: the tree of
// scripts/roundtrip-tree.mjs captured through dist, sent through a copy that follows links (as upload-artifact's zip)
// or a plain tar that keeps them (as actions/cache), restored with the inputs of docs/usage.md's example, and
// checked by the script the jobs run.
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { ROOT } from '../scripts/run-action.mjs'
import { describePosixWithActionNode, runAction, tempWorkspace } from './helpers/action.js'

const SCRIPT = path.join(ROOT, 'scripts', 'roundtrip-tree.mjs')
const tree = (command: string, dir: string) => spawnSync(process.execPath, [SCRIPT, command, dir], { encoding: 'utf8' })

/** The round trips, from the captured tree to a directory that does not exist yet. */
const ROUND_TRIPS: [string, (from: string, to: string) => void, string][] = [
  [
    'a copy that follows links (upload-artifact)',
    (from, to) => fs.cpSync(from, to, { recursive: true, dereference: true }),
    'replaced'
  ],
  [
    'a plain tar (actions/cache)',
    (from, to) => {
      fs.mkdirSync(to)
      expect(spawnSync('bash', ['-c', `tar -C '${from}' -cf - . | tar -C '${to}' -xf -`]).status).toBe(0)
    },
    'unchanged'
  ]
]

describePosixWithActionNode('the round trip of test.yml, with stand-ins for the artifact and cache actions', () => {
  let ws: string
  beforeAll(() => {
    ws = tempWorkspace('ln-action-roundtrip-')
    expect(tree('make', path.join(ws, 'roundtrip')).status).toBe(0)
    const capture = runAction(ws, { capture: 'roundtrip' })
    expect(capture.status).toBe(0)
  })
  afterAll(() => fs.rmSync(ws, { recursive: true, force: true }))

  it.each(ROUND_TRIPS)('after %s, the restore brings back every link, which the check sees', (_name, send, status) => {
    const to = path.join(ws, `restored-${status}`)
    send(path.join(ws, 'roundtrip'), to)
    // The captured file travels inside the tree.
    expect(fs.existsSync(path.join(to, '.ln-action-links.yml'))).toBe(true)
    expect(tree('check', to).status).toBe(status === 'unchanged' ? 0 : 1)

    const run = runAction(ws, { links: '@.ln-action-links.yml', 'working-directory': to, overwrite: 'copies' })
    expect(run.status).toBe(0)
    expect(run.results.map((r) => [path.relative(to, r.path), r.status])).toEqual([
      ['dir-link', status],
      ['file-link', status],
      ['hard/two.txt', status],
      ['sub/up', status]
    ])
    expect(tree('check', to)).toMatchObject({ status: 0 })
    // Run again, the restore changes nothing (as docs/usage.md says).
    const again = runAction(ws, { links: '@.ln-action-links.yml', 'working-directory': to, overwrite: 'copies' })
    expect(again.results.map((r) => r.status)).toEqual(Array(4).fill('unchanged'))
  })
})
