// Two runs of one spec at the same time (self-hosted runners share workspaces): both succeed, and nothing but the
// links is left.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { startAction } from '../scripts/run-action.mjs'
import { describePosixWithActionNode, tempWorkspace } from './helpers/action.js'

let ws: string
beforeEach(() => {
  ws = tempWorkspace()
  fs.mkdirSync(path.join(ws, 'data'))
  for (let i = 0; i < 20; i++) fs.writeFileSync(path.join(ws, 'data', `f${i}`), `f${i}`)
})
afterEach(() => fs.rmSync(ws, { recursive: true, force: true }))

describePosixWithActionNode('concurrent runs', () => {
  it.each([
    ['the same spec', (i: number) => `links/l${i} -> data/f${i % 20}`, (i: number) => `links/l${i} -> data/f${i % 20}`],
    [
      'overlapping specs that replace each other',
      (i: number) => `links/l${i} -> data/f${i % 20}`,
      (i: number) => `links/l${i} -> data/f${(i + 1) % 20}`
    ]
  ])('of %s on one directory both succeed, leaving only the links', async (_, first, second) => {
    const spec = (line: (i: number) => string): string => Array.from({ length: 200 }, (_, i) => line(i)).join('\n')
    const inputs = { overwrite: 'links' }
    const runs = await Promise.all([
      startAction(ws, { ...inputs, links: spec(first) }),
      startAction(ws, { ...inputs, links: spec(second) })
    ])
    for (const run of runs) {
      expect(run.stderr).toBe('')
      expect(run.status).toBe(0)
      expect(run.results).toHaveLength(200)
      expect(new Set(run.results.map((r) => r.status))).not.toContain('failed')
    }
    const names = fs.readdirSync(path.join(ws, 'links')).sort()
    expect(names).toEqual(Array.from({ length: 200 }, (_, i) => `l${i}`).sort())
    for (const name of names) {
      const text = fs.readlinkSync(path.join(ws, 'links', name))
      expect(text).toMatch(/^\.\.\/data\/f\d+$/)
    }
  })
})
