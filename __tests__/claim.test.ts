// Moving to a name of our choosing without replacing what is there (src/claim.ts): each kind of entry on real
// directories, a name taken before the look or between the look and the move, the fallback where no link can be made,
// a failed rename, the bound on names tried, and Windows' rules through the platform seam (helpers/memfs.ts).
import * as fs from 'node:fs'
import * as path from 'node:path'
import { moveIfFree, moveToFree, type Moving } from '../src/claim.js'
import { nodeFs, type FsOps } from '../src/fsops.js'
import { backupName } from '../src/names.js'
import { platformFor } from '../src/platform.js'
import { describePosix } from './helpers/action.js'
import { memoryFs } from './helpers/memfs.js'
import { errnoError, failing, followingSymlinks, host, racing, tempDir } from './helpers/stage.js'

let ws: string
beforeEach(() => {
  ws = tempDir()
})
afterEach(() => fs.rmSync(ws, { recursive: true, force: true }))

const at = (name: string): string => path.join(ws, name)
const backups = (n: number): string => backupName(at('e'), '.bak', n)

/** What is at a name, in words a test compares: a file's bytes, a link's text, a directory's names and bytes. */
function what(p: string): string {
  const s = fs.lstatSync(p, { throwIfNoEntry: false })
  if (!s) return 'nothing'
  if (s.isSymbolicLink()) return `link ${fs.readlinkSync(p)}`
  if (!s.isDirectory()) return `file ${fs.readFileSync(p, 'utf8')}`
  return `dir ${fs.readdirSync(p).map((n) => `${n}=${what(path.join(p, n))}`)}`
}

const SOURCES: Record<string, { make: () => void; is: string; moving: Moving }> = {
  'a file': { make: () => fs.writeFileSync(at('e'), 'mine'), is: 'file mine', moving: 'file' },
  'a symlink': { make: () => fs.symlinkSync('x', at('e')), is: 'link x', moving: 'link' },
  'a directory': {
    make: () => (fs.mkdirSync(at('e')), fs.writeFileSync(at('e/in'), 'mine')),
    is: 'dir in=file mine',
    moving: 'directory'
  }
}
const TAKERS: Record<string, { make: (p: string) => void; is: string }> = {
  'a file': { make: (p) => fs.writeFileSync(p, 'theirs'), is: 'file theirs' },
  'a symlink': { make: (p) => fs.symlinkSync('theirs', p), is: 'link theirs' },
  'an empty directory': { make: (p) => fs.mkdirSync(p), is: 'dir ' }
}

