// Apply stage on real directories; where a filesystem's refusal is needed, one call of the real fs throws its errno.
import { jest } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { applyLink, TEMP_PREFIX } from '../src/apply/index.js'
import { nodeFs } from '../src/fsops.js'
import type { FsOps } from '../src/fsops.js'
import { familyFacts, familyOf } from '../src/families.js'
import { explain } from '../src/knowledge.js'
import { kindWords, type LinkOptions } from '../src/model.js'
import { planAll } from '../src/plan/index.js'
import { platformFor } from '../src/platform.js'
import {
  context,
  errnoError,
  failing,
  host,
  makeAll,
  requests,
  tempDir,
  dataWorkspace,
  type ContextOverrides
} from './helpers/stage.js'
import { describePosix, itPosix } from './helpers/action.js'
import { describeUnless, itUnless } from './helpers/skip.js'

let ws: string
beforeEach(() => {
  ws = dataWorkspace()
})
afterEach(() => fs.rmSync(ws, { recursive: true, force: true }))

const SSHFS = { type: 'fuse.sshfs', mountPoint: '/mnt/share', source: 'user@host:/data', options: ['rw'] }

function apply(
  spec: string,
  defaults: Partial<LinkOptions> = {},
  overrides: ContextOverrides = {},
  filesystem?: typeof SSHFS
) {
  const ctx = context(ws, overrides, filesystem)
  const plans = planAll(requests(spec, ws, defaults), ctx)
  // As the executors make each link: planned again where the disk may have changed since.
  return makeAll(plans, ctx)
}

const debris = (dir = ws): string[] => fs.readdirSync(dir).filter((n) => n.startsWith(TEMP_PREFIX))

describePosix('fallback', () => {
  it('moves from a refused hard link to a symlink, keeping the requested type and recording why (no warning)', () => {
    const [r] = apply(
      'l -> data/x',
      { type: 'hardlink', fallback: ['symlink'] },
      { ops: failing({ link: 'EPERM' }) },
      SSHFS
    )
    expect(r).toMatchObject({ status: 'created', type: 'hardlink', kind: 'symlink', code: '' })
    // The fallback asked for is no surprise: recorded with its facts (errno, call, filesystem and mount), not warned.
    expect(r.warnings).toEqual([])
    expect(r.fallback).toMatchObject({ asked: 'hardlink', instead: 'symlink' })
    expect(r.fallback?.why).toMatch(/\bEPERM\b.*\blink\(\)/)
    for (const fact of ['fuse.sshfs', '/mnt/share']) expect(r.fallback?.why).toContain(fact)
    expect(fs.readlinkSync(path.join(ws, 'l'))).toBe('data/x')
  })

  it.each(['ENOSYS', 'ENOTSUP', 'EXDEV', 'EMLINK'])('falls back on %s from link()', (code) => {
    const [r] = apply('l -> data/x', { type: 'hardlink', fallback: ['copy'] }, { ops: failing({ link: code }) })
    expect(r).toMatchObject({ status: 'created', kind: 'copy' })
    expect(fs.lstatSync(path.join(ws, 'l')).isFile()).toBe(true)
    expect(fs.readFileSync(path.join(ws, 'l'), 'utf8')).toBe('x')
  })

  it.each(['EEXIST', 'EACCES', 'EROFS', 'ENOSPC', 'ETIMEDOUT'])('never falls back on %s', (code) => {
    const [r] = apply('l -> data/x', { type: 'symlink', fallback: ['copy'] }, { ops: failing({ symlink: code }) })
    expect(r).toMatchObject({ status: 'failed', code, kind: 'symlink' }) // the kind whose call failed
    expect(fs.existsSync(path.join(ws, 'l'))).toBe(false)
  })

  it('reports the last refusal when every kind is refused, with the hint for that filesystem', () => {
    const exfat = { type: 'exfat', mountPoint: '/mnt/usb', source: '/dev/sdb1', options: ['rw'] }
    const [r] = apply(
      'l -> data/x',
      { fallback: ['hardlink'] },
      { ops: failing({ symlink: 'ENOSYS', link: 'EPERM' }) },
      exfat
    )
    expect(r).toMatchObject({ status: 'failed', code: 'EPERM', errno: 1, syscall: 'link', filesystem: 'exfat' })
    expect(r.hint).toContain('fallback: copy')
    expect(r.fallback).toMatchObject({ asked: 'symlink', instead: 'hardlink', why: expect.stringContaining('ENOSYS') })
  })

  it('copies a directory tree as the last resort, and a re-run recognises the copy', () => {
    fs.writeFileSync(path.join(ws, 'data/dir/inner'), 'inner')
    const opts = { fallback: ['copy' as const] }
    const ops = failing({ symlink: 'ENOSYS' })
    expect(apply('c -> data', opts, { ops })[0]).toMatchObject({ status: 'created', kind: 'copy' })
    expect(fs.readFileSync(path.join(ws, 'c/dir/inner'), 'utf8')).toBe('inner')
    expect(apply('c -> data', opts, { ops })[0]).toMatchObject({ status: 'unchanged', kind: 'copy' })
  })

  it('copies the links inside a tree as links with the same text, with no Windows type, keeping modes and times', () => {
    fs.symlinkSync('../x', path.join(ws, 'data/dir/up'))
    fs.chmodSync(path.join(ws, 'data/x'), 0o640)
    const past = new Date('2020-01-02T03:04:05Z')
    fs.utimesSync(path.join(ws, 'data/dir'), past, past)
    const symlink = jest.fn((text: string, p: string, type?: 'file' | 'dir' | 'junction') => {
      if (p === path.join(ws, 'c')) throw errnoError('ENOSYS', 'symlink')
      nodeFs.symlink(text, p, type)
    })
    const [r] = apply('c -> data', { fallback: ['copy'] }, { ops: { ...nodeFs, symlink } })
    expect(r).toMatchObject({ status: 'created', kind: 'copy' })
    expect(fs.readlinkSync(path.join(ws, 'c/dir/up'))).toBe('../x')
    expect(symlink).toHaveBeenLastCalledWith('../x', path.join(ws, 'c/dir/up'), undefined)
    expect(fs.statSync(path.join(ws, 'c/x')).mode & 0o777).toBe(0o640)
    expect(fs.statSync(path.join(ws, 'c/dir')).mtime).toEqual(past)
  })
})

