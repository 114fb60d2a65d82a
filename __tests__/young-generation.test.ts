// The young generation's bound, in the Node the action runs on: a process that keeps many objects alive a while
// (as a long run does) grows it past YOUNG_MB unless keepYoungGeneration is asked along the way.
import { expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { YOUNG_MB } from '../src/young-generation.js'
import { describeWithActionNode, NODE } from './helpers/action.js'

const MODULE = new URL('../src/young-generation.ts', import.meta.url).href

/** The largest young generation (both halves, MB) a process that keeps 20,000 objects at a time went through. */
function largestYoung(keep: boolean): number {
  const script = `
    import { getHeapSpaceStatistics } from 'node:v8'
    import { keepYoungGeneration } from '${MODULE}'
    const young = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 2 ** 20
    let held = []
    let largest = 0
    for (let i = 0; i < 3e7; i++) {
      held.push({ i, name: 'x' + i })
      if (held.length === 20000) held = []
      if (i % 100000 === 0) {
        if (${keep}) keepYoungGeneration()
        largest = Math.max(largest, young())
      }
    }
    console.log(largest)`
  const run = spawnSync(NODE as string, ['--input-type=module', '-e', script], { encoding: 'utf8' })
  expect(run.stderr).toBe('')
  return Number(run.stdout)
}

describeWithActionNode('keepYoungGeneration', () => {
  it(`keeps the young generation at ${YOUNG_MB} MB, where V8 alone grows it further`, () => {
    expect(largestYoung(false)).toBeGreaterThan(YOUNG_MB)
    expect(largestYoung(true)).toBe(YOUNG_MB)
  })
})
