// Capture (issue 29) on real trees in temp dirs: the walk never follows a link, where each link leads is found without
// leaving the workspace, hard links are grouped, and the file written is a spec the normal parser reads, the same
// bytes each time the same tree is captured.
import { afterEach, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { captureRoot, CAPTURE_FILE, type CaptureResult } from '../src/capture/index.js'
import { groupHardLinks } from '../src/capture/groups.js'
import { leadsTo } from '../src/capture/leads.js'
import { walk } from '../src/capture/walk.js'
import { platformFor } from '../src/platform.js'
import { parseSpec } from '../src/spec/index.js'
import { describePosix } from './helpers/action.js'
import { itUnless } from './helpers/skip.js'
import { DEFAULTS, readAll, settingsFor, tempDir } from './helpers/stage.js'

/** Each temp dir a test made, removed after it. */
const made: string[] = []
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})
const temp = (): string => {
  const dir = tempDir()
  made.push(dir)
  return dir
}

/** A workspace `ws` with a file outside the captured tree, and the tree `ws/tree` with data to link to. */
function workspace(): { ws: string; tree: string } {
  const ws = temp()
  const tree = path.join(ws, 'tree')
  fs.mkdirSync(path.join(tree, 'data/dir'), { recursive: true })
  fs.writeFileSync(path.join(tree, 'data/x'), 'x')
  fs.writeFileSync(path.join(ws, 'outside.txt'), 'o')
  return { ws, tree }
}

const capture = (ws: string, root = 'tree', dryRun = false): CaptureResult =>
  captureRoot({ root, workingDirectory: ws, file: CAPTURE_FILE, dryRun })

/** The capture file read back by the normal spec parser: its entries by path, and its problems. */
function readBack(tree: string) {
  const { entries, problems } = parseSpec(fs.readFileSync(path.join(tree, CAPTURE_FILE), 'utf8'), DEFAULTS)
  const byPath = Object.fromEntries(
    entries.map((e) => [
      e.path,
      { type: e.options.type, text: e.text, target: e.target, relative: e.options.relative, to: e.options.targetType }
    ])
  )
  return { byPath, problems }
}

const counts = (result: CaptureResult) => ('counts' in result ? result.counts : result)