describePosix('replacing', () => {
  it('keeps the old entry as PATH+suffix, then PATH.~1~, never overwriting a backup', () => {
    fs.writeFileSync(path.join(ws, 'cfg'), 'v0')
    const opts = { overwrite: 'files' as const }
    expect(apply('cfg -> data/x', opts, { backupSuffix: '.bak' })[0].status).toBe('replaced')
    expect(apply('cfg -> data/dir', opts, { backupSuffix: '.bak' })[0].status).toBe('replaced')
    expect(apply('cfg -> data', opts, { backupSuffix: '.bak' })[0].status).toBe('replaced')
    expect(fs.readFileSync(path.join(ws, 'cfg.bak'), 'utf8')).toBe('v0')
    expect(fs.readlinkSync(path.join(ws, 'cfg.~1~'))).toBe('data/x')
    expect(fs.readlinkSync(path.join(ws, 'cfg.~2~'))).toBe('data/dir')
    expect(fs.readlinkSync(path.join(ws, 'cfg'))).toBe('data')
    expect(debris()).toEqual([])
  })

  it('backs up by copying where the filesystem has no hard links', () => {
    fs.writeFileSync(path.join(ws, 'cfg'), 'old')
    const [r] = apply('cfg -> data/x', { overwrite: 'files' }, { backupSuffix: '~', ops: failing({ link: 'EPERM' }) })
    expect(r.status).toBe('replaced')
    expect(fs.readFileSync(path.join(ws, 'cfg~'), 'utf8')).toBe('old')
  })

  it('leaves no temporary name behind when the rename fails, and PATH keeps what it had', () => {
    fs.symlinkSync('data/dir', path.join(ws, 'l'))
    const [r] = apply('l -> data/x', { overwrite: 'links' }, { ops: failing({ rename: 'EBUSY' }) })
    expect(r).toMatchObject({ status: 'failed', code: 'EBUSY', syscall: 'rename' })
    expect(fs.readlinkSync(path.join(ws, 'l'))).toBe('data/dir')
    expect(debris()).toEqual([])
  })

  it('sweeps temporary names older than an hour that a killed run left, keeping fresh ones and look-alikes', () => {
    fs.symlinkSync('data/dir', path.join(ws, 'l'))
    const old = new Date(Date.now() - 2 * 3600_000)
    const staleLink = path.join(ws, `${TEMP_PREFIX}k1-0a1b2c3d`)
    const staleCopy = path.join(ws, `${TEMP_PREFIX}k1-4e5f6a7b`) // a directory copy cut short
    const fresh = path.join(ws, `${TEMP_PREFIX}k2-00112233`)
    const usersOwn = path.join(ws, `${TEMP_PREFIX}links`) // a user's spec file, not ours
    fs.symlinkSync('x', staleLink)
    fs.mkdirSync(path.join(staleCopy, 'sub'), { recursive: true })
    fs.symlinkSync('x', fresh)
    fs.writeFileSync(usersOwn, 'a -> b\n')
    for (const p of [staleLink, staleCopy, usersOwn]) fs.lutimesSync(p, old, old)
    apply('l -> data/x', { overwrite: 'links' })
    expect(debris().sort()).toEqual([path.basename(usersOwn), path.basename(fresh)].sort())
    expect(fs.readFileSync(usersOwn, 'utf8')).toBe('a -> b\n')
  })

  it('backs an old link up as a link with its text where hard links are refused, not as a copy of where it leads', () => {
    fs.symlinkSync('data/dir', path.join(ws, 'l'))
    const opts = { overwrite: 'links' as const }
    const [r] = apply('l -> data/x', opts, { backupSuffix: '.bak', ops: failing({ link: 'EPERM' }) })
    expect(r.status).toBe('replaced')
    expect(entry(path.join(ws, 'l.bak'))?.isSymbolicLink()).toBe(true)
    expect(fs.readlinkSync(path.join(ws, 'l.bak'))).toBe('data/dir')
  })

  it('moves past a backup name already taken without removing that backup, where the old file cannot be copied', () => {
    // As if cfg were unreadable to this user (root reads anything): a hard link needs no read permission, a copy does.
    fs.writeFileSync(path.join(ws, 'cfg'), 'v1')
    fs.writeFileSync(path.join(ws, 'cfg.bak'), 'v0')
    const opts = { overwrite: 'files' as const }
    const [r] = apply('cfg -> data/x', opts, { backupSuffix: '.bak', ops: failing({ copyFile: 'EACCES' }) })
    expect(r.status).toBe('replaced')
    expect(fs.readFileSync(path.join(ws, 'cfg.bak'), 'utf8')).toBe('v0')
    expect(fs.readFileSync(path.join(ws, 'cfg.~1~'), 'utf8')).toBe('v1')
  })
})

describePosix('parents', () => {
  it('creates missing parents shared by several links', () => {
    const results = apply('p/q/a -> data/x\np/q/b -> data/x\np/r/c -> data/x')
    expect(results.map((r) => r.status)).toEqual(['created', 'created', 'created'])
  })

  it('removes the parents it made when the link then fails, and only those', () => {
    fs.mkdirSync(path.join(ws, 'kept'))
    const [r] = apply('kept/new/deeper/l -> data/x', {}, { ops: failing({ symlink: 'ENOSPC' }) })
    expect(r.code).toBe('ENOSPC')
    expect(fs.readdirSync(path.join(ws, 'kept'))).toEqual([])
    expect(fs.existsSync(path.join(ws, 'kept'))).toBe(true)
  })

  it('reports the real errno of a parent it cannot create (not the ENOENT of a recursive mkdir)', () => {
    const [r] = apply('ro/l -> data/x', {}, { ops: failing({ mkdir: 'EROFS' }) })
    expect(r).toMatchObject({ status: 'failed', code: 'EROFS', syscall: 'mkdir' })
    expect(r.message).toContain('read-only')
  })
})

describePosix('links below other links of the same spec', () => {
  it('are planned again once the earlier link exists, so confinement still holds', () => {
    const outside = tempDir()
    try {
      const results = apply(`gate -> ${outside}\ngate/x -> data/x`)
      expect(results[0].status).toBe('created')
      expect(results[1]).toMatchObject({ status: 'failed' })
      expect(results[1].message).toContain('leads outside working-directory')
      expect(fs.readdirSync(outside)).toEqual([])
    } finally {
      fs.rmSync(outside, { recursive: true, force: true })
    }
  })

  it('see the earlier link when it stays inside', () => {
    const results = apply('alias -> data/dir\nalias/l -> data/x')
    expect(results.map((r) => r.status)).toEqual(['created', 'created'])
    expect(fs.readFileSync(path.join(ws, 'data/dir/l'), 'utf8')).toBe('x')
  })
})

/** Why a test of Linux's own numbers or settings skips elsewhere (macOS runs the rest of these suites). */
const onLinux = (what: string): string | undefined => (process.platform === 'linux' ? undefined : `Linux only: ${what}`)

itUnless(onLinux("ESTALE is 116 in Linux's numbering"))(
  'maps an errno Node calls UNKNOWN through its number (ESTALE on Linux)',
  () => {
    const ops: FsOps = {
      ...nodeFs,
      symlink: () => {
        throw Object.assign(errnoError('ESTALE', 'symlink', -116), { code: 'UNKNOWN' })
      }
    }
    const nfs = { type: 'nfs4', mountPoint: '/mnt/nfs', source: 'server:/export', options: ['rw'] }
    const [r] = apply('l -> data/x', {}, { ops }, nfs as never)
    expect(r).toMatchObject({ code: 'ESTALE', errno: 116, filesystem: 'nfs4' })
    expect(r.message).toContain('Stale file handle')
  }
)

