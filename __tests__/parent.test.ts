// parent.ts on real directories: which directory a name lives in, by the directory itself, and the directories made
// for a link, removed only while each is still the one made and empty.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { nodeFs, type FsOps } from '../src/fsops.js'
import { directoryIdentity, parentChange, parentOf, removeMadeDirs } from '../src/parent.js'
import type { ParentIdentity } from '../src/model.js'
import { describePosix } from './helpers/action.js'
import { errnoError, host, seenAs, tempDir } from './helpers/stage.js'

let ws: string
beforeEach(() => {
  ws = tempDir()
})
afterEach(() => fs.rmSync(ws, { recursive: true, force: true }))

const at = (name: string) => path.join(ws, name)
const identity = (dir: string): ParentIdentity => directoryIdentity(dir, nodeFs)!

describePosix('the directory a name is in', () => {
  it('is the real directory, through a symlinked parent, by its device and inode', () => {
    fs.mkdirSync(at('real'))
    fs.symlinkSync('real', at('via'))
    const { dev, ino } = fs.statSync(at('real'))
    expect(parentOf(at('via/l'), nodeFs, host)).toEqual({ real: at('real'), dev, ino })
  })

  it('is none where the parent is gone or a file; another refusal is thrown with its errno', () => {
    fs.writeFileSync(at('file'), '')
    expect(parentOf(at('gone/l'), nodeFs, host)).toBeUndefined()
    expect(parentOf(at('file/l'), nodeFs, host)).toBeUndefined()
    const refusing: FsOps = {
      ...nodeFs,
      realpath: () => {
        throw errnoError('EACCES', 'realpath')
      }
    }
    expect(() => parentOf(at('l'), refusing, host)).toThrow(expect.objectContaining({ code: 'EACCES' }))
  })

  it('is none where the directory goes between realpath and stat (removed meanwhile)', () => {
    fs.mkdirSync(at('d'))
    expect(directoryIdentity(at('d'), { ...nodeFs, stat: () => undefined })).toBeUndefined()
  })
})

describePosix('how the chain to a parent changed', () => {
  it('says nothing while it leads to the directory recorded, and names where it leads now otherwise', () => {
    fs.mkdirSync(at('d'))
    fs.mkdirSync(at('e'))
    const was = identity(at('d'))
    expect(parentChange(at('d/l'), was, nodeFs, host, true)).toBeUndefined()
    fs.renameSync(at('d'), at('d-was'))
    fs.symlinkSync('e', at('d'))
    expect(parentChange(at('d/l'), was, nodeFs, host, true)).toEqual({
      gone: false,
      words: expect.stringContaining(`now leads to ${at('e')}`)
    })
  })

  it('another directory at the same path: changed by its inode, the same where inodes prove nothing', () => {
    fs.mkdirSync(at('d'))
    const was = identity(at('d'))
    fs.renameSync(at('d'), at('d-was'))
    fs.mkdirSync(at('d'))
    expect(parentChange(at('d/l'), was, nodeFs, host, true)).toMatchObject({ gone: false })
    expect(parentChange(at('d/l'), was, nodeFs, host, false)).toBeUndefined()
  })

  it('another filesystem mounted over it, even with the very inode number: changed, by its device', () => {
    fs.mkdirSync(at('d'))
    const was = identity(at('d'))
    const mounted = seenAs(nodeFs, at('d'), (s) => ({ dev: s.dev + 1 }), 'stat')
    expect(parentChange(at('d/l'), was, mounted, host, true)).toEqual({
      gone: false,
      words: expect.stringContaining(at('d'))
    })
  })
})

describePosix('the directories made for a link', () => {
  it('go innermost first while each is empty, and stop at the first that holds anything', () => {
    fs.mkdirSync(at('a/b/c'), { recursive: true })
    fs.writeFileSync(at('a/later'), 'a later step wrote this')
    const made = ['a', 'a/b', 'a/b/c'].map((d) => identity(at(d)))
    expect(removeMadeDirs(made, nodeFs, host, true)).toEqual([at('a/b/c'), at('a/b')])
    expect(fs.readdirSync(at('a'))).toEqual(['later'])
  })

  it('one replaced by another at its path stays where inodes prove it, goes where only the path can tell', () => {
    fs.mkdirSync(at('a/b'), { recursive: true })
    const made = ['a', 'a/b'].map((d) => identity(at(d)))
    fs.renameSync(at('a/b'), at('b-was'))
    fs.mkdirSync(at('a/b'))
    expect(removeMadeDirs(made, nodeFs, host, true)).toEqual([])
    expect(fs.existsSync(at('a/b'))).toBe(true)
    expect(removeMadeDirs(made, nodeFs, host, false)).toEqual([at('a/b'), at('a')])
    expect(fs.readdirSync(ws)).toEqual(['b-was'])
  })

  it('one that leads elsewhere now stays, and so does what it leads to', () => {
    fs.mkdirSync(at('a'))
    fs.mkdirSync(at('elsewhere'))
    const made = [identity(at('a'))]
    fs.rmdirSync(at('a'))
    fs.symlinkSync('elsewhere', at('a'))
    expect(removeMadeDirs(made, nodeFs, host, true)).toEqual([])
    expect(fs.statSync(at('elsewhere')).isDirectory()).toBe(true)
  })

  it('a full one is never asked to go (fusefat answers rmdir of a full directory with EPERM, not ENOTEMPTY)', () => {
    fs.mkdirSync(at('a'))
    fs.writeFileSync(at('a/f'), 'f')
    const eperm: FsOps = {
      ...nodeFs,
      rmdir: () => {
        throw errnoError('EPERM', 'rmdir')
      }
    }
    expect(removeMadeDirs([identity(at('a'))], eperm, host, true)).toEqual([])
  })
})