describePosix('capture', () => {
  it('records each symlink with its exact text and its target kind, as a spec the parser reads', () => {
    const { ws, tree } = workspace()
    fs.mkdirSync(path.join(tree, 'sub'))
    fs.symlinkSync('data/x', path.join(tree, 'file-link'))
    fs.symlinkSync('../data/dir/../x', path.join(tree, 'sub/roundabout'))
    fs.symlinkSync('data/dir', path.join(tree, 'dir-link'))
    fs.symlinkSync('sub/../data/x', path.join(tree, 'through'))
    const result = capture(ws)
    expect(counts(result)).toMatchObject({ symlinks: 4, hardlinks: 0, dangling: 0, outside: 0, refused: 0 })
    const { byPath, problems } = readBack(tree)
    expect(problems).toEqual([])
    expect(byPath).toEqual({
      'dir-link': { type: 'symlink', text: 'data/dir', target: 'data/dir', relative: 'auto', to: 'dir' },
      'file-link': { type: 'symlink', text: 'data/x', target: 'data/x', relative: 'auto', to: 'file' },
      'sub/roundabout': {
        type: 'symlink',
        text: '../data/dir/../x',
        target: '../data/dir/../x',
        relative: 'auto',
        to: 'file'
      },
      through: { type: 'symlink', text: 'sub/../data/x', target: 'sub/../data/x', relative: 'auto', to: 'file' }
    })
  })

  it('writes the same bytes when the same tree is captured again, in sorted order, skipping its own file', () => {
    const { ws, tree } = workspace()
    for (const name of ['b', 'a', 'c', 'A']) fs.symlinkSync('data/x', path.join(tree, name))
    fs.linkSync(path.join(tree, 'data/x'), path.join(tree, 'h'))
    capture(ws)
    const first = fs.readFileSync(path.join(tree, CAPTURE_FILE))
    expect(capture(ws)).toMatchObject({ written: true, counts: { symlinks: 4, hardlinks: 1 } })
    expect(fs.readFileSync(path.join(tree, CAPTURE_FILE)).equals(first)).toBe(true)
    expect(Object.keys(readBack(tree).byPath)).toEqual(['A', 'a', 'b', 'c', 'h'])
  })

  it('records an absolute text into the tree relative to it, to be written back absolute; one elsewhere as is', () => {
    const { ws, tree } = workspace()
    fs.symlinkSync(path.join(tree, 'data/x'), path.join(tree, 'abs-in'))
    fs.symlinkSync(path.join(ws, 'outside.txt'), path.join(tree, 'abs-out'))
    fs.symlinkSync('../outside.txt', path.join(tree, 'rel-out'))
    expect(counts(capture(ws))).toMatchObject({ symlinks: 3, absolute: 1, outside: 2 })
    const { byPath } = readBack(tree)
    expect(byPath['abs-in']).toEqual({
      type: 'symlink',
      text: undefined,
      target: 'data/x',
      relative: 'false',
      to: 'file'
    })
    expect(byPath['abs-out']).toMatchObject({ text: path.join(ws, 'outside.txt'), to: 'file' })
    expect(byPath['rel-out']).toMatchObject({ text: '../outside.txt', to: 'file' })
    const written = fs.readFileSync(path.join(tree, CAPTURE_FILE), 'utf8')
    expect(written).toMatch(/^# absolute text outside the captured root.*\n- path: abs-out$/m)
    // The file names nothing of where the tree was: it can be restored anywhere.
    expect(written.replace(path.join(ws, 'outside.txt'), '')).not.toContain(ws)
  })

  it('never follows a link out of the workspace: its text is kept, its target kind left unknown', () => {
    const { ws, tree } = workspace()
    const elsewhere = temp()
    fs.mkdirSync(path.join(elsewhere, 'd'))
    fs.symlinkSync(elsewhere, path.join(tree, 'away'))
    fs.symlinkSync('away/d', path.join(tree, 'through-away'))
    fs.symlinkSync('../../../../../../../../..', path.join(tree, 'up'))
    expect(leadsTo(tree, 'away/d', ws)).toBe('outside')
    expect(counts(capture(ws))).toMatchObject({ symlinks: 3, outside: 2, dangling: 0 })
    const { byPath } = readBack(tree)
    expect(byPath['through-away']).toEqual({
      type: 'symlink',
      text: 'away/d',
      target: 'away/d',
      relative: 'auto',
      to: undefined
    })
    expect(byPath.away.to).toBeUndefined()
    expect(byPath.up.to).toBeUndefined()
  })

  it('records dangling links and link loops, marked, without a target kind', () => {
    const { ws, tree } = workspace()
    fs.symlinkSync('nowhere', path.join(tree, 'gone'))
    fs.symlinkSync('data/x/below', path.join(tree, 'not-dir'))
    fs.symlinkSync('loop-b', path.join(tree, 'loop-a'))
    fs.symlinkSync('loop-a', path.join(tree, 'loop-b'))
    fs.symlinkSync('self', path.join(tree, 'self'))
    expect(leadsTo(tree, 'loop-a', ws)).toBe('loop')
    expect(leadsTo(tree, 'self', ws)).toBe('loop')
    // A link to itself is refused: the parser refuses one, and with it the whole file.
    expect(counts(capture(ws))).toMatchObject({ symlinks: 4, dangling: 4, refused: 1 })
    const { byPath, problems } = readBack(tree)
    expect(problems).toEqual([])
    expect(Object.keys(byPath)).toEqual(['gone', 'loop-a', 'loop-b', 'not-dir'])
    expect(Object.values(byPath).map((e) => e.to)).toEqual([undefined, undefined, undefined, undefined])
    const written = fs.readFileSync(path.join(tree, CAPTURE_FILE), 'utf8')
    expect(written.match(/^# dangling when captured/gm)).toHaveLength(4)
    expect(written).toMatch(/^# {3}"self" it leads to itself/m)
  })

  it('groups hard links under their first name, and notes a file whose other names are outside the tree', () => {
    const { ws, tree } = workspace()
    fs.mkdirSync(path.join(tree, 'z'))
    fs.linkSync(path.join(tree, 'data/x'), path.join(tree, 'z/second'))
    fs.linkSync(path.join(tree, 'data/x'), path.join(tree, 'b-third'))
    fs.linkSync(path.join(ws, 'outside.txt'), path.join(tree, 'lonely'))
    fs.writeFileSync(path.join(tree, 'pair-a'), 'p')
    fs.linkSync(path.join(tree, 'pair-a'), path.join(tree, 'pair-b'))
    fs.linkSync(path.join(tree, 'pair-a'), path.join(ws, 'pair-outside'))
    expect(counts(capture(ws))).toMatchObject({ symlinks: 0, hardlinks: 3, noted: 2 })
    const { byPath } = readBack(tree)
    expect(byPath).toEqual({
      'data/x': { type: 'hardlink', target: 'b-third', text: undefined, relative: 'auto', to: undefined },
      'z/second': { type: 'hardlink', target: 'b-third', text: undefined, relative: 'auto', to: undefined },
      'pair-b': { type: 'hardlink', target: 'pair-a', text: undefined, relative: 'auto', to: undefined }
    })
    const written = fs.readFileSync(path.join(tree, CAPTURE_FILE), 'utf8')
    expect(written).toMatch(/^# {3}"lonely" has 1 other name outside the captured root/m)
    expect(written).toMatch(/^# {3}"pair-a" has 1 other name outside the captured root/m)
  })

  it('groups by device and inode, the head being the first name a spec can hold', () => {
    const files = [
      { rel: 'm', id: '1:2', nlink: 3 },
      { rel: ' a', id: '1:2', nlink: 3 },
      { rel: 'k', id: '1:2', nlink: 3 },
      { rel: 'solo', id: '1:3', nlink: 2 }
    ]
    expect(groupHardLinks(files, (rel) => rel.trim() === rel)).toEqual([
      { head: 'k', others: ['m', ' a'], outside: 0 },
      { head: 'solo', others: [], outside: 1 }
    ])
  })

  it('round-trips names with spaces, " -> ", quotes, newlines and controls; refuses what a spec would change', () => {
    const { ws, tree } = workspace()
    const names = [
      'with space',
      'a -> b',
      'new\nline',
      'quote"s',
      'tab\there',
      'c1\u0085\u009f',
      '# hash',
      '-dash',
      'x: y'
    ]
    for (const name of names) fs.symlinkSync(`data/${name}`, path.join(tree, name))
    fs.symlinkSync('data/x', path.join(tree, ' leading'))
    fs.symlinkSync(' text with spaces ', path.join(tree, 'spaced-text'))
    fs.writeFileSync(Buffer.from(path.join(tree, 'latin1-\xe9'), 'latin1'), '')
    fs.symlinkSync('data/x', Buffer.from(path.join(tree, 'bad-\xff'), 'latin1'))
    const result = capture(ws)
    expect(counts(result)).toMatchObject({ symlinks: names.length + 1, refused: 2 })
    const { byPath, problems } = readBack(tree)
    expect(problems).toEqual([])
    expect(Object.keys(byPath).sort()).toEqual([...names, 'spaced-text'].sort())
    for (const name of names) expect(byPath[name].text).toBe(`data/${name}`)
    expect(byPath['spaced-text'].text).toBe(' text with spaces ')
    const written = fs.readFileSync(path.join(tree, CAPTURE_FILE), 'utf8')
    expect(written).toMatch(/^# {3}" leading" its name begins or ends with white space/m)
    expect(written).toMatch(/^# {3}"bad-\uFFFD" its name is not UTF-8/m)
  })

  it('marks names with a backslash or a leading drive letter literal, so the captured file makes them here', () => {
    const { ws, tree } = workspace()
    fs.symlinkSync('data/x', path.join(tree, 'back\\slash'))
    fs.symlinkSync('C:x', path.join(tree, 'drive-text'))
    fs.symlinkSync('data/x', path.join(tree, 'plain'))
    capture(ws)
    const spec = fs.readFileSync(path.join(tree, CAPTURE_FILE), 'utf8')
    const read = readAll(spec, settingsFor(tree), platformFor('linux'))
    // None refused as a Windows spelling: all three are links to make.
    expect(read).toEqual({ requests: expect.any(Array), verdicts: [] })
    const { requests } = read as { requests: { absPath: string }[] }
    expect(requests.map((r) => path.basename(r.absPath)).sort()).toEqual(['back\\slash', 'drive-text', 'plain'])
    expect(spec.match(/^ {2}literal: true$/gm)).toHaveLength(2)
  })

  it('refuses a root outside the workspace, through a symlink too, and a root that is missing or a file', () => {
    const { ws, tree } = workspace()
    const elsewhere = temp()
    fs.symlinkSync(elsewhere, path.join(ws, 'escape'))
    expect(capture(ws, elsewhere)).toMatchObject({ problem: expect.stringContaining('outside working-directory') })
    expect(capture(ws, 'escape')).toMatchObject({ problem: expect.stringContaining('outside working-directory') })
    expect(capture(ws, '..')).toMatchObject({ problem: expect.stringContaining('outside working-directory') })
    expect(capture(ws, 'missing')).toMatchObject({ problem: expect.stringContaining('does not exist') })
    expect(capture(ws, 'outside.txt')).toMatchObject({ problem: expect.stringContaining('not a directory') })
    expect(fs.readdirSync(elsewhere)).toEqual([])
    expect(fs.existsSync(path.join(tree, CAPTURE_FILE))).toBe(false)
  })

  it('replaces a link planted at the capture file name instead of writing through it; a dry run writes nothing', () => {
    const { ws, tree } = workspace()
    fs.symlinkSync(path.join(ws, 'outside.txt'), path.join(tree, CAPTURE_FILE))
    expect(capture(ws, 'tree', true)).toMatchObject({ written: false, counts: { symlinks: 0 } })
    expect(fs.lstatSync(path.join(tree, CAPTURE_FILE)).isSymbolicLink()).toBe(true)
    capture(ws)
    expect(fs.lstatSync(path.join(tree, CAPTURE_FILE)).isFile()).toBe(true)
    expect(fs.readFileSync(path.join(ws, 'outside.txt'), 'utf8')).toBe('o')
    expect(fs.readdirSync(tree).sort()).toEqual([CAPTURE_FILE, 'data'])
  })

  const ROOT = process.getuid?.() === 0 ? undefined : 'not root: cannot mount a tmpfs'
  itUnless(ROOT)('does not walk into another filesystem mounted below the root', () => {
    const { ws, tree } = workspace()
    const mnt = path.join(tree, 'mnt')
    fs.mkdirSync(mnt)
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'none', mnt])
    if (mounted.status !== 0) throw new Error(`mount failed: ${String(mounted.stderr)}`)
    try {
      fs.symlinkSync('x', path.join(mnt, 'inside-mount'))
      expect(walk(tree).links).toEqual([])
      expect(counts(capture(ws))).toMatchObject({ symlinks: 0, skipped: 1 })
      expect(fs.readFileSync(path.join(tree, CAPTURE_FILE), 'utf8')).toMatch(/^# {3}"mnt" another filesystem/m)
    } finally {
      spawnSync('umount', [mnt])
    }
  })
})