describeUnless(onLinux('fs.protected_hardlinks is read from /proc/sys/fs'))(
  'EPERM from link() on Linux: fs.protected_hardlinks only where it can be the cause',
  () => {
    // TARGET's owner as stat reports it once link() was refused: root, the owner and anyone else are each played
    // whoever runs the tests (as root every file here is root's own).
    const OWNER = 4242
    const ownedBy = (owner: number | 'unreadable'): FsOps => {
      const refusing = failing({ link: 'EPERM' })
      let refused = false
      return {
        ...refusing,
        link: (existing, p) => {
          refused = true
          refusing.link(existing, p)
        },
        stat: (p) => {
          const stats = nodeFs.stat(p)
          if (!refused || !stats || p !== path.join(ws, 'data/x')) return stats
          if (owner === 'unreadable') throw errnoError('EACCES', 'stat')
          return Object.assign(stats, { uid: owner })
        }
      }
    }
    const refused = (hardlinkGuard?: { protects: boolean; euid: number }, owner: number | 'unreadable' = OWNER) => {
      const ctx = context(ws, { ops: ownedBy(owner), hardlinkGuard })
      const plans = planAll(requests('h -> data/x', ws, { type: 'hardlink' }), ctx)
      return { result: applyLink(plans[0], ctx), ctx }
    }

    it.each([
      ['neither root nor the owner of TARGET, with protected_hardlinks=1', { protects: true, euid: OWNER + 1 }, true],
      ["root, TARGET being another user's", { protects: true, euid: 0 }, false],
      ["TARGET's owner", { protects: true, euid: OWNER }, false],
      ['anyone, with protected_hardlinks=0', { protects: false, euid: OWNER + 1 }, false]
    ])('as %s (%j): blamed on it: %s', (_, guard, blamed) => {
      const { result } = refused(guard)
      expect(result).toMatchObject({ status: 'failed', code: 'EPERM', syscall: 'link' })
      expect(/protected_hardlinks/.test(result.message)).toBe(blamed)
      expect(/lsattr TARGET/.test(result.message)).toBe(!blamed)
    })

    it("names it as a possible cause where TARGET's owner cannot be read", () => {
      const { result } = refused({ protects: true, euid: OWNER + 1 }, 'unreadable')
      expect(result).toMatchObject({ status: 'failed', code: 'EPERM', syscall: 'link' })
      expect(result.message).toContain('protected_hardlinks')
    })

    it('reads the setting and the effective user once, at the first EPERM from link() on Linux, and for nothing else', () => {
      const untouched = [
        { ctx: context(ws, { ops: failing({ link: 'EXDEV' }) }), type: 'hardlink' as const },
        { ctx: context(ws, { ops: failing({ symlink: 'EPERM' }) }), type: 'symlink' as const },
        {
          ctx: context(ws, { ops: failing({ link: 'EPERM' }), platform: platformFor('darwin') }),
          type: 'hardlink' as const
        }
      ]
      for (const { ctx, type } of untouched) {
        const [r] = planAll(requests('h -> data/x', ws, { type }), ctx).map((p) => applyLink(p, ctx))
        expect(r).toMatchObject({ status: 'failed', kind: type })
        expect(ctx.hardlinkGuard).toBeUndefined()
      }
      const { ctx } = refused()
      expect(ctx.hardlinkGuard).toEqual({
        protects: fs.readFileSync('/proc/sys/fs/protected_hardlinks', 'utf8').trim() !== '0',
        euid: process.geteuid?.()
      })
    })
  }
)

describePosix('shares that misbehave', () => {
  const FOLLOW = { ...SSHFS, options: ['rw', 'follow_symlinks'] }

  it('reports a link that sshfs -o follow_symlinks made but answered EIO for as created, keeping the errno', () => {
    const ops: FsOps = {
      ...nodeFs,
      symlink: (text, p) => {
        nodeFs.symlink(text, p)
        throw errnoError('EIO', 'symlink')
      }
    }
    const [r] = apply('l -> data/x', {}, { ops }, FOLLOW)
    expect(r).toMatchObject({ status: 'created', kind: 'symlink', code: 'EIO', errno: 5, filesystem: 'fuse.sshfs' })
    expect(r.message).toContain('follow_symlinks')
    expect(r.warnings.join(' ')).toContain('made on the server')
    expect(fs.readlinkSync(path.join(ws, 'l'))).toBe('data/x')
  })

  it('does not call an EIO a success where nothing was made', () => {
    const [r] = apply('l -> data/x', {}, { ops: failing({ symlink: 'EIO' }) }, SSHFS)
    expect(r).toMatchObject({ status: 'failed', code: 'EIO' })
    expect(fs.existsSync(path.join(ws, 'l'))).toBe(false)
  })

  it('counts ENOENT from symlink() as made only through follow_symlinks, where the server made the link', () => {
    const refused = apply('l -> data/x', {}, { ops: failing({ symlink: 'ENOENT' }) }, SSHFS)[0]
    expect(refused).toMatchObject({ status: 'failed', code: 'ENOENT', syscall: 'symlink' })
    expect(fs.lstatSync(path.join(ws, 'l'), { throwIfNoEntry: false })).toBeUndefined()
    const ops: FsOps = {
      ...nodeFs,
      symlink: (text, p) => {
        nodeFs.symlink(text, p)
        throw errnoError('ENOENT', 'symlink')
      }
    }
    const [made] = apply('m -> data/x', {}, { ops }, FOLLOW)
    expect(made).toMatchObject({ status: 'created', code: 'ENOENT', filesystem: 'fuse.sshfs' })
    expect(made.warnings.join(' ')).toContain('follow_symlinks')
    expect(made.hint).toContain('follow_symlinks') // not a missing parent: create-parents would not help
    expect(made.hint).not.toContain('create-parents')
    expect(fs.readlinkSync(path.join(ws, 'm'))).toBe('data/x')
  })

  it('still calls a missing parent a missing parent through follow_symlinks (create-parents: false)', () => {
    const [r] = apply('no/such/l -> data/x', {}, { createParents: false }, FOLLOW)
    expect(r).toMatchObject({ status: 'failed', code: 'ENOENT', filesystem: 'fuse.sshfs' })
    expect(r.hint).toContain('`create-parents: true`')
    expect(r.hint).not.toContain('follow_symlinks')
    expect(fs.existsSync(path.join(ws, 'no'))).toBe(false)
  })

  it('reads each new link back on a share: silent when it holds its text, a warning naming both texts when not', () => {
    const [good] = apply('good -> data/x', {}, {}, SSHFS)
    expect(good).toMatchObject({ status: 'created', warnings: [] })
    // The share stored another text than it was given.
    const ops: FsOps = { ...nodeFs, symlink: (_text, p) => nodeFs.symlink('data/dir', p) }
    const [bad] = apply('bad -> data/x', {}, { ops }, SSHFS)
    expect(fs.readlinkSync(path.join(ws, 'bad'))).toBe('data/dir')
    expect(bad.warnings).toHaveLength(1)
    for (const fact of [path.join(ws, 'bad'), "'data/dir'", "'data/x'"]) expect(bad.warnings[0]).toContain(fact)
    // A local filesystem is taken at its word: no read-back there.
    const readlink = jest.spyOn(nodeFs, 'readlink')
    try {
      apply('local -> data/x')
      expect(readlink).not.toHaveBeenCalled()
    } finally {
      readlink.mockRestore()
    }
  })

  it('skips reading back on a mount that hides link texts only while the size matches the text', () => {
    // Debian's sshfs answers readlink with EPERM for texts with `..`; a link's size is still its text's length.
    const hiding: FsOps = {
      ...nodeFs,
      readlink: () => {
        throw errnoError('EPERM', 'readlink')
      },
      symlink: (text, p) => nodeFs.symlink(p.endsWith('wrong') ? `${text}/longer` : text, p)
    }
    const results = apply('sub/first -> data/x\nsub/wrong -> data/x', {}, { ops: hiding }, SSHFS)
    expect(results.map((r) => r.status)).toEqual(['created', 'created'])
    expect(results[0].warnings).toEqual([])
    // The second link's size gives it away: its text is not what was asked, and the warning says readlink failed.
    expect(fs.readlinkSync(path.join(ws, 'sub/wrong'))).toBe('../data/x/longer')
    expect(results[1].warnings.join(' ')).toMatch(/EPERM/)
    expect(results[1].warnings.join(' ')).toContain('readlink')
  })

  it('fails the first link on a share found gone and skips the rest there, without trying them', () => {
    const symlink = jest.fn(() => {
      throw errnoError('ENOTCONN', 'symlink')
    })
    const results = apply('a -> data/x\nb -> data/x\nc -> data/x', {}, { ops: { ...nodeFs, symlink } }, SSHFS)
    expect(results.map((r) => [r.status, r.code])).toEqual([
      ['failed', 'ENOTCONN'],
      ['skipped', 'ENOTCONN'],
      ['skipped', 'ENOTCONN']
    ])
    expect(symlink).toHaveBeenCalledTimes(1)
    expect(results[1].message).toMatch(/^Not attempted: an earlier link found this share gone/)
    expect(results[0].hint).toContain('Remount')
  })

  it('probes once per filesystem after a refusal and says which kinds work, leaving nothing behind', () => {
    const ops = failing({ symlink: 'ENOSYS' })
    const link = jest.spyOn(ops, 'link')
    const results = apply('a -> data/x\nb -> data/x', {}, { ops })
    expect(results[0].probe).toEqual({ symlink: 'ENOSYS', hardlink: 'ok' })
    expect(results[0].hint).toMatch(/^Probed .*: symbolic links do not \(ENOSYS\), hard links work\./)
    expect(link).toHaveBeenCalledTimes(1)
    expect(fs.readdirSync(ws).sort()).toEqual(['data'])
  })

  it('leaves out of the hint every kind the probe saw fail, keeping the rest of the advice', () => {
    const ops = failing({ link: 'EPERM', symlink: 'ENOSYS' })
    const [r] = apply('l -> data/x', { type: 'hardlink' }, { ops, hardlinkGuard: { protects: false, euid: 0 } })
    expect(r.probe).toEqual({ symlink: 'ENOSYS', hardlink: 'EPERM' })
    expect(r.hint).toMatch(/^Probed .*only a copy can \(`fallback: copy`\)\. Make a copy \(`fallback: copy`\)\.$/)
    expect(r.hint).not.toMatch(/`(type|fallback): [^`]*(symlink|hardlink)/)
  })

  it('recognises an existing hard link on sshfs by size, time and mode, with a warning', () => {
    fs.copyFileSync(path.join(ws, 'data/x'), path.join(ws, 'h'))
    const { mtime } = fs.statSync(path.join(ws, 'data/x'))
    fs.utimesSync(path.join(ws, 'h'), mtime, mtime)
    const [r] = apply('h -> data/x', { type: 'hardlink' }, {}, SSHFS)
    expect(r).toMatchObject({ status: 'unchanged', kind: 'hardlink' })
    expect(r.warnings[0]).toContain('cannot be verified')
    expect(apply('h -> data/x', { type: 'hardlink' })[0].status).toBe('failed') // elsewhere the inode decides
  })
})