describePosix('moving to a free name on real directories', () => {
  const move = (name: string, ops: FsOps = nodeFs) => moveToFree(at('e'), SOURCES[name].moving, backups, ops, host)

  it.each(Object.keys(SOURCES))('moves %s to the first name, leaving nothing else', (name) => {
    SOURCES[name].make()
    expect(move(name)).toBe(at('e.bak'))
    expect(what(at('e.bak'))).toBe(SOURCES[name].is)
    expect(fs.readdirSync(ws)).toEqual(['e.bak'])
  })

  describe.each(Object.keys(SOURCES))('%s', (name) => {
    it.each(Object.keys(TAKERS))('passes over a name taken by %s before the look, which stays as it was', (taker) => {
      SOURCES[name].make()
      TAKERS[taker].make(at('e.bak'))
      expect(move(name)).toBe(at('e.~1~'))
      expect([what(at('e.bak')), what(at('e.~1~'))]).toEqual([TAKERS[taker].is, SOURCES[name].is])
      expect(fs.readdirSync(ws).sort()).toEqual(['e.bak', 'e.~1~'])
    })

    it.each(Object.keys(TAKERS))('passes over a name taken by %s between the look and the move', (taker) => {
      SOURCES[name].make()
      const ops = racing(nodeFs, (p) => p === at('e.bak'), TAKERS[taker].make)
      expect(move(name, ops)).toBe(at('e.~1~'))
      expect([what(at('e.bak')), what(at('e.~1~'))]).toEqual([TAKERS[taker].is, SOURCES[name].is])
      expect(fs.readdirSync(ws).sort()).toEqual(['e.bak', 'e.~1~'])
    })
  })

  it.each([
    ['a file', 'with a link to it', () => SOURCES['a file'].make(), 'e'],
    [
      'a symlink',
      'with a link of its own text',
      () => (fs.symlinkSync('x', at('e')), fs.writeFileSync(at('x'), '')),
      'x'
    ],
    ['a dangling symlink', 'with a link to its directory', () => SOURCES['a symlink'].make(), '.']
  ])('holds the name of %s %s: whoever opens the name meanwhile gets somewhere', (_, __, make, text) => {
    make()
    const rename: FsOps['rename'] = (from, to) => {
      expect(fs.readlinkSync(to)).toBe(text)
      nodeFs.rename(from, to)
    }
    expect(moveToFree(at('e'), 'link', backups, { ...nodeFs, rename }, host)).toBe(at('e.bak'))
    expect(what(at('e.bak'))).toBe(text === 'e' ? 'file mine' : 'link x')
  })

  it('holds the name of a dangling symlink taken for a file with a link to its directory, not to the symlink', () => {
    SOURCES['a symlink'].make()
    const rename: FsOps['rename'] = (from, to) => {
      expect(fs.readlinkSync(to)).toBe('.')
      nodeFs.rename(from, to)
    }
    expect(moveToFree(at('e'), 'file', backups, { ...nodeFs, rename }, host)).toBe(at('e.bak'))
    expect(what(at('e.bak'))).toBe('link x')
  })

  it('where no link can be made (FAT: EPERM), holds the name with an empty file, still passing a taken one', () => {
    SOURCES['a file'].make()
    fs.writeFileSync(at('e.bak'), 'theirs')
    const ops = failing({ symlink: 'EPERM' })
    expect(move('a file', ops)).toBe(at('e.~1~'))
    expect([what(at('e.bak')), what(at('e.~1~'))]).toEqual(['file theirs', 'file mine'])
  })

  it('takes a link a share made, then answered EIO for (sshfs -o follow_symlinks), for its own placeholder', () => {
    SOURCES['a file'].make()
    const symlink: FsOps['symlink'] = (text, p) => {
      nodeFs.symlink(text, p)
      throw errnoError('EIO', 'symlink')
    }
    expect(move('a file', { ...nodeFs, symlink })).toBe(at('e.bak'))
    expect(fs.readdirSync(ws)).toEqual(['e.bak'])
    expect(what(at('e.bak'))).toBe('file mine')
  })

  it.each(['EIO', 'ETIMEDOUT', 'ENOSPC', 'EACCES'])(
    'passes over a name another process took while symlink() failed (%s), making nothing: theirs stays',
    (code) => {
      SOURCES['a file'].make()
      const symlink: FsOps['symlink'] = (_text, p) => {
        if (p === at('e.bak')) fs.writeFileSync(p, 'theirs')
        throw errnoError(code, 'symlink')
      }
      expect(move('a file', { ...nodeFs, symlink })).toBe(at('e.~1~'))
      expect([what(at('e.bak')), what(at('e.~1~'))]).toEqual(['file theirs', 'file mine'])
    }
  )

  it.each([
    ['a file', 'the file it leads to'],
    ['a symlink', 'nothing (its text leads nowhere): the name is held by a link to its directory']
  ])('moves %s on sshfs -o follow_symlinks, where the link made shows as %s', (name) => {
    SOURCES[name].make()
    expect(move(name, followingSymlinks(nodeFs, at('e')))).toBe(at('e.bak'))
    expect(fs.readdirSync(ws)).toEqual(['e.bak'])
    expect(what(at('e.bak'))).toBe(SOURCES[name].is)
  })

  it('holds the name with an empty file where symlink() fails otherwise and makes nothing (rclone: EIO)', () => {
    SOURCES['a file'].make()
    fs.writeFileSync(at('e.bak'), 'theirs')
    const symlink: FsOps['symlink'] = (text, p) => {
      if (!fs.existsSync(p)) throw errnoError('EIO', 'symlink')
      nodeFs.symlink(text, p)
    }
    expect(move('a file', { ...nodeFs, symlink })).toBe(at('e.~1~'))
    expect([what(at('e.bak')), what(at('e.~1~'))]).toEqual(['file theirs', 'file mine'])
  })

  it.each(['EPERM', 'EEXIST', 'EINVAL'])(
    'renames a directory alone where the filesystem will not put one over an empty one (%s)',
    (code) => {
      SOURCES['a directory'].make()
      const rename: FsOps['rename'] = (from, to) => {
        if (fs.existsSync(to)) throw errnoError(code, 'rename')
        nodeFs.rename(from, to)
      }
      expect(move('a directory', { ...nodeFs, rename })).toBe(at('e.bak'))
      expect(fs.readdirSync(ws)).toEqual(['e.bak'])
      expect(what(at('e.bak'))).toBe(SOURCES['a directory'].is)
    }
  )

  it('passes on where an empty directory came once ours went, the rename alone refused (rclone: EEXIST)', () => {
    SOURCES['a directory'].make()
    const rename: FsOps['rename'] = (from, to) => {
      if (fs.existsSync(to)) throw errnoError('EEXIST', 'rename')
      nodeFs.rename(from, to)
    }
    const rmdir: FsOps['rmdir'] = (p) => {
      nodeFs.rmdir(p)
      if (p === at('e.bak')) fs.mkdirSync(p)
    }
    expect(move('a directory', { ...nodeFs, rename, rmdir })).toBe(at('e.~1~'))
    expect([what(at('e.bak')), what(at('e.~1~'))]).toEqual(['dir ', SOURCES['a directory'].is])
  })

  it.each(Object.keys(SOURCES))(
    'counts %s moved where the rename answered ENOENT once done (NFS retransmit)',
    (name) => {
      SOURCES[name].make()
      const rename: FsOps['rename'] = (from, to) => {
        nodeFs.rename(from, to)
        throw errnoError('ENOENT', 'rename')
      }
      expect(move(name, { ...nodeFs, rename })).toBe(at('e.bak'))
      expect(fs.readdirSync(ws)).toEqual(['e.bak'])
      expect(what(at('e.bak'))).toBe(SOURCES[name].is)
    }
  )

  it('passes over the directory it made where something came into it before the move', () => {
    SOURCES['a directory'].make()
    const rename: FsOps['rename'] = (from, to) => {
      if (to === at('e.bak')) fs.writeFileSync(path.join(to, 'theirs'), 'theirs')
      nodeFs.rename(from, to)
    }
    expect(move('a directory', { ...nodeFs, rename })).toBe(at('e.~1~'))
    expect([what(at('e.bak')), what(at('e.~1~'))]).toEqual(['dir theirs=file theirs', SOURCES['a directory'].is])
  })

  it.each(Object.keys(SOURCES))('leaves %s where it was and no placeholder where the rename fails', (name) => {
    SOURCES[name].make()
    expect(() => move(name, failing({ rename: 'EBUSY' }))).toThrow(expect.objectContaining({ code: 'EBUSY' }))
    expect(fs.readdirSync(ws)).toEqual(['e'])
    expect(what(at('e'))).toBe(SOURCES[name].is)
  })

  it('says the errno where a name cannot be claimed at all (EACCES), trying no further name', () => {
    SOURCES['a directory'].make()
    expect(() => move('a directory', failing({ mkdir: 'EACCES' }))).toThrow(expect.objectContaining({ code: 'EACCES' }))
    expect(fs.readdirSync(ws)).toEqual(['e'])
  })

  it('does not try a refused rename again without its placeholder (only Windows does, for a directory)', () => {
    SOURCES['a file'].make()
    let refused = false
    const rename: FsOps['rename'] = (from, to) => {
      if (!refused) {
        refused = true
        throw errnoError('EPERM', 'rename')
      }
      nodeFs.rename(from, to)
    }
    expect(() => move('a file', { ...nodeFs, rename })).toThrow(expect.objectContaining({ code: 'EPERM' }))
    expect(fs.readdirSync(ws)).toEqual(['e'])
  })

  it.each([
    ['gone', (p: string) => fs.rmSync(p), 'nothing'],
    [
      'replaced by another link',
      (p: string) => {
        fs.rmSync(p)
        fs.symlinkSync('theirs', p)
      },
      'link theirs'
    ]
  ])('leaves a placeholder %s before the rename failed as it is, the error standing', (_, change, left) => {
    SOURCES['a file'].make()
    const rename: FsOps['rename'] = (_from, to) => {
      change(to)
      throw errnoError('EBUSY', 'rename')
    }
    expect(() => move('a file', { ...nodeFs, rename })).toThrow(expect.objectContaining({ code: 'EBUSY' }))
    expect(what(at('e.bak'))).toBe(left)
  })

  it.each([
    ['a link with its text', nodeFs, (p: string) => fs.symlinkSync('e', p)],
    ['an empty file', failing({ symlink: 'EPERM' }), (p: string) => fs.writeFileSync(p, '')]
  ])('keeps a look-alike of its placeholder (%s) put in its place before the rename failed', (_, ops, make) => {
    SOURCES['a file'].make()
    const rename: FsOps['rename'] = (_from, to) => {
      make(at('theirs'))
      fs.renameSync(at('theirs'), to)
      throw errnoError('EBUSY', 'rename')
    }
    expect(() => move('a file', { ...ops, rename })).toThrow(expect.objectContaining({ code: 'EBUSY' }))
    expect(fs.readdirSync(ws).sort()).toEqual(['e', 'e.bak'])
  })

  it('keeps a placeholder someone wrote into before the rename failed: it is theirs now', () => {
    SOURCES['a file'].make()
    const rename: FsOps['rename'] = (_from, to) => {
      fs.writeFileSync(to, 'theirs')
      throw errnoError('EBUSY', 'rename')
    }
    expect(() => move('a file', { ...failing({ symlink: 'EPERM' }), rename })).toThrow()
    expect([what(at('e')), what(at('e.bak'))]).toEqual(['file mine', 'file theirs'])
  })

  it('moves nothing where the entry is not the kind the caller found (ENOTDIR, EISDIR)', () => {
    SOURCES['a directory'].make()
    expect(() => moveToFree(at('e'), 'file', backups, nodeFs, host)).toThrow(
      expect.objectContaining({ code: 'ENOTDIR' })
    )
    fs.rmSync(at('e'), { recursive: true })
    SOURCES['a file'].make()
    expect(() => moveToFree(at('e'), 'directory', backups, nodeFs, host)).toThrow(
      expect.objectContaining({ code: 'EISDIR' })
    )
    expect(fs.readdirSync(ws)).toEqual(['e'])
  })

  it('moves to exactly one name where asked (moveIfFree): false where it is taken', () => {
    SOURCES['a file'].make()
    fs.mkdirSync(at('t'))
    expect(moveIfFree(at('e'), at('t'), 'file', nodeFs, host)).toBe(false)
    expect(moveIfFree(at('e'), at('u'), 'file', nodeFs, host)).toBe(true)
    expect([what(at('t')), what(at('u'))]).toEqual(['dir ', 'file mine'])
  })
})

