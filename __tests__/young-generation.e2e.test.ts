// The young generation's bound in a real run of dist: a spec long enough for V8 to grow it past YOUNG_MB (20,000
// links of the shape users write, absolute workspace paths, a TARGET each) ends with it at YOUNG_MB. A module loaded
// through NODE_OPTIONS reads it when the process exits; the action itself runs as the runner runs it.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { YOUNG_MB } from '../src/young-generation.js'
import { describeWithActionNode, runAction, tempWorkspace } from './helpers/action.js'

const LINKS = 20_000

let ws: string
beforeAll(() => {
  ws = tempWorkspace('ln-action-young-')
  const root = path.join(ws, 'home/runner/work/repo/repo')
  const lines: string[] = []
  for (let d = 0; d < LINKS / 100; d++) {
    fs.mkdirSync(path.join(root, `targets/d${d}`), { recursive: true })
    for (let f = 0; f < 100; f++) {
      const target = path.join(root, `targets/d${d}/file-${f}.txt`)
      fs.writeFileSync(target, '')
      lines.push(`${path.join(root, `links/d${d}/file-${f}.txt`)} -> ${target}`)
    }
  }
  fs.writeFileSync(path.join(ws, 'links.txt'), lines.join('\n'))
  fs.writeFileSync(
    path.join(ws, 'young.mjs'),
    "import { getHeapSpaceStatistics } from 'node:v8'\n" +
      "import { writeSync } from 'node:fs'\n" +
      "process.on('exit', () => writeSync(2, `young: ${getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size}\\n`))\n"
  )
})
afterAll(() => fs.rmSync(ws, { recursive: true, force: true }))

describeWithActionNode('the young generation in a long run of dist', () => {
  it(`is ${YOUNG_MB} MB at the end of ${LINKS.toLocaleString('en')} new links`, () => {
    const run = runAction(
      ws,
      { links: `@${path.join(ws, 'links.txt')}`, 'create-parents': 'true' },
      { NODE_OPTIONS: `--import=${path.join(ws, 'young.mjs')}` }
    )
    expect(run.status).toBe(0)
    expect(run.results.filter((r) => r.status === 'created')).toHaveLength(LINKS)
    expect(Number(/young: (\d+)/.exec(run.stderr)?.[1]) / 2 ** 20).toBe(YOUNG_MB)
  })
})