itPosix('removes a copy that failed halfway, so no partial file is left at PATH', () => {
  fs.writeFileSync(path.join(ws, 'data/dir/a'), 'a')
  fs.writeFileSync(path.join(ws, 'data/dir/b'), 'b')
  let calls = 0
  const ops: FsOps = {
    ...failing({ symlink: 'ENOSYS' }),
    copyFile: (from, to) => {
      nodeFs.copyFile(from, to) // something lands at PATH before the filesystem fills up
      calls++
      throw errnoError('ENOSPC', 'write')
    }
  }
  const [r] = apply('c -> data/dir', { fallback: ['copy'] }, { ops })
  expect(calls).toBe(1)
  expect(r).toMatchObject({ status: 'failed', code: 'ENOSPC' })
  expect(fs.existsSync(path.join(ws, 'c'))).toBe(false)
})

/** An entry at p, not following a link there (undefined: nothing). */
const entry = (p: string): fs.Stats | undefined => fs.lstatSync(p, { throwIfNoEntry: false })

/** Plan now, let `meanwhile` change the disk as another run would, then apply. */
function applyAfter(spec: string, meanwhile: () => void, defaults: Partial<LinkOptions> = {}, overrides = {}) {
  const ctx = context(ws, overrides)
  const plans = planAll(requests(spec, ws, defaults), ctx)
  meanwhile()
  return makeAll(plans, ctx)
}

describePosix('a hard link to a file made a symbolic link after it was planned', () => {
  const at = (rel: string): string => path.join(ws, rel)
  const swapped = (): void => {
    fs.rmSync(at('data/x'))
    fs.symlinkSync('../../outside', at('data/x'))
  }

  it('fails TARGET_CHANGED, leaving nothing at PATH, where the change came before the link', () => {
    const [r] = applyAfter('h -> data/x', swapped, { type: 'hardlink' })
    expect(r).toMatchObject({ status: 'failed', code: 'TARGET_CHANGED', kind: 'hardlink' })
    expect(fs.existsSync(at('h'))).toBe(false)
    expect(fs.lstatSync(at('data/x')).isSymbolicLink()).toBe(true)
  })

  it('takes back the name made where the change came between the look and the link (Linux links the link)', () => {
    const ops: FsOps = {
      ...nodeFs,
      link: (from, to) => {
        swapped()
        nodeFs.link(from, to)
      }
    }
    const [r] = apply('h -> data/x', { type: 'hardlink' }, { ops })
    expect(r).toMatchObject({ status: 'failed', code: 'TARGET_CHANGED' })
    expect(fs.existsSync(at('h'))).toBe(false)
    expect(fs.readlinkSync(at('data/x'))).toBe('../../outside')
  })
})

describePosix('sweeping the temporary names a killed run left', () => {
  const made = new Date('2024-01-02T03:04:05Z') // a whole second: mtimeMs is exact
  const HOUR = 3600_000

  /** Replace the link `l` in a directory holding the given names, as old as `made`, at the time `now`. */
  function sweep(names: string[], now = Date.now()): string[] {
    fs.symlinkSync('data/dir', path.join(ws, 'l'))
    for (const name of names) {
      fs.symlinkSync('x', path.join(ws, name))
      fs.lutimesSync(path.join(ws, name), made, made)
    }
    const [r] = apply('l -> data/x', { overwrite: 'links' }, { now: () => now })
    expect(r.status).toBe('replaced')
    return names.filter((name) => entry(path.join(ws, name)) !== undefined)
  }

  it('keeps a name exactly an hour old, and sweeps it a millisecond later', () => {
    const name = `${TEMP_PREFIX}k1-0a1b2c3d`
    expect(sweep([name], made.getTime() + HOUR)).toEqual([name])
    fs.rmSync(path.join(ws, 'l'))
    fs.rmSync(path.join(ws, name))
    expect(sweep([name], made.getTime() + HOUR + 1)).toEqual([])
  })

  it("sweeps the probe's scratch names, and nothing that only looks like a temporary name", () => {
    const ours = [`${TEMP_PREFIX}k1-0a1b2c3d-f`, `${TEMP_PREFIX}k1-0a1b2c3d-s`, `${TEMP_PREFIX}k1-0a1b2c3d-h`]
    const theirs = [
      `notes${TEMP_PREFIX}k1-0a1b2c3d`,
      `${TEMP_PREFIX}k1-0a1b2c3d-x`,
      `${TEMP_PREFIX}k1-0a1b2c3d-old`,
      `${TEMP_PREFIX}k1-0a1b2c3d.bak`
    ]
    expect(sweep([...ours, ...theirs]).sort()).toEqual(theirs.sort())
  })

  it('makes the links where the directory cannot be listed, with one warning for the directory naming the errno', () => {
    const davfs = { type: 'fuse.davfs2', mountPoint: '/mnt/dav', source: 'https://dav.example/', options: ['rw'] }
    for (const name of ['a', 'b']) fs.symlinkSync('data/dir', path.join(ws, name))
    const results = apply(
      'a -> data/x\nb -> data/x',
      { overwrite: 'links' },
      { ops: failing({ readdir: 'EINVAL' }) },
      davfs
    )
    expect(results.map((r) => [r.status, r.code])).toEqual([
      ['replaced', ''],
      ['replaced', '']
    ])
    expect(fs.readlinkSync(path.join(ws, 'a'))).toBe('data/x')
    expect(results[0].warnings).toHaveLength(1)
    const [warning] = results[0].warnings
    expect(warning).toMatch(/\bEINVAL\b/)
    expect(warning).toContain('readdir()')
    expect(warning).toContain(TEMP_PREFIX) // which names stay
    // What failed is named before the link it was done for: the sweep, not the link.
    expect(warning.slice(0, warning.indexOf(path.join(ws, 'a')))).toMatch(/temporary/)
    expect(results[1].warnings).toEqual([])
  })
})

