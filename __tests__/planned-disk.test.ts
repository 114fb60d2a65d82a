// The disk as a dry run's earlier links would leave it (plan/planned-disk.ts): links predicted to be made, and the
// parents they create, answer reads as the real run would then find them; the real disk answers the rest, and is
// never written. Real directories.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { errnoCode } from '../src/errors.js'
import { nodeFs } from '../src/fsops.js'
import type { FilesystemInfo, LinkOptions } from '../src/model.js'
import { planAll } from '../src/plan/index.js'
import { PlannedDisk } from '../src/plan/planned-disk.js'
import { predictedResult } from '../src/predict.js'
import { describePosix, snapshot } from './helpers/action.js'
import { context, dataWorkspace, host, requests } from './helpers/stage.js'

let ws: string
beforeEach(() => {
  ws = dataWorkspace()
  fs.writeFileSync(path.join(ws, 'data/dir/keep'), 'kept')
})
afterEach(() => fs.rmSync(ws, { recursive: true, force: true }))

const at = (rel: string): string => path.join(ws, rel)

/** The disk once each link of `spec` is noted as the dry run predicts it; the real disk is left as it was. */
function after(spec: string, defaults: Partial<LinkOptions> = {}, filesystem?: FilesystemInfo): PlannedDisk {
  const ctx = context(ws, {}, filesystem)
  const disk = new PlannedDisk(nodeFs, host)
  const before = snapshot(ws)
  for (const plan of planAll(requests(spec, ws, defaults), ctx)) disk.note(plan, predictedResult(plan, ctx))
  expect(snapshot(ws)).toEqual(before)
  return disk
}

/** The errno a call throws. */
function thrown(call: () => unknown): string {
  try {
    call()
  } catch (error) {
    return errnoCode(error) || 'not an errno'
  }
  return 'nothing thrown'
}

