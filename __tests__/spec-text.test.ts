// A spec file read in pieces, and read again as its links are made: what it gives is what the text gives.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { platformFor } from '../src/platform.js'
import { parseSpec, readSpec, specFile } from '../src/spec/index.js'
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

  it('stops making links when the file changed after it was checked', () => {
    const file = path.join(dir, 'links.txt')
    fs.writeFileSync(file, 'a -> x\nb -> y\n')
    const read = readSpec(specFile(file), settings, linux)
    if ('problems' in read) throw new Error('the spec was meant to be read')
    fs.writeFileSync(file, 'a -> x\n../out -> y\n')
    expect(() => [...read.walk()]).toThrow(/changed/)
  })
})