describePosix(
  'an error that is not the filesystem’s (a bug) is thrown, not reported as a failed link or a warning',
  () => {
    const bug = (): never => {
      throw new Error('a bug, not an errno')
    }
    it.each([
      ['making the link', 'l -> data/x', {}, { symlink: bug }],
      ['making a parent', 'p/l -> data/x', {}, { mkdir: bug }],
      ['sweeping', 'old -> data/x', { overwrite: 'links' as const }, { readdir: bug }],
      ['reading back on a share', 'l -> data/x', {}, { readlink: bug }],
      ['removing', '- { path: old, state: absent }', {}, { unlink: bug }]
    ])('%s', (_, spec, defaults, calls) => {
      fs.symlinkSync('data/dir', path.join(ws, 'old'))
      expect(() => apply(spec, defaults, { ops: { ...nodeFs, ...calls } }, SSHFS)).toThrow('a bug, not an errno')
    })
  }
)

describePosix('falling back', () => {
  it('records the kind asked, the kind made and why, once per link, however far down the list it went', () => {
    const [r] = apply('l -> data/x', { fallback: ['hardlink', 'copy'] }, { ops: failing({ symlink: 'ENOSYS' }) })
    expect(r).toMatchObject({
      status: 'created',
      kind: 'hardlink',
      fallback: { asked: 'symlink', instead: 'hardlink' }
    })
    expect(r.warnings).toEqual([])
    const ops = failing({ symlink: 'ENOSYS', link: 'EXDEV' })
    const [far] = apply('m -> data/x', { fallback: ['hardlink', 'copy'] }, { ops })
    expect(far).toMatchObject({ status: 'created', kind: 'copy', fallback: { asked: 'symlink', instead: 'copy' } })
    expect(far.fallback?.why).toMatch(/ENOSYS.*EXDEV/s)
  })

  it('names in the message the kind it could not make and where', () => {
    const [r] = apply('l -> data/x', { type: 'hardlink' }, { ops: failing({ link: 'EACCES' }) })
    expect(r).toMatchObject({ status: 'failed', code: 'EACCES', syscall: 'link' })
    expect(r.message).toContain(`${kindWords('hardlink')} ${path.join(ws, 'l')}`)
  })

  it('copies what a TARGET that is a link leads to, not the link', () => {
    fs.symlinkSync('x', path.join(ws, 'data/alias'))
    const symlink = (text: string, p: string) => {
      if (p === path.join(ws, 'c')) throw errnoError('ENOSYS', 'symlink')
      nodeFs.symlink(text, p)
    }
    const [r] = apply('c -> data/alias', { fallback: ['copy'] }, { ops: { ...nodeFs, symlink } })
    expect(r).toMatchObject({ status: 'created', kind: 'copy' })
    expect(entry(path.join(ws, 'c'))?.isFile()).toBe(true)
    expect(fs.readFileSync(path.join(ws, 'c'), 'utf8')).toBe('x')
  })

  it('fails with ENOENT when TARGET went away before the copy, making nothing', () => {
    const ops = failing({ symlink: 'ENOSYS' })
    const [r] = applyAfter('c -> data/x', () => fs.rmSync(path.join(ws, 'data/x')), { fallback: ['copy'] }, { ops })
    expect(r).toMatchObject({ status: 'failed', code: 'ENOENT' })
    expect(entry(path.join(ws, 'c'))).toBeUndefined()
  })

  it('never removes what another run put at PATH while the copy was being made (EEXIST)', () => {
    const copyFile = (from: string, to: string) => {
      fs.writeFileSync(to, 'theirs')
      nodeFs.copyFile(from, to)
    }
    const ops = { ...failing({ symlink: 'ENOSYS' }), copyFile }
    const [r] = apply('c -> data/x', { fallback: ['copy'] }, { ops })
    expect(r).toMatchObject({ status: 'failed', code: 'EEXIST' })
    expect(fs.readFileSync(path.join(ws, 'c'), 'utf8')).toBe('theirs')
  })

  it('copies a tree that holds a link loop, the loop as a link', () => {
    fs.symlinkSync('loop', path.join(ws, 'data/dir/loop'))
    const symlink = (text: string, p: string) => {
      if (p === path.join(ws, 'c')) throw errnoError('ENOSYS', 'symlink')
      nodeFs.symlink(text, p)
    }
    const [r] = apply('c -> data', { fallback: ['copy'] }, { ops: { ...nodeFs, symlink } })
    expect(r).toMatchObject({ status: 'created', kind: 'copy' })
    expect(fs.readlinkSync(path.join(ws, 'c/dir/loop'))).toBe('loop')
  })
})

describePosix(
  'an errno for a link that was made: only sshfs -o follow_symlinks is excused, and only from symlink()',
  () => {
    const FOLLOW = { ...SSHFS, options: ['rw', 'follow_symlinks'] }
    /** A call that does its work, then says `code`. */
    const madeThen =
      (code: string, call: 'symlink' | 'link') =>
      (a: string, b: string): void => {
        if (call === 'symlink') nodeFs.symlink(a, b)
        else nodeFs.link(a, b)
        throw errnoError(code, call)
      }

    it('elsewhere the errno stands', () => {
      const [r] = apply('l -> data/x', {}, { ops: { ...nodeFs, symlink: madeThen('EIO', 'symlink') } })
      expect(r).toMatchObject({ status: 'failed', code: 'EIO', syscall: 'symlink' })
    })

    it('an EIO from link() stands', () => {
      const ops = { ...nodeFs, link: madeThen('EIO', 'link') }
      const [r] = apply('h -> data/x', { type: 'hardlink' }, { ops }, FOLLOW)
      expect(r).toMatchObject({ status: 'failed', code: 'EIO', syscall: 'link' })
    })

    it('other errnos from symlink() stand, through follow_symlinks too', () => {
      const [r] = apply('l -> data/x', {}, { ops: failing({ symlink: 'EACCES' }) }, FOLLOW)
      expect(r).toMatchObject({ status: 'failed', code: 'EACCES' })
    })

    it('an EEXIST for what another run put at PATH stands: nothing of ours was made', () => {
      const symlink = (_text: string, p: string) => {
        fs.writeFileSync(p, 'theirs')
        throw errnoError('EEXIST', 'symlink')
      }
      const [r] = apply('l -> data/x', {}, { ops: { ...nodeFs, symlink } }, SSHFS)
      expect(r).toMatchObject({ status: 'failed', code: 'EEXIST' })
      expect(fs.readFileSync(path.join(ws, 'l'), 'utf8')).toBe('theirs')
    })

    it('an EIO stands where the share cannot even say whether the link is there', () => {
      const at = path.join(ws, 'l')
      let tried = false
      const ops: FsOps = {
        ...nodeFs,
        symlink: () => {
          tried = true
          throw errnoError('EIO', 'symlink')
        },
        lstat: (p) => {
          if (tried && p === at) throw errnoError('EIO', 'lstat')
          return nodeFs.lstat(p)
        }
      }
      const [r] = apply('l -> data/x', {}, { ops }, FOLLOW)
      expect(r).toMatchObject({ status: 'failed', code: 'EIO' })
    })

    it('the warning names the errno and its number, and the fix: mount without follow_symlinks', () => {
      const [r] = apply('l -> data/x', {}, { ops: { ...nodeFs, symlink: madeThen('EIO', 'symlink') } }, FOLLOW)
      expect(r).toMatchObject({ status: 'created', code: 'EIO' })
      expect(r.warnings).toEqual([expect.stringMatching(/\bEIO\b\D*\b5\b/)])
      expect(r.warnings[0]).toMatch(/without follow_symlinks/)
    })
  }
)

