// A spec file read in pieces, and read again as its links are made: what it gives is what the text gives.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { platformFor } from '../src/platform.js'
import { parseSpec, readSpec, specFile, type SpecLinks } from '../src/spec/index.js'
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

  it('stops making links when a spec too big to keep changed after it was checked', () => {
    const file = path.join(dir, 'links.txt')
    fs.writeFileSync(file, 'a -> x\nb -> y\n')
    const read = readSpec(specFile(file), settings, linux, undefined, 0)
    if ('problems' in read) throw new Error('the spec was meant to be read')
    fs.writeFileSync(file, 'a -> x\n../out -> y\n')
    expect(() => [...read.walk()]).toThrow(/changed/)
  })

  it('makes what it checked when a spec it kept changed after it was checked', () => {
    const file = path.join(dir, 'links.txt')
    fs.writeFileSync(file, 'a -> x\nb -> y\n')
    const read = readSpec(specFile(file), settings, linux)
    if ('problems' in read) throw new Error('the spec was meant to be read')
    fs.writeFileSync(file, 'a -> x\n../out -> y\n')
    expect([...read.walk()].map((item) => 'request' in item && item.request.path)).toEqual(['a', 'b'])
  })

  it('keeps a spec up to its budget of characters and reads a bigger one again', () => {
    // 'a -> x': 1 + 1 + '/ws/a'.length + '/ws/x'.length = 12 characters held.
    const file = path.join(dir, 'links.txt')
    fs.writeFileSync(file, 'a -> x\n')
    const kept = readSpec(specFile(file), settings, linux, undefined, 12)
    const readAgain = readSpec(specFile(file), settings, linux, undefined, 11)
    fs.writeFileSync(file, 'b -> x\n')
    for (const read of [kept, readAgain]) if ('problems' in read) throw new Error('the spec was meant to be read')
    expect([...(kept as SpecLinks).walk()].map((item) => 'request' in item && item.request.path)).toEqual(['a'])
    expect(() => [...(readAgain as SpecLinks).walk()]).toThrow(/changed/)
  })
})