describePosix('the disk as planned links would leave it', () => {
  it('a planned symlink to a directory: a link of its text, and the directory through it', () => {
    const disk = after('a -> data/dir')
    expect(disk.lstat(at('a'))?.isSymbolicLink()).toBe(true)
    expect(disk.lstat(at('a'))?.size).toBe('data/dir'.length)
    expect(disk.readlink(at('a'))).toBe('data/dir')
    expect(disk.stat(at('a'))?.isDirectory()).toBe(true)
    expect(disk.stat(at('a/keep'))?.ino).toBe(fs.statSync(at('data/dir/keep')).ino)
    expect(disk.realpath(at('a/keep'))).toBe(at('data/dir/keep'))
    expect(disk.readdir(at('a'))).toEqual(['keep'])
    expect(disk.readdir(ws).sort()).toEqual(['a', 'data'])
    expect(disk.lstat(at('a/none'))).toBeUndefined()
    expect(thrown(() => disk.realpath(at('a/none')))).toBe('ENOENT')
  })

  it('the parents a link creates: directories, on the filesystem of the one they are made in', () => {
    const disk = after('x/y/l -> data/x')
    expect(disk.lstat(at('x/y'))?.isDirectory()).toBe(true)
    expect(disk.stat(at('x'))?.dev).toBe(fs.statSync(ws).dev)
    expect(disk.readdir(at('x'))).toEqual(['y'])
    expect(disk.readdir(at('x/y'))).toEqual(['l'])
    expect(disk.realpath(at('x/y/l'))).toBe(at('data/x'))
    expect(disk.realpath(at('x/y'))).toBe(at('x/y'))
    expect([disk.exists(at('x/y/l')), disk.exists(at('x/y/none')), disk.exists(at('x/y/l/z'))]).toEqual([
      true,
      false,
      false
    ])
    expect(thrown(() => disk.readlink(at('x/y')))).toBe('EINVAL')
    expect(thrown(() => disk.readdir(at('x/y/l')))).toBe('ENOTDIR')
    expect(thrown(() => disk.readdir(at('x/none')))).toBe('ENOENT')
    expect(thrown(() => disk.stat(at('x/y/l/z')))).toBe('ENOTDIR')
  })

  it('a planned hard link is another name of its file, a planned copy a file of its own with the same content', () => {
    const disk = after('h -> data/x\nc -> data/dir', { type: 'hardlink', fallback: ['copy'] })
    const file = fs.statSync(at('data/x'))
    expect(disk.lstat(at('h'))).toMatchObject({ ino: file.ino, nlink: file.nlink + 1 })
    expect(disk.contentHash(at('h'))).toBe(nodeFs.contentHash(at('data/x')))
    expect(disk.stat(at('c'))?.isDirectory()).toBe(true)
    expect(disk.stat(at('c'))?.ino).not.toBe(fs.statSync(at('data/dir')).ino)
    expect(disk.readdir(at('c'))).toEqual(['keep'])
    expect(disk.realpath(at('c/keep'))).toBe(at('c/keep'))
    expect(disk.sameBytes(at('c/keep'), at('data/dir/keep'))).toBe(true)
  })

  it('a link that replaces another, a hard link through a real symlink, a link the family cannot tell about', () => {
    fs.symlinkSync('missing', at('old'))
    fs.symlinkSync('data/x', at('alias'))
    fs.symlinkSync('../x', at('data/dir/rl'))
    const disk = after(
      '- { path: old, target: data/dir, overwrite: links }\n- { path: h, target: alias, type: hardlink }'
    )
    expect(disk.readlink(at('old'))).toBe('data/dir')
    expect(disk.readlink(at('old/rl'))).toBe('../x')
    expect(disk.lstat(at('h'))).toMatchObject({ ino: fs.statSync(at('data/x')).ino })
    expect(disk.lstat(at('h'))?.isFile()).toBe(true)
    expect([disk.exists(at('old')), disk.exists(at('old/rl')), disk.exists(at('h'))]).toEqual([true, true, true])
    const nfs = { type: 'nfs4', mountPoint: '/', source: 'server:/', options: ['rw'] }
    expect(after('n -> data/dir', {}, nfs).stat(at('n/keep'))?.isFile()).toBe(true)
  })

  it('a link that goes (state: absent) is missing, from its directory too', () => {
    fs.symlinkSync('data/dir', at('old'))
    const disk = after('- { path: old, state: absent }')
    expect(disk.lstat(at('old'))).toBeUndefined()
    expect(disk.stat(at('old/keep'))).toBeUndefined()
    expect(thrown(() => disk.readlink(at('old')))).toBe('ENOENT')
    expect(disk.readdir(ws)).toEqual(['data'])
  })

  it('a link that is predicted to fail, or is already there, puts nothing', () => {
    fs.writeFileSync(at('taken'), 'in the way')
    fs.symlinkSync('data/x', at('same'))
    const disk = after(
      [
        '- { path: taken, target: data/dir }',
        '- { path: same, target: data/x }',
        '- { path: h, target: data/dir, type: hardlink, fallback: [] }'
      ].join('\n')
    )
    expect(disk.lstat(at('taken'))?.isFile()).toBe(true)
    expect(disk.readlink(at('same'))).toBe('data/x')
    expect(disk.lstat(at('h'))).toBeUndefined()
    expect([disk.exists(at('taken')), disk.exists(at('h'))]).toEqual([true, false])
  })

  it('real links on the way are followed into planned ones: a real link to where a planned one will be', () => {
    fs.symlinkSync('a/keep', at('real'))
    const disk = after('a -> data/dir')
    expect(nodeFs.stat(at('real'))).toBeUndefined()
    expect(disk.stat(at('real'))?.isFile()).toBe(true)
    expect(disk.realpath(at('real'))).toBe(at('data/dir/keep'))
    expect(disk.readlink(at('real'))).toBe('a/keep')
  })

  it("an error on the way is the call's own, as the kernel reports it (the result names the call)", () => {
    fs.writeFileSync(at('file'), '')
    const disk = after('a -> file')
    const callOf = (call: () => unknown): string | undefined => {
      try {
        call()
      } catch (error) {
        return (error as NodeJS.ErrnoException).syscall
      }
      return 'nothing thrown'
    }
    expect(callOf(() => disk.stat(at('a/x')))).toBe('stat')
    expect(callOf(() => disk.realpath(at('a/x')))).toBe('realpath')
    expect(callOf(() => disk.readlink(at('file/x')))).toBe(callOf(() => fs.readlinkSync(at('file/x'))))
  })

  it('planned links that lead round in a loop: ELOOP, as the kernel answers', () => {
    const disk = after('p -> q\nq -> p')
    expect(thrown(() => disk.stat(at('p')))).toBe('ELOOP')
    expect(disk.lstat(at('p'))?.isSymbolicLink()).toBe(true)
  })

  it('refuses every write, with no errno a caller could take for an answer of the disk', () => {
    const disk = after('a -> data/dir')
    for (const write of [() => disk.mkdir(at('m')), () => disk.symlink('x', at('s')), () => disk.unlink(at('a'))])
      expect(thrown(write)).toBe('not an errno')
    expect(fs.existsSync(at('m'))).toBe(false)
  })
})