describePosix('reading a new link back on a share', () => {
  const at = (name: string) => path.join(ws, name)
  /** Calls on a share whose lstat of PATH `name` answers `seen(p)` once the link there is made by `call`. */
  const onceMade = (
    call: 'link' | 'symlink',
    name: string,
    seen: (p: string) => fs.Stats | undefined,
    more: Partial<FsOps> = {}
  ): FsOps => {
    let made = false
    const make = (from: string, p: string): void => {
      if (call === 'link') nodeFs.link(from, p)
      else nodeFs.symlink(from, p)
      made = true
    }
    return {
      ...nodeFs,
      [call]: make,
      lstat: (p: string) => (made && p === at(name) ? seen(p) : nodeFs.lstat(p)),
      ...more
    }
  }
  /** A share that stores `stored` as the text of every new link. */
  const storing = (stored: string): FsOps => ({ ...nodeFs, symlink: (_text, p) => nodeFs.symlink(stored, p) })

  it('warns when a text of the same length as the one asked for comes back', () => {
    const [r] = apply('l -> data/x', {}, { ops: storing('data/y') }, SSHFS)
    expect(r.status).toBe('created')
    expect(r.warnings).toHaveLength(1)
    expect(r.warnings[0]).toContain(`'data/y'`)
    expect(r.warnings[0]).toContain(`'data/x'`)
  })

  it("adds the family's known reason (s3fs's stat cache), and nothing where none is known", () => {
    const s3fs = { type: 'fuse.s3fs', mountPoint: '/mnt/bucket', source: 's3fs', options: ['rw'] }
    const [stale] = apply('s -> data/x', {}, { ops: storing('data/dir') }, s3fs)
    expect(stale.warnings).toEqual([
      expect.stringContaining(familyFacts(familyOf(s3fs.type))?.readsBackStale as string)
    ])
    const [sshfs] = apply('l -> data/x', {}, { ops: storing('data/dir') }, SSHFS)
    expect(sshfs.warnings).toEqual([expect.stringMatching(/'data\/x'\.?$/)]) // ends with what was asked for
  })

  it('reads a junction back as it does a symbolic link (a junction is one off Windows)', () => {
    const [r] = apply('j -> data/dir', { type: 'junction' }, { ops: storing('data/x') }, SSHFS)
    expect(r).toMatchObject({ status: 'created', type: 'junction', kind: 'symlink' })
    expect(r.warnings).toEqual([expect.stringContaining(`'data/x'`)])
  })

  it('does not read back a hard link', () => {
    const ops = onceMade('link', 'h', () => {
      throw errnoError('EIO', 'lstat')
    })
    const [r] = apply('h -> data/x', { type: 'hardlink' }, { ops }, SSHFS)
    expect(r).toMatchObject({ status: 'created', kind: 'hardlink', warnings: [] })
  })

  it('warns, naming PATH and the mount, when the share cannot find the link it just made', () => {
    const ops = onceMade('symlink', 'l', () => undefined)
    const [r] = apply('l -> data/x', {}, { ops }, SSHFS)
    expect(r.status).toBe('created')
    expect(r.warnings).toHaveLength(1)
    for (const fact of [at('l'), 'fuse.sshfs', '/mnt/share']) expect(r.warnings[0]).toContain(fact)
  })

  it('takes a link shown as its target (follow_symlinks) at its word', () => {
    // follow_symlinks: the mount shows the link as the file it leads to, and that file has no text.
    const ops = onceMade('symlink', 'l', (p) => nodeFs.stat(p), {
      readlink: () => {
        throw errnoError('EINVAL', 'readlink')
      }
    })
    const [r] = apply('l -> data/x', {}, { ops }, { ...SSHFS, options: ['rw', 'follow_symlinks'] })
    expect(r).toMatchObject({ status: 'created', warnings: [] })
  })

  it('warns with the errno when readlink fails otherwise than by hiding the text', () => {
    const ops: FsOps = {
      ...nodeFs,
      readlink: () => {
        throw errnoError('EIO', 'readlink')
      }
    }
    const [r] = apply('l -> data/x', {}, { ops }, SSHFS)
    expect(r.status).toBe('created')
    expect(r.warnings).toEqual([expect.stringMatching(/\bEIO\b.*readlink\(\)/)])
  })

  it('once a mount has hidden a text, reads back only the links whose size gives them away', () => {
    const readlink = jest.fn((): string => {
      throw errnoError('EPERM', 'readlink')
    })
    const ops: FsOps = {
      ...nodeFs,
      readlink,
      symlink: (text, p) => nodeFs.symlink(p.endsWith('wrong') ? `${text}/longer` : text, p)
    }
    const results = apply('sub/a -> data/x\nsub/b -> data/x\nsub/wrong -> data/x', {}, { ops }, SSHFS)
    expect(results.map((r) => r.warnings.length)).toEqual([0, 0, 1])
    expect(readlink).toHaveBeenCalledTimes(2) // a (hidden), wrong (its size differs); not b
  })

  it('a failed read-back becomes one warning: what failed and why, then the fix, nothing added', () => {
    const ops = onceMade('symlink', 'l', () => {
      throw errnoError('ENOTCONN', 'lstat')
    })
    const [r] = apply('l -> data/x', {}, { ops }, SSHFS)
    expect(r.status).toBe('created')
    expect(r.warnings).toHaveLength(1)
    const [warning] = r.warnings
    const attempted = /^Could not (.*?) \//.exec(warning)?.[1] ?? ''
    expect(attempted).toMatch(/read/)
    const { message, hint } = explain({
      failure: { code: 'ENOTCONN', errno: 107, syscall: 'lstat', attempted },
      kind: 'symlink',
      path: at('l'),
      target: at('data/x'),
      filesystem: SSHFS,
      platform: host,
      targetExists: true,
      targetIsDir: false
    })
    expect(hint).toContain('Remount')
    expect(warning).toBe(`${message} ${hint}`)
  })
})

