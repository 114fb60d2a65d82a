// The knowledge base's rows, matched on failures built here: each row's further condition (`when`) true in one case
// and false in its neighbour, and the facts of the message a user reads. Assertions name the errno, filesystem,
// option and the fix in the action's terms, not the wording.
import { describe, expect, it } from '@jest/globals'
import { explain, troubleshootingRows, type FailureContext } from '../src/knowledge.js'
import { kindWords, type FilesystemInfo, type Kind } from '../src/model.js'
import { platformFor } from '../src/platform.js'
import { failedLink } from './helpers/failure.js'

interface Case {
  code: string
  kind?: Kind
  fs?: Partial<FilesystemInfo>
  platform?: string
  more?: Partial<FailureContext>
}

/** A failed link at /data/l, on ext4 at /data unless the case says otherwise. */
const failed = ({ code, kind = 'symlink', fs = {}, platform = 'linux', more = {} }: Case): FailureContext =>
  failedLink(
    code,
    kind,
    '/data/l',
    { type: 'ext4', mountPoint: '/data', source: '/dev/sda1', options: ['rw'], ...fs },
    platformFor(platform),
    more
  )

const explained = (c: Case) => explain(failed(c))

describe('rows whose condition only the lab reached', () => {
  it.each([
    ['junction', true],
    ['symlink', false]
  ] as const)('ENOTDIR on Windows making a %s: junction advice %s', (kind, junction) => {
    const { hint } = explained({ code: 'ENOTDIR', kind, platform: 'win32' })
    expect(hint.includes('`type: symlink`')).toBe(junction)
    expect(hint.includes('`target-type: dir`')).toBe(junction)
  })

  it.each([
    ['fuse.bindfs, driver not recorded', true, { type: 'fuse.bindfs' }],
    ['bare fuse resolved to bindfs', true, { type: 'fuse.bindfs', driver: 'fuse' }],
    ['ntfs served by fuseblk (ntfs-3g)', true, { type: 'ntfs', driver: 'fuseblk' }],
    ['ext4', false, { type: 'ext4' }],
    ['a type that only contains "fuse"', false, { type: 'notfuse' }]
  ])('EPERM from link() on Linux, %s: blamed on FUSE %s', (_, fuse, fs) => {
    const { message, hint } = explained({ code: 'EPERM', kind: 'hardlink', fs })
    expect(message).toContain('EPERM')
    expect(/FUSE/.test(message)).toBe(fuse)
    expect(/protected_hardlinks/.test(message)).toBe(!fuse)
    expect(hint).toContain('`type: symlink`')
    expect(hint.includes('`fallback: copy`')).toBe(fuse)
  })

  it.each([
    [['links'], true],
    [['links=true'], true],
    [['vfs-cache-mode=writes', 'links'], true],
    [['vfs-cache-mode=writes'], false],
    [[], false],
    [['linksX'], false]
  ])('EIO on rclone with options %j: --links explained %s', (options, links) => {
    const { message, hint, capability } = explained({ code: 'EIO', fs: { type: 'fuse.rclone', options } })
    expect(message).toMatch(/\bEIO\b.*fuse\.rclone/)
    expect(/--links/.test(message)).toBe(links)
    expect(/rclonelink/.test(message)).toBe(links)
    expect(hint).toContain('`fallback: copy`')
    expect(capability).toBe(true)
  })

  it.each([
    [['rw', 'disable_hardlink'], true],
    [['rw', 'follow_symlinks'], false]
  ])('EPERM from link() on sshfs with %j: disable_hardlink the only cause %s', (options, disabled) => {
    const { message, hint } = explained({ code: 'EPERM', kind: 'hardlink', fs: { type: 'fuse.sshfs', options } })
    expect(message).toContain('disable_hardlink')
    expect(/hardlink extension/.test(message)).toBe(!disabled)
    expect(hint).toContain('`type: symlink`')
    expect(hint).toContain('`fallback: symlink`')
  })

  it.each([
    ['fuse.smbnetfs', 'ENOSYS', 'symlink', true],
    ['fuse.smbnetfs', 'EPERM', 'hardlink', true],
    ['cifs', 'ENOSYS', 'symlink', false],
    ['cifs', 'EPERM', 'hardlink', false]
  ] as const)('on %s, %s making a %s: smbnetfs (no links at all) %s', (type, code, kind, smbnetfs) => {
    const { hint } = explained({ code, kind, fs: { type } })
    const otherLink = hint.includes('`fallback: hardlink`') || hint.includes('`type: symlink`')
    expect(otherLink).toBe(!smbnetfs)
    expect(/`fallback: copy`/.test(hint) && /mfsymlinks/.test(hint)).toBe(smbnetfs)
  })

  it.each([
    ['hardlink', false, true],
    ['hardlink', true, false],
    ['symlink', false, false]
  ] as const)('ENOENT making a %s, TARGET exists %s: TARGET blamed %s', (kind, exists, missing) => {
    const { hint } = explained({ code: 'ENOENT', kind, more: { targetExists: exists } })
    expect(hint.includes('`create-parents: true`')).toBe(!missing)
    expect(/TARGET/.test(hint)).toBe(missing)
  })

  it.each([
    ['TARGET', '/data/target', true],
    ['PATH', '/data/l', false],
    ['no path', undefined, false]
  ])('ENAMETOOLONG about %s (%s): TARGET blamed %s', (_, path, target) => {
    const ctx = failed({ code: 'ENAMETOOLONG' })
    const { message, hint } = explain({ ...ctx, failure: { ...ctx.failure, path } })
    expect(message).toMatch(target ? /TARGET\b[^.]*too long/ : /PATH\b[^.]*too long/)
    expect(hint.includes('`relative: true`')).toBe(!target)
  })

  // EIO from symlink() on sshfs: the server made the link and sshfs could not follow it; ENOENT is that only
  // through follow_symlinks, and only where no parent of PATH was missing (the plan's ENOENT, create-parents: false).
  it.each([
    ['EIO', ['rw'], false, true],
    ['EIO', ['rw', 'follow_symlinks'], false, true],
    ['ENOENT', ['rw', 'follow_symlinks'], false, true],
    ['ENOENT', ['rw', 'follow_symlinks'], true, false],
    ['ENOENT', ['rw'], false, false]
  ])(
    '%s from symlink() on sshfs with %j, parents missing %s: the link may be on the server %s',
    (code, options, parentsMissing, onServer) => {
      const { hint } = explained({ code, fs: { type: 'fuse.sshfs', options }, more: { parentsMissing } })
      expect(/follow_symlinks/.test(hint)).toBe(onServer)
      expect(hint.includes('`create-parents: true`')).toBe(!onServer && code === 'ENOENT')
      expect(hint).not.toMatch(/dmesg/)
    }
  )
})

