// The real filesystem calls (nodeFs) where they do more than node:fs: what is missing, what must never be overwritten
// or followed, what a copy keeps; and the Windows-only question of a link's kind, through the platform seam.
import { jest } from '@jest/globals'
import { execFileSync, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { linkKindsOn, nodeFs, realpath, removeEntry } from '../src/fsops.js'
import { platformFor } from '../src/platform.js'
import { describePosix } from './helpers/action.js'
import { itUnless } from './helpers/skip.js'
import { tempDir } from './helpers/stage.js'

let dir: string
beforeEach(() => {
  dir = tempDir()
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

const at = (name: string): string => path.join(dir, name)

/** The errno a call failed with, or undefined when it did not fail. */
function codeOf(call: () => unknown): string | undefined {
  try {
    call()
  } catch (error) {
    return (error as NodeJS.ErrnoException).code
  }
  return undefined
}

/** More than one read's worth (1 MiB), ending in a partial chunk. */
const BIG = Buffer.from(Array.from({ length: 1.5 * 2 ** 20 }, (_, i) => (i * 7) % 251))
const LONG_AGO = new Date('2001-02-03T04:05:06Z')

describePosix('nodeFs', () => {
  it('does each call on the disk: a link made, read back, hard-linked, renamed; a directory made', () => {
    fs.writeFileSync(at('t'), 'x')
    nodeFs.symlink('t', at('l'))
    expect(nodeFs.readlink(at('l'))).toBe('t')
    nodeFs.link(at('t'), at('h'))
    expect(fs.statSync(at('h')).ino).toBe(fs.statSync(at('t')).ino)
    nodeFs.rename(at('h'), at('h2'))
    expect(fs.readdirSync(dir).sort()).toEqual(['h2', 'l', 't'])
    nodeFs.mkdir(at('d'))
    expect(fs.statSync(at('d')).isDirectory()).toBe(true)
  })

  it('answers undefined for what is not there, and the errno for what cannot be followed', () => {
    fs.symlinkSync('loop', at('loop'))
    fs.symlinkSync('gone', at('dangling'))
    expect(nodeFs.stat(at('gone'))).toBeUndefined()
    expect(nodeFs.lstat(at('gone'))).toBeUndefined()
    expect(nodeFs.stat(at('dangling'))).toBeUndefined()
    expect(nodeFs.lstat(at('dangling'))?.isSymbolicLink()).toBe(true)
    expect(codeOf(() => nodeFs.stat(at('loop')))).toBe('ELOOP')
  })

  it('tells files of the same bytes from files that differ anywhere: past the first chunk, in length, one byte', () => {
    const big = Buffer.alloc(200_000, 'a')
    const other = Buffer.from(big)
    other[150_000] = 0x62 // a byte in the third 64 KiB chunk
    const files = { big, same: Buffer.from(big), other, longer: Buffer.concat([big, Buffer.from('a')]) }
    for (const [name, data] of Object.entries(files)) fs.writeFileSync(at(name), data)
    fs.symlinkSync('same', at('link'))
    expect(nodeFs.sameBytes(at('big'), at('same'))).toBe(true)
    expect(nodeFs.sameBytes(at('big'), at('link'))).toBe(true) // what a link leads to
    expect(nodeFs.sameBytes(at('big'), at('other'))).toBe(false)
    expect(nodeFs.sameBytes(at('big'), at('longer'))).toBe(false)
    expect(nodeFs.sameBytes(at('longer'), at('big'))).toBe(false)
    expect(nodeFs.sameBytes(at('big'), at('same'))).toBe(true) // the chunks kept between calls hold nothing over
  })

  // A FIFO swapped in for a copy after its lstat: opening it to read would wait for a writer forever.
  it('compares no FIFO (without waiting for a writer), and follows no link at the copy', () => {
    fs.writeFileSync(at('f'), 'bytes')
    fs.symlinkSync('f', at('link'))
    execFileSync('mkfifo', [at('fifo')])
    // A writer after 2 s ends a wait, so that a compare which waits fails on its time rather than hanging the suite.
    const writer = spawn('sh', ['-c', 'sleep 2; while :; do echo > fifo; done'], { cwd: path.dirname(at('f')) })
    try {
      const start = Date.now()
      expect(nodeFs.sameBytes(at('fifo'), at('f'))).toBe(false)
      expect(nodeFs.sameBytes(at('f'), at('fifo'))).toBe(false)
      expect(Date.now() - start).toBeLessThan(1000)
    } finally {
      writer.kill()
    }
    expect(() => nodeFs.sameBytes(at('link'), at('f'))).toThrow(expect.objectContaining({ code: 'ELOOP' }))
  })

  it('says whether a path leads to something: following links, and false for whatever cannot be followed', () => {
    fs.writeFileSync(at('file'), '')
    fs.mkdirSync(at('dir'))
    fs.symlinkSync('file', at('link'))
    fs.symlinkSync('none', at('dangling'))
    fs.symlinkSync('loop', at('loop'))
    const there = ['file', 'dir', 'link', 'dir/.']
    const not = ['none', 'dangling', 'loop', 'file/x', 'none/x']
    expect([...there, ...not].map((name) => nodeFs.exists(at(name)))).toEqual([
      ...there.map(() => true),
      ...not.map(() => false)
    ])
  })

  it('writes a new file, never over one that is there', () => {
    nodeFs.writeFile(at('f'), 'first')
    expect(codeOf(() => nodeFs.writeFile(at('f'), 'second'))).toBe('EEXIST')
    expect(fs.readFileSync(at('f'), 'utf8')).toBe('first')
  })

  it('copies what a file holds with its mode and times, through a link to it, never over what is there', () => {
    fs.writeFileSync(at('src'), BIG)
    fs.chmodSync(at('src'), 0o640)
    fs.utimesSync(at('src'), LONG_AGO, LONG_AGO)
    fs.symlinkSync('src', at('link'))
    nodeFs.copyFile(at('link'), at('copy'))
    const copy = fs.lstatSync(at('copy'))
    expect(copy.isFile()).toBe(true)
    expect(copy.mode & 0o7777).toBe(0o640)
    expect(copy.mtime).toEqual(LONG_AGO)
    expect(fs.readFileSync(at('copy')).equals(BIG)).toBe(true)
    fs.writeFileSync(at('taken'), 'mine')
    expect(codeOf(() => nodeFs.copyFile(at('src'), at('taken')))).toBe('EEXIST')
    expect(fs.readFileSync(at('taken'), 'utf8')).toBe('mine')
  })

  it("gives a directory another's mode and times, and fails where it is gone", () => {
    fs.mkdirSync(at('from'), 0o750)
    fs.chmodSync(at('from'), 0o750)
    fs.utimesSync(at('from'), LONG_AGO, LONG_AGO)
    fs.mkdirSync(at('to'))
    nodeFs.copyMeta(at('from'), at('to'))
    expect(fs.statSync(at('to')).mode & 0o7777).toBe(0o750)
    expect(fs.statSync(at('to')).mtime).toEqual(LONG_AGO)
    expect(codeOf(() => nodeFs.copyMeta(at('from'), at('gone')))).toBe('ENOENT')
  })

  const noChattr = process.geteuid?.() !== 0 ? 'needs root for chattr +i' : undefined
  itUnless(noChattr)('keeps a copy whose mode and times the filesystem refuses (EPERM, as FAT over FUSE)', () => {
    fs.mkdirSync(at('from'))
    fs.mkdirSync(at('to'))
    execFileSync('chattr', ['+i', at('to')])
    try {
      expect(codeOf(() => nodeFs.copyMeta(at('from'), at('to')))).toBeUndefined()
    } finally {
      execFileSync('chattr', ['-i', at('to')])
    }
  })

  it("hashes a file's bytes, never what a link at that path leads to", () => {
    fs.writeFileSync(at('f'), BIG)
    fs.symlinkSync('f', at('l'))
    expect(nodeFs.contentHash(at('f'))).toBe(createHash('sha256').update(BIG).digest('hex'))
    expect(codeOf(() => nodeFs.contentHash(at('l')))).toBe('ELOOP')
  })

  it('removes a whole tree, and only the link where a link in it leads elsewhere', () => {
    const outside = tempDir()
    try {
      fs.writeFileSync(path.join(outside, 'keep'), 'k')
      fs.mkdirSync(at('tree/sub'), { recursive: true })
      fs.writeFileSync(at('tree/sub/f'), 'f')
      fs.symlinkSync(outside, at('tree/out'))
      removeEntry(at('tree'), nodeFs, path)
      expect(fs.existsSync(at('tree'))).toBe(false)
      expect(fs.readFileSync(path.join(outside, 'keep'), 'utf8')).toBe('k')
    } finally {
      fs.rmSync(outside, { recursive: true, force: true })
    }
  })
})

describePosix('realpath: where a name really is, as realpath(3) says', () => {
  /** What a call gave: its path, or its errno and syscall. */
  function outcome(call: () => string): string | { code?: string; syscall?: string } {
    try {
      return call()
    } catch (error) {
      const { code, syscall } = error as NodeJS.ErrnoException
      return { code, syscall }
    }
  }

  /** A tree of every kind of name: links relative and absolute, `..` after a linked directory, a FIFO, a loop. */
  function names(): string[] {
    fs.mkdirSync(at('real/deep/er'), { recursive: true })
    fs.writeFileSync(at('real/deep/er/f'), 'x')
    fs.symlinkSync('real/deep', at('in'))
    fs.symlinkSync('in/er/../er/f', at('chain'))
    fs.symlinkSync(at('chain'), at('abs'))
    fs.symlinkSync('missing', at('dangling'))
    fs.symlinkSync('loop', at('loop'))
    execFileSync('mkfifo', [at('fifo')])
    const named = ['real', 'real/deep/er/f', 'in', 'in/', 'in/er/..', 'in/er/f', 'chain', 'abs', 'fifo']
    const failing = ['dangling', 'loop', 'nothing', 'real/deep/er/f/x', 'chain/', 'in/nothing/..']
    return ['/', dir, ...[...named, ...failing].map(at)]
  }

  it('gives what realpath(3) gives, for every kind of name, and fails as it does (errno and syscall)', () => {
    for (const p of names())
      expect([p, outcome(() => realpath(p))]).toEqual([p, outcome(() => fs.realpathSync.native(p))])
  })

  /** A descriptor directory in which every descriptor reads as `text`. */
  function saying(text: string): string {
    const fds = at('fds')
    fs.mkdirSync(fds)
    for (let fd = 0; fd < 1024; fd++) fs.symlinkSync(text, path.join(fds, String(fd)))
    return fds
  }

  it('answers from the descriptor of the name opened, on Linux: another name of that very file', () => {
    fs.writeFileSync(at('f'), 'x')
    fs.linkSync(at('f'), at('as-opened'))
    expect(realpath(at('f'), saying(at('as-opened')))).toBe(at('as-opened'))
  })

  it('never answers a name that is not absolute, even one of the very file', () => {
    fs.writeFileSync(at('f'), 'x')
    expect(realpath(at('f'), saying(path.relative(process.cwd(), at('f'))))).toBe(fs.realpathSync.native(at('f')))
  })

  // /proc and /sys are both inode 1 of their own filesystems on Linux.
  const sameInode =
    fs.existsSync('/proc') && fs.existsSync('/sys') && fs.statSync('/proc').ino === fs.statSync('/sys').ino
  itUnless(sameInode ? undefined : '/proc and /sys do not share an inode number here')(
    'never answers a file of another filesystem with the same inode number',
    () => expect(realpath('/sys', saying('/proc'))).toBe('/sys')
  )

  // glibc builds the path as it goes and gives up past PATH_MAX (4,096 bytes); the kernel walks the names and only the
  // answer must fit. Each directory is made through a short link to the one before it: no call is given a long name.
  it('answers where realpath(3) runs out of room: `..` after a directory deeper than PATH_MAX', () => {
    const name = (i: number) => `${String(i).padStart(2, '0')}${'d'.repeat(248)}`
    fs.mkdirSync(at(name(0)))
    fs.symlinkSync(name(0), at('l0'))
    for (let i = 1; i < 17; i++) {
      fs.mkdirSync(path.join(at(`l${i - 1}`), name(i)))
      fs.symlinkSync(`l${i - 1}/${name(i)}`, at(`l${i}`))
    }
    try {
      const up = `${at('l16')}/..`
      const parent = [fs.realpathSync.native(dir), ...Array.from({ length: 16 }, (_, i) => name(i))].join('/')
      expect(outcome(() => fs.realpathSync.native(up))).toEqual({ code: 'ENAMETOOLONG', syscall: 'realpath' })
      expect(realpath(up)).toBe(parent)
    } finally {
      // Removed from the deepest up, each through its short link: rm -r would name it whole.
      for (let i = 16; i > 0; i--) fs.rmdirSync(path.join(at(`l${i - 1}`), name(i)))
    }
  })

  // d_path has no mark for a mount no longer attached (umount -l): a name there reads back as a path from that
  // mount's root, which names another file or none (review 58).
  itUnless(process.getuid?.() === 0 ? undefined : 'needs root to mount')(
    'fails as realpath(3) does where the working directory is in a detached mount',
    () => {
      fs.mkdirSync(at('m'))
      execFileSync('mount', ['-t', 'tmpfs', 'detached', at('m')])
      const back = process.cwd()
      try {
        fs.mkdirSync(at('m/d/e'), { recursive: true })
        fs.writeFileSync(at('m/d/e/f'), 'x')
        process.chdir(at('m/d'))
        execFileSync('umount', ['-l', at('m')])
        for (const p of ['e/f', '.', 'e/../e/f'])
          expect([p, outcome(() => realpath(p))]).toEqual([p, outcome(() => fs.realpathSync.native(p))])
      } finally {
        process.chdir(back)
      }
    }
  )

  // No /proc (a chroot, some containers), or /proc saying a name is gone or outside this root: realpath(3) answers.
  it.each([
    ['descriptors cannot be read', undefined],
    ['d_path says the name was removed', '/elsewhere (deleted)'],
    ['d_path names a pseudo-file (stdin a pipe: /proc/self/fd/0)', 'pipe:[1]'],
    ['d_path names another file', '/']
  ])('asks realpath(3) where %s', (_why, says) => {
    const fds = says === undefined ? at('no-fds') : saying(says)
    for (const p of names())
      expect([p, outcome(() => realpath(p, fds))]).toEqual([p, outcome(() => fs.realpathSync.native(p))])
  })
})

describe("a link's kind as Windows fixed it (linkKindsOn, the platform seam)", () => {
  it('asks on Windows, and gives its answers in order', () => {
    const ask = jest.fn((paths: string[]) => paths.map((p) => (p.endsWith('j') ? ('junction' as const) : undefined)))
    expect(linkKindsOn(platformFor('win32'), ['C:\\ws\\j', 'C:\\ws\\f'], ask)).toEqual(['junction', undefined])
    expect(ask).toHaveBeenCalledTimes(1)
  })

  it.each(['linux', 'darwin'])('never asks on %s, where a link is its text alone', (name) => {
    const ask = jest.fn((paths: string[]) => paths.map(() => 'dir' as const))
    expect(linkKindsOn(platformFor(name), ['/ws/a', '/ws/b'], ask)).toEqual([undefined, undefined])
    expect(ask).not.toHaveBeenCalled()
  })
})
