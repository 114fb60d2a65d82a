// The undo record on its way from the main step to the post step (undo-state.ts): where it goes (the runner's state
// or a file in RUNNER_TEMP), when it is written out, what happens when it cannot be, and what a damaged one yields.
// The end-to-end path (made links, the post step undoing them) is in cleanup.test.ts.
import { afterAll, afterEach, beforeEach, expect, it, jest } from '@jest/globals'
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import * as core from '../__fixtures__/core.js'
import type { Settings, UndoEntry } from '../src/model.js'

// Only the write to the record file is injectable (ENOSPC halfway through needs a full disk); the rest is real.
const writeSync = jest.fn(fs.writeSync)
jest.unstable_mockModule('node:fs', () => ({ ...fs, default: { ...fs, writeSync }, writeSync }))
jest.unstable_mockModule('@actions/core', () => core)
const { isPostStep, loadUndo, markMainStep, UndoList, UnreadableRecord } = await import('../src/undo-state.js')

/** What fits in the runner's state (undo-state.ts); past it the record goes to a file. */
const INLINE_CHARS = 16 * 1024
const settings = { workingDirectory: '/ws', timeoutMs: 5000, summary: false } as Settings
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ln-action-undo-state-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

let temp: string
beforeEach(() => {
  jest.clearAllMocks()
  writeSync.mockImplementation(fs.writeSync)
  temp = fs.mkdtempSync(path.join(tmp, 'runner-temp-'))
  process.env.RUNNER_TEMP = temp
})
afterEach(() => {
  for (const name of Object.keys(process.env)) if (name.startsWith('STATE_')) delete process.env[name]
  delete process.env.RUNNER_TEMP
})

/** An entry whose JSON text is `chars` long (at least the length of the shortest). */
function entry(chars = 0, line = 1): UndoEntry {
  const e: UndoEntry = {
    line,
    path: '/ws/l',
    target: '/ws/data/x',
    type: 'symlink',
    kind: 'symlink',
    parent: { real: '/ws', dev: 1, ino: 2 },
    made: { link: 'data/x' }
  }
  const pad = chars - JSON.stringify(e).length
  return pad > 0 ? { ...e, path: `/ws/${'l'.repeat(pad + 1)}` } : e
}

const stateOf = (): Record<string, string> =>
  Object.fromEntries(core.saveState.mock.calls.map(([name, value]) => [name, String(value)]))
/** The post step's side: the state as the runner gives it back, read. */
function postStepReads(): ReturnType<typeof loadUndo> {
  for (const [name, value] of Object.entries(stateOf())) process.env[`STATE_${name}`] = value
  return loadUndo()
}
const recordFiles = (): string[] => fs.readdirSync(temp)

function listOf(entries: UndoEntry[]): InstanceType<typeof UndoList> {
  const list = new UndoList(() => false)
  for (const e of entries) list.add(e)
  return list
}

it('keeps entries in memory up to the inline size, and writes them to the file at the first character more', () => {
  // Each entry's text and its separator count: two entries of 16,384 characters together stay in memory.
  const first = entry(200)
  const upTo = listOf([first, entry(INLINE_CHARS - 201 - 1, 2)])
  expect(recordFiles()).toEqual([])
  const past = listOf([first, entry(INLINE_CHARS - 201, 2)])
  expect(recordFiles()).toHaveLength(1)
  // The last entry wrote the file out: the record saved after it is whole (no empty slice appended).
  past.save(settings, 'linux')
  const asWritten = JSON.parse(JSON.stringify([first, entry(INLINE_CHARS - 201, 2)])) as UndoEntry[]
  expect(postStepReads()?.record.entries).toEqual(asWritten)
  upTo.save(settings, 'linux')
  expect(recordFiles()).toHaveLength(2)
})

it('hands the post step its mark and its record under names of their own, as the runner gives state back', () => {
  markMainStep()
  listOf([entry(INLINE_CHARS)]).save(settings, 'linux')
  const names = core.saveState.mock.calls.map(([name]) => name)
  // The runner hands each back as STATE_<name>: a name must be a word, and no two the same.
  expect(names).toHaveLength(3)
  for (const name of names) expect(name).toMatch(/^\w[\w-]*$/)
  expect(new Set(names).size).toBe(names.length)
  expect(isPostStep()).toBe(false)
  postStepReads()
  expect(isPostStep()).toBe(true)
})

