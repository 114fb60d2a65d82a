// Stand-in for @actions/core in ESM tests, as the typescript-action template has it:
//   jest.unstable_mockModule('@actions/core', () => core)
// then import the module under test with `await import(...)`. Inputs are the real getInput (it reads INPUT_*
// variables as the runner sets them); the summary is the real one too, writing the file GITHUB_STEP_SUMMARY names,
// so a test reads what people would. Everything that would print is a mock to look at.
import { jest } from '@jest/globals'
import * as actual from '@actions/core'

export const getInput = jest.fn(actual.getInput)
export const debug = jest.fn<typeof actual.debug>()
export const info = jest.fn<typeof actual.info>()
export const notice = jest.fn<typeof actual.notice>()
export const warning = jest.fn<typeof actual.warning>()
export const error = jest.fn<typeof actual.error>()
export const setOutput = jest.fn<typeof actual.setOutput>()
export const setFailed = jest.fn<typeof actual.setFailed>()
export const startGroup = jest.fn<typeof actual.startGroup>()
export const endGroup = jest.fn<typeof actual.endGroup>()
export const saveState = jest.fn<typeof actual.saveState>()
export const getState = jest.fn(actual.getState)
export const summary = actual.summary