describe('the message a user reads', () => {
  it('names the errno as a word, without a number where none is known', () => {
    const ctx = failed({ code: 'EIO' })
    const { message } = explain({ ...ctx, failure: { ...ctx.failure, errno: undefined } })
    expect(message).toMatch(/\bEIO\b/)
    expect(message).not.toContain('undefined')
    expect(message).not.toMatch(/errno/)
  })

  it.each([
    ['unknown', '/mnt/x', /\/mnt\/x\b/],
    ['ext4', '', /\bext4\b/],
    ['zonefs', '/mnt/z', /\bzonefs\b.*\/mnt\/z\b/]
  ])('names a filesystem of type %s mounted at %j', (type, mountPoint, names) => {
    expect(explained({ code: 'EACCES', fs: { type, mountPoint } }).message).toMatch(names)
  })

  it("names a share's family and the directory a bind mount shows, apart", () => {
    const fs = { type: 'fuse.davfs', mountPoint: '/mnt/dav', root: '/srv/dav' }
    expect(explained({ code: 'EACCES', fs }).message).toMatch(/\bdavfs2\b.*\/srv\/dav\b/)
  })

  it('ends with the filesystem where no row knows the errno', () => {
    expect(explained({ code: 'EUNHEARD' }).message).toMatch(/\bEUNHEARD\b.*\bext4\b.*\/dev\/sda1\W*$/)
  })

  it('keeps the alternatives of a hint apart', () => {
    const { hint, advice } = explained({ code: 'EXDEV', kind: 'hardlink' })
    expect(advice.length).toBeGreaterThan(1)
    for (const { text } of advice) expect(hint).toContain(text)
    expect(hint).not.toMatch(/\.[A-Z]/)
  })

  it.each([
    ['/mnt/usb', '/mnt/usb'],
    ['', 'MOUNTPOINT']
  ])('fills the mount point %j into the remount command, or leaves a placeholder', (mountPoint, shown) => {
    const { hint } = explained({ code: 'EROFS', fs: { mountPoint } })
    expect(hint).toMatch(new RegExp(`remount,rw ${shown}\\b`))
  })

  it.each([
    ['symlink', /symbolic/],
    ['hardlink', /hard/],
    ['junction', /junction/],
    ['copy', /copy/]
  ] as const)('calls a %s by its name', (kind, name) => {
    expect(kindWords(kind)).toMatch(name)
  })
})

describe('hints name commands the runner has', () => {
  // util-linux's namei is Linux's alone; macOS and Windows have none. Every errno the table knows, on each of them.
  const codes = [...new Set(troubleshootingRows().flatMap(([listed]) => listed.split(', ')))]
  const kinds: Kind[] = ['symlink', 'hardlink', 'junction']

  it.each(['darwin', 'win32'])('names no namei on %s', (platform) => {
    const naming = codes.flatMap((code) =>
      kinds.filter((kind) => /\bnamei\b/.test(explained({ code, kind, platform }).hint)).map((k) => `${code} ${k}`)
    )
    expect(codes.length).toBeGreaterThan(20)
    expect(naming).toEqual([])
  })

  it.each([
    ['linux', /`namei -l PATH`/],
    ['darwin', /`ls -l`/],
    ['win32', /`dir \/AL`/]
  ])('on %s, shows how to find a loop of links (ELOOP)', (platform, command) => {
    expect(explained({ code: 'ELOOP', platform }).hint).toMatch(command)
  })
})