it("saves a record of exactly the inline size in the runner's state, one character more in a file", () => {
  listOf([entry()]).save(settings, 'linux')
  const overhead = stateOf().undo.length - JSON.stringify(entry()).length
  jest.clearAllMocks()
  listOf([entry(INLINE_CHARS - overhead)]).save(settings, 'linux')
  expect(Object.keys(stateOf())).toEqual(['undo'])
  expect(stateOf().undo).toHaveLength(INLINE_CHARS)
  expect(postStepReads()?.file).toBeUndefined()
  expect(recordFiles()).toEqual([])
  jest.clearAllMocks()
  delete process.env.STATE_undo
  listOf([entry(INLINE_CHARS - overhead + 1)]).save(settings, 'linux')
  expect(Object.keys(stateOf()).sort()).toEqual(['undo-file', 'undo-sha256'])
  expect(postStepReads()).toMatchObject({ file: path.join(temp, recordFiles()[0]), record: { platform: 'linux' } })
})

const onLinux = process.platform === 'linux' ? it : it.skip
onLinux('closes the record file once saved (its open descriptors, in /proc/self/fd: skipped off Linux)', () => {
  const fds = '/proc/self/fd'
  const list = listOf([entry(INLINE_CHARS)])
  const file = path.join(temp, recordFiles()[0])
  const leadsTo = (fd: string): string => {
    try {
      return fs.readlinkSync(path.join(fds, fd))
    } catch {
      return '' // the descriptor readdir itself used, closed since
    }
  }
  const open = () => fs.readdirSync(fds).filter((fd) => leadsTo(fd) === file)
  expect(open()).toHaveLength(1)
  list.save(settings, 'linux')
  expect(open()).toEqual([])
})

it('gives up a record RUNNER_TEMP cannot take, and writes nothing there after, even once it could', () => {
  process.env.RUNNER_TEMP = path.join(temp, 'not-yet')
  const list = listOf([entry(INLINE_CHARS)])
  fs.mkdirSync(process.env.RUNNER_TEMP)
  for (let line = 2; line < 5; line++) list.add(entry(INLINE_CHARS, line))
  list.save(settings, 'linux')
  expect(fs.readdirSync(process.env.RUNNER_TEMP)).toEqual([])
  expect(core.saveState).not.toHaveBeenCalled()
  expect(core.warning).toHaveBeenCalledTimes(1)
  // It names the errno (not Node's sentence for it) and the directory it could not write in.
  const [warning] = core.warning.mock.calls[0]
  expect(warning).toContain(`ENOENT writing it to ${process.env.RUNNER_TEMP}`)
  expect(warning).not.toMatch(/no such file/)
})

it('removes a record file a later write to it fails (ENOSPC): nothing half written is left or saved', () => {
  const list = listOf([entry(INLINE_CHARS)])
  expect(recordFiles()).toHaveLength(1)
  writeSync.mockImplementation(() => {
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' })
  })
  list.add(entry(INLINE_CHARS, 2))
  expect(recordFiles()).toEqual([])
  list.save(settings, 'linux')
  expect(recordFiles()).toEqual([])
  expect(core.saveState).not.toHaveBeenCalled()
  expect(core.warning).toHaveBeenCalledWith(expect.stringContaining(`ENOSPC writing it to ${temp}`))
})

describe('a record the post step cannot take as it is', () => {
  function savedInline(): string {
    listOf([entry()]).save(settings, 'linux')
    return stateOf().undo
  }
  const unreadable = (): string => {
    try {
      loadUndo()
    } catch (error) {
      expect(error).toBeInstanceOf(UnreadableRecord)
      return (error as Error).message
    }
    throw new Error('the record was read')
  }

  it.each([
    ['a line', '"line":1,', '"line":1e400,'],
    ['a timeout', '"timeoutMs":5000', '"timeoutMs":-1e999']
  ])('%s that JSON reads as an infinite number: not in the form the main step writes', (_, from, to) => {
    const json = savedInline()
    expect(json).toContain(from)
    process.env.STATE_undo = json.replace(from, to)
    expect(unreadable()).toMatch(/not in the form the main step writes/)
  })

  it('cut short: says it is not JSON, and that it was cut short or damaged', () => {
    process.env.STATE_undo = savedInline().slice(0, -2)
    expect(unreadable()).toMatch(/\(undo\) is unreadable \(not JSON, cut short or damaged\)/)
  })

  it('in a file whose digest the state holds, yet damaged: named by its path, and why', () => {
    const file = path.join(temp, 'record.json')
    const text = '{"entries":[{"line":1'
    fs.writeFileSync(file, text)
    process.env['STATE_undo-file'] = file
    process.env['STATE_undo-sha256'] = createHash('sha256').update(text).digest('hex')
    expect(unreadable()).toContain(`undo record file ${file} is unreadable (not JSON, cut short or damaged)`)
  })

  it('in a file that is gone: the errno from open(), named by its path', () => {
    process.env['STATE_undo-file'] = path.join(temp, 'gone.json')
    expect(unreadable()).toContain(`file ${path.join(temp, 'gone.json')} is unreadable (ENOENT from open())`)
  })
})
