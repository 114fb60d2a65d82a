// The runner's protocol as the bundled action speaks it (through @actions/core): what the runner would decode from
// the log and GITHUB_OUTPUT for paths that hold the protocol's own special characters. The runner splits the log on
// CR as well as LF, decodes %0D, %0A and %25 in a command's data, and ends an output at its heredoc delimiter.
import { afterEach, beforeEach, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { describeWithActionNode, runAction, tempWorkspace } from './helpers/action.js'
import { describeUnless } from './helpers/skip.js'

let ws: string
beforeEach(() => {
  ws = tempWorkspace('ln-action-protocol-')
  fs.writeFileSync(path.join(ws, 'target'), 'x')
})
afterEach(() => fs.rmSync(ws, { recursive: true, force: true }))

/** The runner's view of the log: lines split on CR and LF, leading white space dropped. */
const runnerLines = (stdout: string): string[] => stdout.split(/\r\n|\r|\n/).map((l) => l.trimStart())
const decode = (data: string): string => data.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')

/** A name with CR, a would-be command after it, percent signs and a would-be heredoc delimiter. */
const HOSTILE = 'cr\r::warning::injected %0A 100% ghadelimiter_x\nEOF'

/** Its names hold CR, LF and `:`, which Windows forbids in a name. */
const describeProtocol =
  process.platform === 'win32'
    ? describeUnless('on Windows: its names hold CR, LF and ":", which Windows forbids')
    : describeWithActionNode

describeProtocol('the runner protocol through dist/index.js', () => {
  it('escapes CR and % in an annotation, so the runner shows the path exactly and obeys nothing in it', () => {
    fs.writeFileSync(path.join(ws, HOSTILE), 'in the way') // EEXIST: the link fails, and its error names PATH
    const run = runAction(ws, {
      links: `- path: ${JSON.stringify(HOSTILE)}\n  target: target\n`,
      'working-directory': ws
    })
    expect(run.status).toBe(1)
    const lines = runnerLines(run.stdout)
    expect(lines.filter((l) => l.startsWith('::warning::injected'))).toEqual([])
    const errors = lines.filter((l) => l.startsWith('::error '))
    const linkError = errors.find((l) => l.includes('EEXIST'))!
    expect(linkError).toContain('%0D')
    expect(linkError).toContain('100%25')
    expect(decode(linkError.slice(linkError.indexOf('::', 2) + 2))).toContain(path.join(ws, HOSTILE))
  })

  it('keeps output values whole when they hold a would-be delimiter, each output with its own random one', () => {
    const first = runAction(ws, {
      links: `- path: ${JSON.stringify(HOSTILE)}\n  target: target\n`,
      'working-directory': ws
    })
    expect(first.status).toBe(0)
    expect(JSON.parse(first.outputs.results)).toEqual(first.results)
    expect(first.results[0].path).toBe(path.join(ws, HOSTILE))
    const delimiters = (text: string): string[] => [...text.matchAll(/^[\w-]+<<(.+)$/gm)].map(([, d]) => d)
    const mine = delimiters(first.outputFile)
    expect(mine.length).toBe(Object.keys(first.outputs).length)
    for (const d of mine) expect(d).toMatch(/^ghadelimiter_[0-9a-f-]{36}$/)
    expect(new Set(mine).size).toBe(mine.length)
    const again = runAction(ws, {
      links: `- path: ${JSON.stringify(HOSTILE)}\n  target: target\n`,
      'working-directory': ws
    })
    expect(delimiters(again.outputFile).filter((d) => mine.includes(d))).toEqual([])
  })

  it('refuses to write outputs to a GITHUB_OUTPUT file that is not there, and says so', () => {
    const missing = path.join(ws, 'no', 'output')
    const run = runAction(ws, { links: 'l -> target', 'working-directory': ws }, { GITHUB_OUTPUT: missing })
    expect(run.status).toBe(1)
    expect(run.stdout).toMatch(/::error::.*Missing file at path: .*no\/output/)
    expect(fs.existsSync(missing)).toBe(false)
  })
})
