// What a capture says (issue 29), through run() with the runner's side stubbed: after the links, each directory's
// counts in the outputs and the job summary; a refused directory is an error and fails the step, the others are
// captured; a dry run writes nothing; a rejected spec captures nothing.
import { jest } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import * as core from '../__fixtures__/core.js'
import { describePosix } from './helpers/action.js'
import { dataWorkspace, tempDir } from './helpers/stage.js'

jest.unstable_mockModule('@actions/core', () => core)
const { run } = await import('../src/main.js')

const FILE = '.ln-action-links.yml'
let ws: string
// One for the file: core's summary keeps the path of the first file it wrote.
const runnerTemp = tempDir()
const saved = process.env
beforeEach(() => {
  jest.clearAllMocks()
  ws = dataWorkspace()
  fs.writeFileSync(path.join(runnerTemp, 'summary.md'), '')
  core.summary.emptyBuffer()
})
afterEach(() => {
  process.env = saved
  fs.rmSync(ws, { recursive: true, force: true })
})
afterAll(() => fs.rmSync(runnerTemp, { recursive: true, force: true }))

function given(inputs: Record<string, string>): void {
  const vars = Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])
  process.env = {
    PATH: saved.PATH,
    GITHUB_WORKSPACE: ws,
    RUNNER_TEMP: runnerTemp,
    GITHUB_STEP_SUMMARY: path.join(runnerTemp, 'summary.md'),
    ...Object.fromEntries(vars)
  }
}

const outputs = (): Record<string, string> =>
  Object.fromEntries(core.setOutput.mock.calls.map(([name, value]) => [name, value]))

describePosix('capture, reported', () => {
  it('captures after the links are made: counts per directory in the outputs and the summary', async () => {
    fs.symlinkSync('x', path.join(ws, 'data/l'))
    given({ links: 'data/made -> data/x', capture: 'data' })
    await run()
    expect(core.setFailed).not.toHaveBeenCalled()
    expect(outputs()).toMatchObject({ created: '1', 'capture-files': path.join(ws, 'data', FILE) })
    const [captured] = JSON.parse(outputs().captured) as { root: string; counts: Record<string, number> }[]
    expect(captured).toMatchObject({ root: 'data', counts: { symlinks: 2, dangling: 0 } })
    expect(fs.readFileSync(path.join(ws, 'data', FILE), 'utf8')).toContain('- path: made\n')
    const summary = fs.readFileSync(path.join(runnerTemp, 'summary.md'), 'utf8')
    expect(summary).toContain('ln-action capture')
    expect(summary).toMatch(/<td>data<\/td><td>data\/\.ln-action-links\.yml<\/td><td>2<\/td>/)
    expect(core.info).toHaveBeenCalledWith(expect.stringMatching(/^captured data: 2 symbolic links, 0 hard links/))
  })

  it('refuses a directory outside the workspace with an error, captures the others, and fails the step', async () => {
    given({ capture: '.. data', 'fail-on-error': 'true' })
    await run()
    expect(core.error).toHaveBeenCalledWith(expect.stringContaining("'..' leads outside working-directory"))
    expect(outputs()['capture-files']).toBe(path.join(ws, 'data', FILE))
    expect(core.setFailed).toHaveBeenCalledWith(expect.stringContaining('1 of 2 capture directories'))
    const summary = fs.readFileSync(path.join(runnerTemp, 'summary.md'), 'utf8')
    expect(summary).toContain('leads outside working-directory')
  })

  it('does not fail the step for a refused directory under fail-on-error: false', async () => {
    given({ capture: 'missing', 'fail-on-error': 'false' })
    await run()
    expect(core.error).toHaveBeenCalledWith(expect.stringContaining('does not exist'))
    expect(core.setFailed).not.toHaveBeenCalled()
  })

  it('walks and counts in a dry run, writing nothing', async () => {
    fs.symlinkSync('x', path.join(ws, 'data/l'))
    given({ capture: 'data', 'dry-run': 'true' })
    await run()
    expect(outputs()['capture-files']).toBe('')
    expect(JSON.parse(outputs().captured)).toMatchObject([{ written: false, counts: { symlinks: 1 } }])
    expect(fs.existsSync(path.join(ws, 'data', FILE))).toBe(false)
    expect(fs.readFileSync(path.join(runnerTemp, 'summary.md'), 'utf8')).toContain('dry run: nothing written')
  })

  it('captures nothing when the spec is rejected', async () => {
    given({ links: 'a -> b -> c', capture: 'data' })
    await run()
    expect(core.setFailed).toHaveBeenCalled()
    expect(outputs().captured).toBeUndefined()
    expect(fs.existsSync(path.join(ws, 'data', FILE))).toBe(false)
  })
})
