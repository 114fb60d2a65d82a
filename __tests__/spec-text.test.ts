// A spec file read in pieces, and read again as its links are made: what it gives is what the text gives.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { platformFor } from '../src/platform.js'
import { HELD_WHOLE, parseSpec, readSpec, specFile } from '../src/spec/index.js'
import { itUnless } from './helpers/skip.js'
import { DEFAULTS, tempDir } from './helpers/stage.js'

const linux = platformFor('linux')
const settings = { defaults: DEFAULTS, workingDirectory: '/ws', confine: true }

describe('a spec file, read in pieces', () => {
  let dir: string
  beforeEach(() => (dir = tempDir()))
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('gives the entries of its text, across pieces, with a byte-order mark, CRLF and a line longer than a piece', () => {
    const long = `long/${'x'.repeat(200_000)} -> t`
    const text =
      '\uFEFF' + Array.from({ length: 3000 }, (_, i) => `d/é${i} -> t/${i}\r`).join('\n') + `\n${long}\nlast -> t`
    const file = path.join(dir, 'links.txt')
    fs.writeFileSync(file, text)
    const fromFile = parseSpec(specFile(file), DEFAULTS)
    expect(fromFile).toEqual(parseSpec(text.slice(1), DEFAULTS))
    expect(fromFile.entries.map((e) => e.line).slice(-2)).toEqual([3001, 3002])
  })

  /** A spec too big to be held from its check to its making: its links are read from the file again. */
  const bigSpec = (): string => Array.from({ length: HELD_WHOLE + 1 }, (_, i) => `d/${i} -> t/${i}`).join('\n') + '\n'

  it('stops making links when a spec too big to hold changed after it was checked', () => {
    const file = path.join(dir, 'links.txt')
    fs.writeFileSync(file, bigSpec())
    const read = readSpec(specFile(file), settings, linux)
    if ('problems' in read) throw new Error('the spec was meant to be read')
    fs.writeFileSync(file, '../out -> y\n' + bigSpec())
    expect(() => [...read.walk()]).toThrow(/changed/)
  })

  it('makes what it checked of a small spec, even where the file changed since', () => {
    const file = path.join(dir, 'links.txt')
    fs.writeFileSync(file, 'a -> x\nb -> y\n')
    const read = readSpec(specFile(file), settings, linux)
    if ('problems' in read) throw new Error('the spec was meant to be read')
    fs.writeFileSync(file, 'a -> x\n../out -> y\n')
    const made = [...read.walk()].map((item) => 'request' in item && [item.request.path, item.request.absTarget])
    expect(made).toEqual([
      ['a', '/ws/x'],
      ['b', '/ws/y']
    ])
  })

  const NO_PROC = fs.existsSync('/proc/self/fd') ? undefined : 'no /proc/self/fd to count open files by'
  /** How many of this process's open files are `file`. */
  const openCount = (file: string): number =>
    fs.readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return fs.readlinkSync(`/proc/self/fd/${fd}`) === file
      } catch {
        return false // the listing's own descriptor, closed by now
      }
    }).length

  itUnless(NO_PROC)('leaves the spec file closed once checked and once walked, also where a walk stops early', () => {
    const file = path.join(dir, 'links.txt')
    fs.writeFileSync(file, bigSpec())
    const read = readSpec(specFile(file), settings, linux)
    if ('problems' in read) throw new Error('the spec was meant to be read')
    expect(openCount(file)).toBe(0)
    expect([...read.walk()]).toHaveLength(HELD_WHOLE + 1)
    expect(openCount(file)).toBe(0)
    fs.writeFileSync(file, 'c -> y\n' + bigSpec())
    expect(() => [...read.walk()]).toThrow(/changed/)
    expect(openCount(file)).toBe(0)
  })

  it('walks past the links held for share workers', () => {
    const file = path.join(dir, 'links.txt')
    fs.writeFileSync(file, 'a -> x\nb -> y\nc -> z\nd -> z\n')
    const read = readSpec(specFile(file), settings, linux, (r) => r.path === 'b' || r.path === 'd')
    if ('problems' in read) throw new Error('the spec was meant to be read')
    expect(read.held.map(({ index, request }) => [index, request.path])).toEqual([
      [1, 'b'],
      [3, 'd']
    ])
    expect([...read.walk()].map((item) => 'request' in item && [item.index, item.request.path])).toEqual([
      [0, 'a'],
      [2, 'c']
    ])
  })

  it('walks past the links held for share workers where the spec is read again', () => {
    const file = path.join(dir, 'links.txt')
    fs.writeFileSync(file, bigSpec())
    const read = readSpec(specFile(file), settings, linux, (r) => r.path === 'd/1' || r.path === 'd/3')
    if ('problems' in read) throw new Error('the spec was meant to be read')
    const walked = [...read.walk()].map((item) => 'request' in item && [item.index, item.request.path])
    expect(walked.slice(0, 3)).toEqual([
      [0, 'd/0'],
      [2, 'd/2'],
      [4, 'd/4']
    ])
    expect(walked).toHaveLength(HELD_WHOLE - 1)
  })
})
