// run() as the action's entry calls it, with the runner's side stubbed (as the typescript-action template tests its
// run()), on a real temporary workspace: inputs in, links on disk, outputs and failure out.
import { jest } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import * as core from '../__fixtures__/core.js'
import { dataWorkspace, failing, tempDir } from './helpers/stage.js'
import { describePosix } from './helpers/action.js'

jest.unstable_mockModule('@actions/core', () => core)
const { run } = await import('../src/main.js')

let ws: string
let runnerTemp: string
const saved = process.env
beforeEach(() => {
  jest.clearAllMocks()
  ws = dataWorkspace()
  runnerTemp = tempDir()
})
afterEach(() => {
  process.env = saved
  for (const dir of [ws, runnerTemp]) fs.rmSync(dir, { recursive: true, force: true })
})

/** The environment the runner gives the action: these inputs, the workspace, RUNNER_TEMP. */
function given(inputs: Record<string, string>): void {
  const vars = Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])
  process.env = { PATH: saved.PATH, GITHUB_WORKSPACE: ws, RUNNER_TEMP: runnerTemp, ...Object.fromEntries(vars) }
}

function outputs(): Record<string, string> {
  return Object.fromEntries(core.setOutput.mock.calls.map(([name, value]) => [name, value]))
}

describePosix('run', () => {
  it('makes every link of a spec longer than a slice of 1,000, in order, and a re-run finds them unchanged', async () => {
    const spec = Array.from({ length: 2500 }, (_, i) => `d${i % 25}/l${i} -> data/x`).join('\n')
    given({ links: spec, summary: 'false' })
    await run()
    expect(outputs()).toMatchObject({ created: '2500', failed: '0' })
    const results = JSON.parse(fs.readFileSync(outputs()['results-file'], 'utf8')) as { line: number }[]
    expect(results.map((r) => r.line)).toEqual(Array.from({ length: 2500 }, (_, i) => i + 1))
    expect(fs.readlinkSync(path.join(ws, 'd24/l2499'))).toBe('../data/x')
    jest.clearAllMocks()
    await run()
    expect(outputs()).toMatchObject({ created: '0', unchanged: '2500', failed: '0' })
  })

  it('makes the links of the spec and says what it did', async () => {
    given({ links: 'bin/tool -> data/x\nconf -> data/dir' })
    await run()
    expect(fs.readlinkSync(path.join(ws, 'bin/tool'))).toBe('../data/x')
    expect(fs.readlinkSync(path.join(ws, 'conf'))).toBe('data/dir')
    expect(outputs()).toMatchObject({ created: '2', failed: '0', changed: 'true' })
    expect(core.setFailed).not.toHaveBeenCalled()
    const results = JSON.parse(fs.readFileSync(outputs()['results-file'], 'utf8')) as { status: string }[]
    expect(results.map((r) => r.status)).toEqual(['created', 'created'])
  })

  it('rejects a spec with problems on their lines and touches nothing', async () => {
    given({ links: 'a -> data/x\nb data/x\na -> data/dir' })
    await run()
    const [message] = core.setFailed.mock.calls[0]
    expect(message).toBe('The links spec has 2 problems; nothing was changed.')
    expect(fs.existsSync(path.join(ws, 'a'))).toBe(false)
  })

  it('fails the step on an input error, naming the input', async () => {
    given({ links: 'a -> data/x', timeout: 'soon' })
    await run()
    expect(core.setFailed).toHaveBeenCalledWith(expect.stringContaining("Input 'timeout'"))
    expect(fs.existsSync(path.join(ws, 'a'))).toBe(false)
  })

  it('in a dry run plans and writes nothing', async () => {
    given({ links: 'a -> data/x', 'dry-run': 'true' })
    await run()
    expect(fs.existsSync(path.join(ws, 'a'))).toBe(false)
    const results = JSON.parse(outputs().results) as { status: string; plan: string }[]
    expect(results).toMatchObject([{ status: 'planned', plan: 'create' }])
  })

  it('gives the entries the spec settles their places among the links made, in spec order', async () => {
    const settled = ['- { path: a, target: data/x, os: Windows }', "- { path: 'b\\c', target: data/x }"]
    const made = (name: string) => `- { path: ${name}, target: data/x }`
    given({ links: [settled[0], made('m1'), settled[1], settled[0], made('m2'), made('m3')].join('\n') })
    await run()
    const results = JSON.parse(outputs().results) as { line: number; status: string }[]
    expect(results.map((r) => [r.line, r.status])).toEqual([
      [1, 'other-os'],
      [2, 'created'],
      [3, 'failed'],
      [4, 'other-os'],
      [5, 'created'],
      [6, 'created']
    ])
    expect(outputs()).toMatchObject({ created: '3', failed: '1' })
    expect(core.notice).not.toHaveBeenCalled()
  })

  it('gives one notice, whatever the number of junctions, that they are made as symlinks here', async () => {
    given({ links: 'a -> data/dir\nb -> data/dir', type: 'junction' })
    await run()
    expect(core.notice).toHaveBeenCalledTimes(1)
    expect(JSON.parse(outputs().results)).toMatchObject([{ kind: 'symlink' }, { kind: 'symlink' }])
  })

  it('fails the step when a link fails, with the errno the filesystem gave', async () => {
    given({ links: 'a -> data/x' })
    await run({ ops: failing({ symlink: 'EACCES' }), isolateShares: false })
    expect(outputs()).toMatchObject({ failed: '1', changed: 'false' })
    expect(JSON.parse(outputs().results)).toMatchObject([{ status: 'failed', code: 'EACCES', syscall: 'symlink' }])
    expect(core.setFailed).toHaveBeenCalledWith('1 of 1 link failed (fail-on-error: true).')
  })
})