describe('moving to a free name, through the seam', () => {
  it('gives up with EEXIST after 10,000 names on a filesystem that says every name is taken', () => {
    const posix = platformFor('linux')
    let tried = 0
    const mem = memoryFs(posix, { '/ws/e': 'file' }, (call) => {
      if (call !== 'symlink') return undefined
      tried++
      return errnoError('EEXIST', call)
    })
    expect(() => moveToFree('/ws/e', 'file', (n) => `/ws/e.~${n}~`, mem.ops, posix)).toThrow(
      expect.objectContaining({ code: 'EEXIST', path: '/ws/e.~9999~' })
    )
    expect(tried).toBe(10_000)
    expect(mem.at('/ws/e')?.kind).toBe('file')
  })

  it('stops where the directory made to claim a name cannot be removed (EBUSY), leaving no more, saying so', () => {
    const posix = platformFor('linux')
    const mem = memoryFs(posix, { '/ws/e': 'dir' }, (call) =>
      call === 'rename' || call === 'rmdir' ? errnoError(call === 'rename' ? 'EPERM' : 'EBUSY', call) : undefined
    )
    expect(() => moveToFree('/ws/e', 'directory', (n) => `/ws/e.~${n}~`, mem.ops, posix)).toThrow(
      expect.objectContaining({ code: 'EBUSY', message: expect.stringContaining('made to claim the name') })
    )
    expect(mem.ops.readdir('/ws').sort()).toEqual(['e', 'e.~0~'])
  })

  describe('on Windows, where MoveFileExW replaces a file but puts a directory over nothing', () => {
    const win32 = platformFor('win32')
    const names = (n: number): string => backupName('C:\\ws\\e', '.bak', n)
    const LAYOUTS = {
      'a file': { 'C:\\ws\\e': 'file' as const },
      'a directory': { 'C:\\ws\\e': 'dir' as const, 'C:\\ws\\e\\in': 'file' as const },
      'a junction': { 'C:\\ws\\e': { link: 'C:\\ws\\d', type: 'junction' as const }, 'C:\\ws\\d': 'dir' as const },
      'a file symlink': { 'C:\\ws\\e': { link: 'C:\\ws\\f', type: 'file' as const } }
    }
    const move = (mem: ReturnType<typeof memoryFs>, name: keyof typeof LAYOUTS) =>
      moveToFree('C:\\ws\\e', name === 'a directory' ? 'directory' : 'link', names, mem.ops, win32)

    it('holds the name of a file with an empty file (a link needs a privilege there), then renames over it', () => {
      const mem = memoryFs(win32, LAYOUTS['a file'])
      expect(move(mem, 'a file')).toBe('C:\\ws\\e.bak')
      expect(mem.changes).toEqual(['writeFile C:\\ws\\e.bak', 'rename C:\\ws\\e C:\\ws\\e.bak'])
    })

    it.each(['a directory', 'a junction'] as const)('renames %s alone once refused over the placeholder', (name) => {
      const mem = memoryFs(win32, LAYOUTS[name])
      expect(move(mem, name)).toBe('C:\\ws\\e.bak')
      expect(mem.changes).toEqual(['writeFile C:\\ws\\e.bak', 'unlink C:\\ws\\e.bak', 'rename C:\\ws\\e C:\\ws\\e.bak'])
      expect(mem.at('C:\\ws\\e.bak')).toMatchObject(name === 'a junction' ? { type: 'junction' } : { kind: 'dir' })
    })

    it.each(Object.keys(LAYOUTS) as (keyof typeof LAYOUTS)[])('passes %s over a taken name', (name) => {
      const mem = memoryFs(win32, { ...LAYOUTS[name], 'C:\\ws\\e.bak': 'file' })
      expect(move(mem, name)).toBe('C:\\ws\\e.~1~')
      expect(mem.at('C:\\ws\\e.bak')).toMatchObject({ kind: 'file', inode: { data: 'file' } })
    })

    it.each(['a directory', 'a junction'] as const)(
      'passes %s over a name taken once the placeholder went: the rename alone is refused (EPERM)',
      (name) => {
        const mem = memoryFs(win32, LAYOUTS[name])
        const unlink: FsOps['unlink'] = (p) => {
          mem.ops.unlink(p)
          if (p === 'C:\\ws\\e.bak') mem.ops.writeFile(p, 'theirs')
        }
        expect(moveToFree('C:\\ws\\e', 'link', names, { ...mem.ops, unlink }, win32)).toBe('C:\\ws\\e.~1~')
        expect(mem.at('C:\\ws\\e.bak')).toMatchObject({ kind: 'file', inode: { data: 'theirs' } })
      }
    )

    it.each([
      ['a file', 'file'],
      ['a file symlink', 'link']
    ] as const)(
      'does not rename %s alone once refused (EPERM): one come meanwhile would be replaced',
      (name, moving) => {
        let refused = false
        const mem = memoryFs(win32, LAYOUTS[name], (call) => {
          if (call !== 'rename' || refused) return undefined
          refused = true
          return errnoError('EPERM', 'rename')
        })
        const unlink: FsOps['unlink'] = (p) => (mem.ops.unlink(p), mem.ops.writeFile(p, 'theirs'))
        expect(() => moveToFree('C:\\ws\\e', moving, names, { ...mem.ops, unlink }, win32)).toThrow(
          expect.objectContaining({ code: 'EPERM' })
        )
        expect(mem.at('C:\\ws\\e.bak')).toMatchObject({ kind: 'file', inode: { data: 'theirs' } })
        expect(mem.at('C:\\ws\\e')).toMatchObject(
          LAYOUTS[name]['C:\\ws\\e'] === 'file' ? { kind: 'file' } : { kind: 'link' }
        )
      }
    )

    it('does not try a rename refused otherwise than for a directory (EBUSY) again without its placeholder', () => {
      let refused = false
      const mem = memoryFs(win32, LAYOUTS['a file'], (call) => {
        if (call !== 'rename' || refused) return undefined
        refused = true
        return errnoError('EBUSY', 'rename')
      })
      expect(() => move(mem, 'a file')).toThrow(expect.objectContaining({ code: 'EBUSY' }))
      expect(mem.ops.readdir('C:\\ws')).toEqual(['e'])
    })

    it('says a refusal of the rename alone where nothing took the name', () => {
      const mem = memoryFs(win32, LAYOUTS['a directory'], (call) =>
        call === 'rename' ? errnoError('EPERM', 'rename') : undefined
      )
      expect(() => move(mem, 'a directory')).toThrow(expect.objectContaining({ code: 'EPERM' }))
      expect(mem.ops.readdir('C:\\ws')).toEqual(['e'])
    })
  })
})