describePosix('probing what a filesystem allows', () => {
  it('probes once per filesystem, not per directory, and each filesystem for itself', () => {
    const usb = path.join(ws, 'usb')
    const exfat = { type: 'exfat', mountPoint: usb, source: '/dev/sdb1', options: ['rw'] }
    const ext4 = { type: 'ext4', mountPoint: '/', source: '/dev/vda1', options: ['rw'] }
    fs.mkdirSync(usb)
    fs.mkdirSync(path.join(ws, 'sub'))
    const link = jest.fn((from: string, p: string) => {
      if (p.startsWith(`${usb}/`)) throw errnoError('EPERM', 'link')
      nodeFs.link(from, p)
    })
    const ctx = context(ws, {
      ops: { ...failing({ symlink: 'ENOSYS' }), link },
      detector: { forPath: (p: string) => (p === usb || p.startsWith(`${usb}/`) ? exfat : ext4) }
    })
    const plans = planAll(requests('a -> data/x\nusb/b -> data/x\nsub/c -> data/x', ws), ctx)
    const results = plans.map((p) => applyLink(p, ctx))
    expect(results.map((r) => r.probe)).toEqual([
      { symlink: 'ENOSYS', hardlink: 'ok' },
      { symlink: 'ENOSYS', hardlink: 'EPERM' },
      { symlink: 'ENOSYS', hardlink: 'ok' }
    ])
    expect(link).toHaveBeenCalledTimes(2)
  })

  it('counts a scratch symlink that sshfs -o follow_symlinks made but answered EIO for as working, and removes it', () => {
    const FOLLOW = { ...SSHFS, options: ['rw', 'follow_symlinks'] }
    const ops: FsOps = {
      ...failing({ link: 'EPERM' }),
      symlink: (text, p) => {
        nodeFs.symlink(text, p)
        throw errnoError('EIO', 'symlink')
      }
    }
    const guard = { protects: false, euid: 0 }
    const [r] = apply('h -> data/x', { type: 'hardlink' }, { ops, hardlinkGuard: guard }, FOLLOW)
    expect(r).toMatchObject({ status: 'failed', code: 'EPERM', probe: { symlink: 'ok', hardlink: 'EPERM' } })
    expect(debris()).toEqual([])
  })

  it('removes its scratch symlink', () => {
    const [r] = apply('h -> data/x', { type: 'hardlink' }, { ops: failing({ link: 'ENOSYS' }) })
    expect(r.probe).toEqual({ symlink: 'ok', hardlink: 'ENOSYS' })
    expect(debris()).toEqual([])
  })

  it('says untested for what it could not try, where not even a file can be made', () => {
    const [r] = apply('l -> data/x', {}, { ops: failing({ symlink: 'ENOSYS', writeFile: 'EACCES' }) })
    expect(r.probe).toEqual({ symlink: 'untested', hardlink: 'untested' })
    // Nothing was learnt: no kind is said not to work for being untested, and the advice for ENOSYS stands whole.
    expect(r.hint).not.toContain('untested')
    expect(r.hint).toContain('fallback: hardlink')
  })

  it('says failed for a kind whose scratch link failed without an errno', () => {
    const symlink = (_text: string, p: string): never => {
      throw p === path.join(ws, 'l') ? errnoError('ENOSYS', 'symlink') : new Error('not a system error')
    }
    const [r] = apply('l -> data/x', {}, { ops: { ...nodeFs, symlink } })
    expect(r.probe).toEqual({ symlink: 'failed', hardlink: 'ok' })
  })

  it('does not probe after a failure another kind of link would not avoid', () => {
    const [r] = apply('l -> data/x', {}, { ops: failing({ symlink: 'EACCES' }) })
    expect(r).toMatchObject({ status: 'failed', code: 'EACCES' })
    expect(r.probe).toBeUndefined()
  })

  it('does not probe after EXDEV: the probe looks at one filesystem, EXDEV is about two', () => {
    const [r] = apply('h -> data/x', { type: 'hardlink' }, { ops: failing({ link: 'EXDEV' }) })
    expect(r).toMatchObject({ status: 'failed', code: 'EXDEV', syscall: 'link' })
    expect(r.probe).toBeUndefined()
    expect(r.hint).toContain('fallback: symlink')
  })
})

describePosix("overwrite: copies, a directory that is TARGET's identical copy", () => {
  const copies = { overwrite: 'copies' as const }
  beforeEach(() => {
    fs.mkdirSync(path.join(ws, 'data/dir/sub'))
    fs.writeFileSync(path.join(ws, 'data/dir/sub/f'), 'bytes')
    fs.cpSync(path.join(ws, 'data/dir'), path.join(ws, 'd'), { recursive: true })
  })

  it('is moved aside, the link put in its place, then removed', () => {
    expect(apply('d -> data/dir', copies)[0]).toMatchObject({ status: 'replaced', kind: 'symlink' })
    expect(fs.readlinkSync(path.join(ws, 'd'))).toBe('data/dir')
    expect(fs.readdirSync(ws).sort()).toEqual(['d', 'data'])
  })

  it('with one byte changed, or a name more, is kept as it is', () => {
    fs.writeFileSync(path.join(ws, 'd/sub/f'), 'byteS')
    expect(apply('d -> data/dir', copies)[0]).toMatchObject({ status: 'failed', code: 'NOTCOPY' })
    fs.writeFileSync(path.join(ws, 'd/sub/f'), 'bytes')
    fs.writeFileSync(path.join(ws, 'd/more'), '')
    const [r] = apply('d -> data/dir', copies)
    expect(r).toMatchObject({ status: 'failed', code: 'NOTCOPY' })
    expect(r.message).toContain(path.join(ws, 'd'))
    expect(fs.readFileSync(path.join(ws, 'd/sub/f'), 'utf8')).toBe('bytes')
  })

  it('gives way to a copied tree where links cannot be made and copy is the fallback', () => {
    fs.writeFileSync(path.join(ws, 'data/dir/sub/f'), 'newer')
    fs.writeFileSync(path.join(ws, 'd/sub/f'), 'newer')
    fs.utimesSync(path.join(ws, 'd/sub/f'), 0, 0) // not the same time: not taken for a copy made by fallback
    const [r] = apply('d -> data/dir', { ...copies, fallback: ['copy'] }, { ops: failing({ symlink: 'ENOTSUP' }) })
    expect(r).toMatchObject({ status: 'replaced', kind: 'copy' })
    expect(fs.readFileSync(path.join(ws, 'd/sub/f'), 'utf8')).toBe('newer')
    expect(debris()).toEqual([])
  })

  it('goes back where the link cannot be made in its place, leaving no temporary name', () => {
    const symlink: FsOps['symlink'] = (text, p, type) => {
      if (p === path.join(ws, 'd')) throw errnoError('EACCES', 'symlink')
      nodeFs.symlink(text, p, type)
    }
    const [r] = apply('d -> data/dir', copies, { ops: { ...nodeFs, symlink } })
    expect(r).toMatchObject({ status: 'failed', code: 'EACCES' })
    expect(fs.readFileSync(path.join(ws, 'd/sub/f'), 'utf8')).toBe('bytes')
    expect(fs.readdirSync(ws).sort()).toEqual(['d', 'data'])
  })
})

