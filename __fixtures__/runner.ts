// Stand-in for src/runner.ts (workflow commands, outputs, summary) in ESM tests:
//   jest.unstable_mockModule('../src/runner.js', () => core)
// then import the module under test with `await import(...)`. The summary renders its HTML the way runner's does,
// so a test can check what would reach the job summary.
import { jest } from '@jest/globals'
import type * as core from '../src/runner.js'

export const debug = jest.fn<typeof core.debug>()
export const info = jest.fn<typeof core.info>()
export const warning = jest.fn<typeof core.warning>()
export const error = jest.fn<typeof core.error>()
export const setOutput = jest.fn<typeof core.setOutput>()
export const setFailed = jest.fn<typeof core.setFailed>()
export const startGroup = jest.fn<typeof core.startGroup>()
export const endGroup = jest.fn<typeof core.endGroup>()

type Cell = string | { data: string; header?: boolean }

const wrap = (tag: string, content: string): string => `<${tag}>${content}</${tag}>`

let html = ''

export const summary = {
  addHeading: jest.fn((text: string, level: number | string = 1) => {
    html += `${wrap(`h${level}`, text)}\n`
    return summary
  }),
  addRaw: jest.fn((text: string, addEOL = false) => {
    html += addEOL ? `${text}\n` : text
    return summary
  }),
  addTable: jest.fn((rows: Cell[][]) => {
    const cell = (c: Cell): string => (typeof c === 'string' ? wrap('td', c) : wrap(c.header ? 'th' : 'td', c.data))
    html += `${wrap('table', rows.map((row) => wrap('tr', row.map(cell).join(''))).join(''))}\n`
    return summary
  }),
  write: jest.fn(async () => summary),
  /** The HTML written so far (what runner.summary.write would put in the file). */
  text: (): string => html,
  /** Forget what was written; call it with jest.clearAllMocks() between tests. */
  reset: (): void => {
    html = ''
  }
}
