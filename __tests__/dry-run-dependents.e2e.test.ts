// A dry run of links that wait for earlier ones (spec/dependents.ts): a TARGET through a link the spec makes, a PATH
// below one, a TARGET in a directory another entry's create-parents makes. The real run plans each of them once the
// earlier links exist; the dry run must predict what it then does, from a disk it leaves untouched. Each spec is run
// dry, then for real on the same tree, through the bundled action, and every prediction is held to the real result.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { describePosixWithActionNode, runAction, snapshot, tempWorkspace } from './helpers/action.js'
import { expectPredicted, type Result } from './helpers/predicted.js'

let ws: string
beforeEach(() => {
  ws = tempWorkspace()
  fs.mkdirSync(path.join(ws, 'real-dir'))
  fs.writeFileSync(path.join(ws, 'real-dir', 'file'), 'content\n')
})
afterEach(() => fs.rmSync(ws, { recursive: true, force: true }))

/** Run `links` dry, then for real: the dry run leaves the tree as it was. Both runs' results. */
function dryThenReal(links: string, inputs: Record<string, string>): [Result[], Result[]] {
  const all = { links, 'fail-on-error': 'false', ...inputs }
  const before = snapshot(ws)
  const dry = runAction(ws, { ...all, 'dry-run': 'true' }).results as Result[]
  expect(snapshot(ws)).toEqual(before)
  const real = runAction(ws, all).results as Result[]
  expect(dry).toHaveLength(real.length)
  return [dry, real]
}

/** One link's prediction matches the real result, down to the link's text and its warnings. */
function expectSame(dry: Result, real: Result): void {
  expectPredicted(dry, real)
  expect([dry.text, dry.warnings]).toEqual([real.text, real.warnings])
}

/** Every prediction of a dry run of `links` matches the real run's result. The real results, as `status kind code`. */
function differential(links: string, inputs: Record<string, string> = {}): string[] {
  const [dry, real] = dryThenReal(links, inputs)
  real.forEach((made, i) => expectSame(dry[i], made))
  return real.map((r) => `${r.status} ${r.kind} ${r.code}`.trim())
}

describePosixWithActionNode('a dry run predicts links that wait for earlier ones', () => {
  it('a TARGET through an earlier link to a directory: a symlink and a hard link', () => {
    expect(differential('a -> real-dir\nb -> a/file')).toEqual(['created symlink', 'created symlink'])
    const hard = differential('ha -> real-dir\nhh -> ha/file', { type: 'hardlink', fallback: 'symlink' })
    expect(hard).toEqual(['created symlink', 'created hardlink'])
    expect(fs.statSync(path.join(ws, 'hh')).ino).toBe(fs.statSync(path.join(ws, 'real-dir/file')).ino)
  })

  it('a PATH below an earlier link to a directory: made in the directory, with the text from there', () => {
    expect(differential('a -> real-dir\na/new -> real-dir/file')).toEqual(['created symlink', 'created symlink'])
    expect(fs.readlinkSync(path.join(ws, 'real-dir/new'))).toBe('file')
  })

  it('a TARGET in a directory that an earlier entry creates with its parents, under dangling: fail', () => {
    const real = differential('x/y/l -> real-dir/file\nm -> x/y\nn -> x/y/l', { dangling: 'fail' })
    expect(real).toEqual(['created symlink', 'created symlink', 'created symlink'])
  })

  it('a chain of three: each TARGET leads through the link before it', () => {
    const real = differential('a -> real-dir\nb -> a\nc -> b/file', { dangling: 'fail' })
    expect(real).toEqual(['created symlink', 'created symlink', 'created symlink'])
    expect(fs.readFileSync(path.join(ws, 'c'), 'utf8')).toBe('content\n')
  })

  it('failures the earlier links cause: a file in the way below a link, a PATH below a link to a file', () => {
    const real = differential('a -> real-dir\na/file -> real-dir/other\nf -> real-dir/file\nf/sub -> real-dir')
    expect(real).toEqual(['created symlink', 'failed symlink EEXIST', 'created symlink', 'failed symlink ENOTDIR'])
  })

  it('through an earlier link that replaces another, or a copy (fallback: copy)', () => {
    fs.symlinkSync('missing', path.join(ws, 'old'))
    const links = [
      '- { path: old, target: real-dir, overwrite: links }',
      '- { path: b, target: old/file }',
      '- { path: cp, target: real-dir, type: hardlink, fallback: copy }',
      '- { path: d, target: cp/file, type: hardlink }'
    ]
    expect(differential(links.join('\n'))).toEqual([
      'replaced symlink',
      'created symlink',
      'created copy',
      'created hardlink'
    ])
    expect(fs.statSync(path.join(ws, 'd')).ino).toBe(fs.statSync(path.join(ws, 'cp/file')).ino)
  })

  it('through an earlier link that goes (state: absent): its TARGET is missing then, under dangling: fail', () => {
    fs.symlinkSync('real-dir', path.join(ws, 'gone'))
    const [dry, real] = dryThenReal('- { path: gone, state: absent }\n- { path: c, target: gone/file }', {
      dangling: 'fail'
    })
    // A planned removal names no kind yet (result.ts): only its action is compared.
    expect([dry[0].plan, real[0].status]).toEqual(['remove', 'removed'])
    expectSame(dry[1], real[1])
    expect(real[1].code).toBe('ENOENT')
  })

  it('an earlier link that fails leaves its dependants to the disk as it is: a file in the way', () => {
    fs.writeFileSync(path.join(ws, 'a'), 'in the way\n')
    const real = differential('a -> real-dir\nb -> a/file')
    expect(real).toEqual(['failed symlink EEXIST', 'failed symlink ENOTDIR'])
  })
})