describePosix('replacing, when a step fails', () => {
  const cfg = () => path.join(ws, 'cfg')

  it('makes no backup unless backup-suffix asks for one', () => {
    fs.symlinkSync('data/dir', path.join(ws, 'l'))
    expect(apply('l -> data/x', { overwrite: 'links' })[0].status).toBe('replaced')
    expect(fs.readdirSync(ws).sort()).toEqual(['data', 'l'])
  })

  it('fails, naming the backup, where the backup cannot be made, and PATH keeps what it had', () => {
    fs.writeFileSync(cfg(), 'old')
    const ops = failing({ link: 'EPERM', copyFile: 'EACCES' })
    const [r] = apply('cfg -> data/x', { overwrite: 'files' }, { backupSuffix: '.bak', ops })
    expect(r).toMatchObject({ status: 'failed', code: 'EACCES' })
    expect(r.message).toContain(`${cfg()}.bak`)
    expect(fs.readFileSync(cfg(), 'utf8')).toBe('old')
    expect(fs.readdirSync(ws).sort()).toEqual(['cfg', 'data'])
  })

  it('fails with ENOENT where the old entry went away before its backup', () => {
    fs.writeFileSync(cfg(), 'old')
    const opts = { overwrite: 'files' as const }
    const [r] = applyAfter('cfg -> data/x', () => fs.rmSync(cfg()), opts, { backupSuffix: '.bak' })
    expect(r).toMatchObject({ status: 'failed', code: 'ENOENT' })
    expect(debris()).toEqual([])
  })

  it('replaces a link by a copied directory', () => {
    fs.symlinkSync('data/x', path.join(ws, 'l'))
    fs.writeFileSync(path.join(ws, 'data/dir/inner'), 'inner')
    const ops = failing({ symlink: 'ENOSYS' })
    const [r] = apply('l -> data/dir', { overwrite: 'links', fallback: ['copy'] }, { ops })
    expect(r).toMatchObject({ status: 'replaced', kind: 'copy' })
    expect(fs.readFileSync(path.join(ws, 'l/inner'), 'utf8')).toBe('inner')
    expect(debris()).toEqual([])
  })

  it('fails, naming the step, where the old link cannot be removed for a copied directory, leaving no copy behind', () => {
    fs.symlinkSync('data/x', path.join(ws, 'l'))
    const unlink = (p: string) => {
      if (p === path.join(ws, 'l')) throw errnoError('EACCES', 'unlink')
      nodeFs.unlink(p)
    }
    const ops = { ...failing({ symlink: 'ENOSYS' }), unlink }
    const [r] = apply('l -> data/dir', { overwrite: 'links', fallback: ['copy'] }, { ops })
    expect(r).toMatchObject({ status: 'failed', code: 'EACCES', syscall: 'unlink' })
    expect(r.message.slice(0, r.message.indexOf(path.join(ws, 'l')))).toMatch(/\bremove\b/)
    expect(fs.readlinkSync(path.join(ws, 'l'))).toBe('data/x')
    expect(debris()).toEqual([])
  })

  it('fails on EPERM from rename() off Windows without removing the old link, naming the step', () => {
    fs.symlinkSync('data/dir', path.join(ws, 'l'))
    const [r] = apply('l -> data/x', { overwrite: 'links' }, { ops: failing({ rename: 'EPERM' }) })
    expect(r).toMatchObject({ status: 'failed', code: 'EPERM', syscall: 'rename' })
    expect(r.message.slice(0, r.message.indexOf(path.join(ws, 'l')))).toMatch(/\breplace\b/)
    expect(fs.readlinkSync(path.join(ws, 'l'))).toBe('data/dir')
    expect(debris()).toEqual([])
  })
})

describePosix('parent directories', () => {
  it('makes each missing parent once, however many links are below it', () => {
    const mkdir = jest.spyOn(nodeFs, 'mkdir')
    try {
      const results = apply('p/q/a -> data/x\np/q/b -> data/x\np/r/c -> data/x')
      expect(results.map((r) => r.status)).toEqual(['created', 'created', 'created'])
      expect(mkdir.mock.calls.map(([dir]) => path.relative(ws, dir))).toEqual(['p', 'p/q', 'p/r'])
    } finally {
      mkdir.mockRestore()
    }
  })

  it('names the parent it could not make', () => {
    const [r] = apply('ro/l -> data/x', {}, { ops: failing({ mkdir: 'EROFS' }) })
    expect(r).toMatchObject({ status: 'failed', code: 'EROFS', syscall: 'mkdir' })
    expect(r.message).toContain(`${path.join(ws, 'ro')} `)
  })

  it('uses a parent another run made after the plan looked', () => {
    const [r] = applyAfter('p/l -> data/x', () => fs.mkdirSync(path.join(ws, 'p')))
    expect(r.status).toBe('created')
    expect(fs.readlinkSync(path.join(ws, 'p/l'))).toBe('../data/x')
  })

  it('fails with the errno of a parent that mkdir() made but reported an error for', () => {
    const mkdir = (p: string) => {
      nodeFs.mkdir(p)
      throw errnoError('EIO', 'mkdir')
    }
    const [r] = apply('p/l -> data/x', {}, { ops: { ...nodeFs, mkdir } })
    expect(r).toMatchObject({ status: 'failed', code: 'EIO', syscall: 'mkdir' })
  })

  it('tries a parent another run made after the plan looked once, not once per link below it', () => {
    const mkdir = jest.spyOn(nodeFs, 'mkdir')
    try {
      const results = applyAfter('p/a -> data/x\np/b -> data/x', () => fs.mkdirSync(path.join(ws, 'p')))
      expect(results.map((r) => r.status)).toEqual(['created', 'created'])
      expect(mkdir.mock.calls.map(([dir]) => path.relative(ws, dir))).toEqual(['p'])
    } finally {
      mkdir.mockRestore()
    }
  })

  it('fails where another run put a file at the name of a parent after the plan looked, and keeps the file', () => {
    const [r] = applyAfter('p/l -> data/x', () => fs.writeFileSync(path.join(ws, 'p'), 'theirs'))
    // EEXIST from mkdir() sends the link back to the plan, which now finds a file where a directory should be.
    expect(r).toMatchObject({ status: 'failed', code: 'ENOTDIR' })
    expect(fs.readFileSync(path.join(ws, 'p'), 'utf8')).toBe('theirs')
  })

  it('fails with EEXIST where the parent is a dangling link', () => {
    fs.symlinkSync('nowhere', path.join(ws, 'p'))
    const [r] = apply('p/l -> data/x')
    expect(r).toMatchObject({ status: 'failed', code: 'EEXIST', syscall: 'mkdir' })
    expect(fs.readlinkSync(path.join(ws, 'p'))).toBe('nowhere')
  })
})

describePosix('what appeared or went away since the plan looked', () => {
  it('finds nothing to remove under state: absent unchanged, naming no kind of link', () => {
    const [r] = apply('- { path: gone, state: absent }')
    expect(r).toMatchObject({ status: 'unchanged', kind: '', code: '' })
    expect(entry(path.join(ws, 'gone'))).toBeUndefined()
  })

  it('finds the link another run made just before this one unchanged', () => {
    const symlink = (text: string, p: string) => {
      nodeFs.symlink(text, p)
      throw errnoError('EEXIST', 'symlink')
    }
    const [r] = apply('l -> data/x', {}, { ops: { ...nodeFs, symlink } })
    expect(r).toMatchObject({ status: 'unchanged', kind: 'symlink', code: '' })
  })

  it('a link already planned to fail keeps its own failure on a share found gone', () => {
    fs.writeFileSync(path.join(ws, 'b'), 'a file')
    const [a, b] = apply('a -> data/x\nb -> data/x', {}, { ops: failing({ symlink: 'ENOTCONN' }) }, SSHFS)
    expect(a).toMatchObject({ status: 'failed', code: 'ENOTCONN' })
    expect(b).toMatchObject({ status: 'failed', code: 'EEXIST' })
  })
})

itPosix('off Windows, an EPERM from symlink() makes no file to tell causes apart (only the probe makes one)', () => {
  const vfat = { type: 'vfat', mountPoint: '/mnt/usb', source: '/dev/sdb1', options: ['rw'] }
  const ops = failing({ symlink: 'EPERM' })
  const writeFile = jest.spyOn(ops, 'writeFile')
  const [r] = apply('l -> data/x', {}, { ops }, vfat)
  expect(r).toMatchObject({ status: 'failed', code: 'EPERM', syscall: 'symlink' })
  expect(writeFile).toHaveBeenCalledTimes(r.probe ? 1 : 0)
})
