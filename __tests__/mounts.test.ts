import { describe, expect, it, jest } from '@jest/globals'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { errnoNumber } from '../src/errors.js'
import { canHang, familyOf } from '../src/families.js'
import { explain, hintAfterProbe, isCapabilityFailure, type Advice, type FailureContext } from '../src/knowledge.js'
import type { FilesystemInfo, Kind } from '../src/model.js'
import type { MountEntry } from '../src/mount-table.js'
import { createDetector, mayLieBelow, mountOf, parseMountinfo, rootsWhere, type MountSources } from '../src/mounts.js'
import { platformFor } from '../src/platform.js'
import { ROOT } from '../scripts/run-action.mjs'
import { failedLink } from './helpers/failure.js'
import { itUnless } from './helpers/skip.js'

const linux = platformFor('linux')

/** /proc/self/mountinfo lines as Linux writes them (recorded on a Debian runner and the ln-action lab). */
const MOUNTINFO = [
  '27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard,resv_strict,resuid=65534,resgid=65534',
  '25 24 0:23 / /dev/shm rw,nosuid,nodev shared:3 - tmpfs tmpfs rw,size=24683656k',
  '61 27 0:52 / /mnt/share rw,nosuid,nodev,relatime shared:41 - fuse.sshfs root@127.0.0.1:/srv rw,user_id=0,group_id=0',
  '62 27 7:0 / /mnt/usb ro,relatime shared:1 master:2 - fuseblk /dev/loop0 rw,user_id=0,group_id=0,allow_other,blksize=4096',
  '63 27 0:60 / /mnt/my\\040share rw,relatime - tmpfs tmpfs rw',
  '64 27 0:61 / /mnt/tab\\011dir rw,relatime shared:5 master:1 propagate_from:1 unbindable - tmpfs none rw',
  '65 27 0:62 / /mnt/back\\134slash rw - tmpfs tmpfs rw',
  '70 27 253:1 / /data rw,noatime - xfs /dev/vdb1 rw,attr2,inode64'
].join('\n')

const mounts = parseMountinfo(`${MOUNTINFO}\n`)
const byPoint = (point: string): MountEntry | undefined => mounts.find((m) => m.mountPoint === point)

describe('parseMountinfo', () => {
  it('reads every line, and nothing from blank or broken ones', () => {
    expect(mounts).toHaveLength(8)
    expect(parseMountinfo(`${MOUNTINFO}\n\n36 35 98:0 /mnt1 /mnt2 rw\n`)).toHaveLength(8)
  })

  it.each([
    ['ext4 root', '/', { id: 27, device: '254:0', type: 'ext4', source: '/dev/vda' }],
    ['tmpfs', '/dev/shm', { type: 'tmpfs', source: 'tmpfs' }],
    ['sshfs', '/mnt/share', { type: 'fuse.sshfs', source: 'root@127.0.0.1:/srv' }],
    ['fuseblk', '/mnt/usb', { device: '7:0', type: 'fuseblk', source: '/dev/loop0' }],
    ['\\040 as a space', '/mnt/my share', { id: 63, type: 'tmpfs' }],
    ['\\011 as a tab, after four optional fields', '/mnt/tab\tdir', { id: 64, type: 'tmpfs', source: 'none' }],
    ['\\134 as a backslash', '/mnt/back\\slash', { id: 65 }]
  ])('reads %s', (_, mountPoint, expected) => {
    expect(byPoint(mountPoint)).toMatchObject({ mountPoint, ...expected })
  })

  it('skips a line cut short after its separator, and one without a separator', () => {
    expect(parseMountinfo('36 35 98:0 / /mnt2 rw,noatime - ext3')).toEqual([])
    expect(parseMountinfo('36 35 98:0 / /mnt2 rw,noatime shared:1 -')).toEqual([])
    expect(parseMountinfo('36 35 98:0 / /mnt2 rw,noatime ext3 /dev/root rw')).toEqual([])
  })

  it('reads a line that ends at its source, with the per-mount options alone', () => {
    expect(parseMountinfo('36 35 98:0 / /mnt2 rw,noatime - ext3 /dev/root')).toEqual([
      { id: 36, device: '98:0', mountPoint: '/mnt2', type: 'ext3', source: '/dev/root', options: ['rw', 'noatime'] }
    ])
  })

  it("keeps a bind mount's root, the directory it shows, and gives a whole filesystem none", () => {
    const [bound, escaped, whole] = parseMountinfo(
      [
        '91 27 254:0 /srv/bound /mnt/bind rw - ext4 /dev/vda rw',
        '92 27 254:0 /srv/my\\040dir /mnt/mine rw - ext4 /dev/vda rw',
        '27 1 254:0 / / rw - ext4 /dev/vda rw'
      ].join('\n')
    )
    expect(bound).toMatchObject({ mountPoint: '/mnt/bind', root: '/srv/bound' })
    expect(escaped).toMatchObject({ mountPoint: '/mnt/mine', root: '/srv/my dir' })
    expect(whole).not.toHaveProperty('root')
  })

  it('merges the per-mount and the superblock options, once each', () => {
    expect(byPoint('/mnt/usb')?.options).toEqual(
      expect.arrayContaining(['ro', 'relatime', 'rw', 'user_id=0', 'allow_other', 'blksize=4096'])
    )
    const share = byPoint('/mnt/share')?.options ?? []
    expect(share.filter((o) => o === 'rw')).toHaveLength(1)
    expect(share).toEqual(expect.arrayContaining(['nosuid', 'nodev', 'group_id=0']))
  })
})

describe('mountOf', () => {
  it.each([
    ['/data/x/y', '/data'],
    ['/data', '/data'],
    ['/data/', '/data'],
    ['/data2/x', '/'],
    ['/datafile', '/'],
    ['/data/../home/u', '/'],
    ['/mnt/share/ci/link', '/mnt/share'],
    ['/mnt/my share/l', '/mnt/my share'],
    ['/mnt/my/l', '/'],
    ['/mnt/tab\tdir/l', '/mnt/tab\tdir'],
    ['/home/runner/work', '/'],
    ['/data/..x/y', '/data']
  ])('puts %s on %s', (absPath, mountPoint) => {
    expect(mountOf(mounts, absPath, linux)?.mountPoint).toBe(mountPoint)
  })

  it('takes the longest mount point above the path, in whatever order the table lists them', () => {
    const lines = [
      '61 27 0:52 / /mnt/share rw - fuse.sshfs root@127.0.0.1:/srv rw',
      '62 61 0:53 / /mnt/share/ci/deep rw - tmpfs tmpfs rw',
      '20 1 8:1 / / rw - ext4 /dev/sda1 rw'
    ]
    for (const order of [lines, [...lines].reverse(), [lines[1], lines[2], lines[0]]]) {
      const table = parseMountinfo(order.join('\n'))
      expect(mountOf(table, '/mnt/share/ci/deep/l', linux)?.type).toBe('tmpfs')
      expect(mountOf(table, '/mnt/share/ci/l', linux)?.type).toBe('fuse.sshfs')
      expect(mountOf(table, '/home/l', linux)?.type).toBe('ext4')
    }
  })

  it('takes the last of mounts stacked on one point', () => {
    const sshfs = '61 27 0:52 / /mnt/share rw - fuse.sshfs root@127.0.0.1:/srv rw'
    const tmpfs = '80 61 0:70 / /mnt/share rw - tmpfs tmpfs rw'
    const onTop = (...lines: string[]) => mountOf(parseMountinfo(lines.join('\n')), '/mnt/share/l', linux)?.type
    expect(onTop(sshfs, tmpfs)).toBe('tmpfs')
    expect(onTop(tmpfs, sshfs)).toBe('fuse.sshfs')
  })

  it('finds nothing without a root mount', () => {
    expect(mountOf(parseMountinfo(MOUNTINFO.split('\n').slice(1).join('\n')), '/home/u', linux)).toBeUndefined()
  })
})

describe('createDetector', () => {
  it('reads the table once, at the first question', () => {
    const readTable = jest.fn(() => MOUNTINFO)
    const detector = createDetector(linux, { mountTable: readTable })
    expect(readTable).not.toHaveBeenCalled()
    expect(detector.forPath('/mnt/share/a')).toMatchObject({ type: 'fuse.sshfs', mountPoint: '/mnt/share' })
    expect(detector.forPath('/data/b').type).toBe('xfs')
    expect(readTable).toHaveBeenCalledTimes(1)
  })

  it('puts a path that is itself a mount point on that mount, not on the one its directory is on', () => {
    const detector = createDetector(linux, {
      mountTable: () => MOUNTINFO,
      processArgs: () => [],
      blockDeviceType: () => undefined
    })
    expect(detector.forPath('/mnt/share/ci')).toMatchObject({ type: 'fuse.sshfs', mountPoint: '/mnt/share' })
    expect(detector.forPath('/mnt/share')).toMatchObject({ type: 'fuse.sshfs', mountPoint: '/mnt/share' })
    expect(detector.forPath('/mnt')).toMatchObject({ type: 'ext4', mountPoint: '/' })
    expect(detector.forPath('/data')).toMatchObject({ type: 'xfs', mountPoint: '/data' })
    expect(detector.forPath('/')).toMatchObject({ type: 'ext4', mountPoint: '/' })
    // Right after another entry of its directory, which is on the directory's filesystem.
    expect(detector.forPath('/mnt/other')).toMatchObject({ type: 'ext4', mountPoint: '/' })
    expect(detector.forPath('/mnt/share')).toMatchObject({ type: 'fuse.sshfs', mountPoint: '/mnt/share' })
    expect(detector.forPath('/mnt/other')).toMatchObject({ type: 'ext4', mountPoint: '/' })
  })

  it.each([
    [
      'the table cannot be read',
      'linux',
      () => {
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })
      }
    ],
    ['the table has no mount for the path', 'linux', () => MOUNTINFO.split('\n').slice(1).join('\n')],
    ['the OS has no mount table that ln-action reads', 'freebsd', () => MOUNTINFO]
  ])('says unknown, without throwing, when %s', (_, name, readTable) => {
    const info = createDetector(platformFor(name), { mountTable: readTable }).forPath('/home/u')
    expect(info).toEqual({ type: 'unknown', mountPoint: '', source: '', options: [] })
  })

  const onLinux = itUnless(process.platform === 'linux' ? undefined : 'Linux only: it reads /proc/self/mountinfo')
  onLinux('finds the filesystem of the temp directory in the real mount table', () => {
    const info = createDetector(linux).forPath(os.tmpdir())
    expect(info.type).not.toBe('unknown')
    expect(os.tmpdir().startsWith(info.mountPoint)).toBe(true)
  })
})

describe('which paths may lie on a mount that can hang, from the table alone (rootsWhere, mayLieBelow)', () => {
  const table = { mountTable: () => MOUNTINFO, processArgs: () => [], blockDeviceType: () => undefined }
  const detector = createDetector(linux, table)
  const hanging = rootsWhere(detector, linux, canHang)
  const paths = ['/mnt/share/a/b', '/mnt/share', '/mnt/usb/x', '/mnt/shared/x', '/mnt/my share/x', '/data/x', '/']

  it('finds the FUSE mounts and nothing else, and never says no for a path on one of them', () => {
    expect(hanging).toEqual(['/mnt/share', '/mnt/usb'])
    for (const p of paths) {
      if (canHang(detector.forPath(p))) expect(mayLieBelow(linux, hanging, p)).toBe(true)
    }
    expect(paths.filter((p) => mayLieBelow(linux, hanging, p))).toEqual(['/mnt/share/a/b', '/mnt/share', '/mnt/usb/x'])
  })

  it('says no for every path where no mount can hang, and may for every path where the table cannot tell', () => {
    const local = createDetector(linux, { ...table, mountTable: () => MOUNTINFO.split('\n').slice(0, 2).join('\n') })
    expect(paths.some((p) => mayLieBelow(linux, rootsWhere(local, linux, canHang), p))).toBe(false)
    const windows = platformFor('win32')
    expect(rootsWhere(createDetector(windows, { driveInfo: () => undefined }), windows, canHang)).toBeUndefined()
    expect(mayLieBelow(windows, undefined, 'C:\\work\\x')).toBe(true)
  })

  it('on macOS, looks every path up where a mount can hang: a firmlink leads /Users/... onto the Data volume', () => {
    const mac = platformFor('darwin')
    const macTable = (lines: string[]) => ({ mountTable: () => lines.join('\n'), firmlinks: () => undefined })
    const root = '/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)'
    const share = '//u@srv/share on /System/Volumes/Data/Users/me/mnt (smbfs, nodev, nosuid, mounted by u)'
    expect(rootsWhere(createDetector(mac, macTable([root, share])), mac, canHang)).toBeUndefined()
    expect(rootsWhere(createDetector(mac, macTable([root])), mac, canHang)).toEqual([])
  })
})

describe('a container job: its own layers on overlay, the workspace a bind mount of the host', () => {
  // /proc/self/mountinfo in a job's container, in the form Linux writes it, with the volumes the runner gives
  // `docker create` (-v /home/runner/work:/__w, externals on /__e, the tool cache on /__t, the _temp and _actions
  // directories again below /__w); composed from those flags, not recorded on GitHub.
  const table = fs.readFileSync(path.join(ROOT, '__tests__', 'fixtures', 'container-mountinfo.txt'), 'utf8')
  const detector = createDetector(linux, {
    mountTable: () => table,
    processArgs: () => [],
    blockDeviceType: () => undefined
  })
  const refused = (at: string) =>
    explain({
      failure: { code: 'EXDEV', errno: 18, syscall: 'link', attempted: 'create the hard link' },
      kind: 'hardlink',
      path: at,
      target: '/usr/share/doc',
      filesystem: detector.forPath(at),
      platform: linux,
      targetExists: true,
      targetIsDir: false
    }).message

  it("names the overlay of the container's own layers for a path under /", () => {
    expect(detector.forPath('/usr/local/bin/l')).toMatchObject({ type: 'overlay', mountPoint: '/' })
    expect(refused('/usr/local/bin/l')).toMatch(/on overlay mounted at \/ \(.*layers/)
  })

  it('names the host directory behind the workspace for a path under /__w/<repo>/<repo>', () => {
    const at = '/__w/ln-action/ln-action/l'
    expect(detector.forPath(at)).toMatchObject({ type: 'ext4', mountPoint: '/__w', root: '/home/runner/work' })
    expect(refused(at)).toContain(
      'on ext4 mounted at /__w from /dev/root (a bind mount of its directory /home/runner/work)'
    )
    expect(detector.forPath('/__w/_temp/x')).toMatchObject({
      mountPoint: '/__w/_temp',
      root: '/home/runner/work/_temp'
    })
  })
})

describe('knowledge: what a failure means and what to do', () => {
  const detector = createDetector(linux, {
    mountTable: () => MOUNTINFO,
    processArgs: () => [],
    blockDeviceType: () => undefined
  })
  /** exfat-fuse shows as fuseblk; the type is resolved from the block device before the knowledge base sees it. */
  const resolved = (absPath: string, type: string): FilesystemInfo => ({ ...detector.forPath(absPath), type })

  /** A failed link at PATH, on the filesystem the mount table gives it. */
  const failed = (code: string, kind: Kind, path: string, more: Partial<FailureContext> = {}): FailureContext =>
    failedLink(code, kind, path, detector.forPath(path), linux, more)

  it.each(['EPERM', 'ENOSYS'])('explains %s from link() on sshfs and suggests a symlink', (code) => {
    const ctx = failed(code, 'hardlink', '/mnt/share/ci/l')
    const { message, hint } = explain(ctx)
    expect(message).toContain(
      `Could not create the hard link /mnt/share/ci/l -> /data/target: ${code} (errno ${errnoNumber(code)}) from link()`
    )
    expect(message).toContain('fuse.sshfs mounted at /mnt/share from root@127.0.0.1:/srv')
    expect(message).toContain('disable_hardlink')
    expect(hint).toContain('`type: symlink`')
    expect(hint).toContain('`fallback: symlink`')
    expect(isCapabilityFailure(ctx)).toBe(true)
  })

  it.each([
    ['exfat (fuseblk)', 'ENOSYS', 'symlink', 'exfat'],
    ['exfat (fuseblk)', 'EPERM', 'hardlink', 'exfat'],
    ['FAT (fusefat)', 'ENOSYS', 'symlink', 'fuse.fusefat'],
    ['in-kernel vfat', 'EPERM', 'symlink', 'vfat']
  ] as const)('on %s, %s from a %s says to copy', (_, code, kind, type) => {
    const ctx = { ...failed(code, kind, '/mnt/usb/l'), filesystem: resolved('/mnt/usb/l', type) }
    const { message, hint } = explain(ctx)
    expect(message).toContain(`${type} mounted at /mnt/usb`)
    expect(message).toMatch(/neither symbolic nor hard links/)
    expect(hint).toContain('`fallback: copy`')
    expect(isCapabilityFailure(ctx)).toBe(true)
  })

  it('explains EXDEV: a hard link cannot cross filesystems', () => {
    const ctx = failed('EXDEV', 'hardlink', '/data/l', { target: '/home/u/t' })
    const { message, hint } = explain(ctx)
    expect(message).toContain('different filesystems')
    expect(hint).toContain('`fallback: symlink`')
    expect(hint).toContain('`fallback: copy`')
    expect(isCapabilityFailure(ctx)).toBe(true)
  })

  it('gives a different hint for a directory, a file and a link in the way (EEXIST)', () => {
    const hint = (existing: 'dir' | 'file' | 'link') =>
      explain(failed('EEXIST', 'symlink', '/data/l', { existing })).hint
    expect(hint('dir')).toContain('remove the directory')
    expect(hint('dir')).not.toContain('overwrite')
    expect(hint('file')).toContain('`overwrite: files`')
    expect(hint('link')).toContain('`overwrite: links`')
    expect(new Set([hint('dir'), hint('file'), hint('link')]).size).toBe(3)
  })

  it('explains EROFS with the way to remount', () => {
    const { message, hint } = explain(failed('EROFS', 'symlink', '/mnt/usb/l'))
    expect(message).toContain('fuseblk mounted at /mnt/usb from /dev/loop0')
    expect(message).toContain('read-only')
    expect(hint).toContain('mount -o remount,rw')
  })

  it('explains ENOTCONN on a share whose sshfs process is gone', () => {
    const { message, hint } = explain(failed('ENOTCONN', 'symlink', '/mnt/share/l'))
    expect(message).toContain('fuse.sshfs mounted at /mnt/share')
    expect(message).toContain('disconnected')
    expect(hint).toContain('fusermount -u')
  })

  it('says so when the filesystem is unknown', () => {
    const ctx = {
      ...failed('EACCES', 'symlink', '/x/l'),
      filesystem: createDetector(linux, { mountTable: () => '' }).forPath('/x/l')
    }
    expect(explain(ctx).message).toContain('from symlink() on a filesystem of unknown type.')
  })

  it.each([
    ['ENOSYS', 'symlink', '/data/l'],
    ['ENOSYS', 'hardlink', '/data/l'],
    ['ENOTSUP', 'symlink', '/data/l'],
    ['ENOTSUP', 'hardlink', '/data/l'],
    ['EXDEV', 'hardlink', '/data/l'],
    ['EMLINK', 'hardlink', '/data/l'],
    ['EPERM', 'hardlink', '/data/l']
  ] as const)('%s from a %s is a capability failure: fallback may try another kind', (code, kind, path) => {
    expect(isCapabilityFailure(failed(code, kind, path))).toBe(true)
  })

  it.each([
    ['EEXIST', 'symlink'],
    ['ENOENT', 'hardlink'],
    ['EACCES', 'symlink'],
    ['EROFS', 'hardlink'],
    ['ENOSPC', 'symlink'],
    ['ETIMEDOUT', 'symlink'],
    ['EPERM', 'symlink']
  ] as const)('%s from a %s on ext4 is not a capability failure', (code, kind) => {
    expect(isCapabilityFailure(failed(code, kind, '/home/u/l', { existing: 'link' }))).toBe(false)
  })

  it.each([
    ['fuse.sshfs', 'sshfs'],
    ['fuseblk', 'fuse'],
    ['fuse.fusefat', 'fat'],
    ['fuse.exfat', 'exfat'],
    ['exFAT', 'exfat'],
    ['msdos', 'fat'],
    ['NTFS', 'ntfs'],
    ['fuse.ntfs-3g', 'ntfs'],
    ['nfs4', 'nfs'],
    ['cifs', 'smb'],
    ['smbfs', 'smb'],
    ['virtiofs', '9p'],
    ['overlay', 'overlay'],
    ['ext4', 'local'],
    ['apfs', 'local'],
    ['ReFS', 'refs'],
    ['FAT32', 'fat'],
    ['hfs', 'local'],
    ['macfuse', 'fuse'],
    ['osxfuse', 'fuse'],
    ['zonefs', 'unknown']
  ])('familyOf(%s) is %s', (type, family) => {
    expect(familyOf(type)).toBe(family)
  })
})

describe('what mountinfo does not say', () => {
  const table = [
    '40 1 0:50 / /mnt/share rw,nosuid,nodev,relatime shared:7 - fuse.sshfs u@host:/data rw,user_id=0,group_id=0',
    '41 1 7:1 / /mnt/usb rw,relatime shared:8 - fuseblk /dev/loop1 rw,user_id=0,group_id=0,allow_other'
  ].join('\n')
  const sshfsArgv = [
    'sshfs',
    '-f',
    '-o',
    'reconnect,follow_symlinks',
    '-odisable_hardlink',
    'u@host:/data',
    '/mnt/share'
  ]

  it('reads the options of the sshfs process serving the mount, once', () => {
    const processArgs = jest.fn(() => [['bash'], ['sshfs', 'x@y:/', '/mnt/other', '-o', 'idmap=user'], sshfsArgv])
    const detector = createDetector(linux, { mountTable: () => table, processArgs, blockDeviceType: () => undefined })
    expect(detector.forPath('/mnt/share/a').options).toEqual(
      expect.arrayContaining(['rw', 'nosuid', 'reconnect', 'follow_symlinks', 'disable_hardlink'])
    )
    expect(detector.forPath('/mnt/share/b').options).not.toContain('idmap=user')
    expect(processArgs).toHaveBeenCalledTimes(1)
  })

  it('takes a share it is told about as given, and asks about the other mounts', () => {
    const processArgs = jest.fn(() => [sshfsArgv])
    const blockDeviceType = jest.fn(() => 'exfat')
    const share = { type: 'fuse.sshfs', mountPoint: '/mnt/share', source: 'u@host:/data', options: ['follow_symlinks'] }
    const detector = createDetector(linux, { mountTable: () => table, processArgs, blockDeviceType }, [share])
    expect(detector.forPath('/mnt/share/a')).toEqual(share)
    expect(processArgs).not.toHaveBeenCalled()
    expect(detector.forPath('/mnt/usb/x')).toMatchObject({ type: 'exfat', mountPoint: '/mnt/usb' })
  })

  it.each([
    ['a relative mount point', ['sshfs', 'u@host:/data', './share', '-o', 'follow_symlinks']],
    ['a slash-terminated one', ['sshfs', 'u@host:/data', '/mnt/share/', '-o', 'follow_symlinks']]
  ])('finds the sshfs process given %s', (_, argv) => {
    const detector = createDetector(linux, {
      mountTable: () => table,
      processArgs: () => [['sshfs', 'u@other:/', './elsewhere', '-o', 'disable_hardlink'], argv],
      blockDeviceType: () => undefined
    })
    expect(detector.forPath('/mnt/share/a').options).toContain('follow_symlinks')
    expect(detector.forPath('/mnt/share/a').options).not.toContain('disable_hardlink')
  })

  it('resolves fuseblk to the format on its block device, and keeps fuseblk when that cannot be read', () => {
    const blockDeviceType = jest.fn((device: string) => (device === '/dev/loop1' ? 'exfat' : undefined))
    expect(
      createDetector(linux, { mountTable: () => table, processArgs: () => [], blockDeviceType }).forPath('/mnt/usb/x')
        .type
    ).toBe('exfat')
    expect(blockDeviceType).toHaveBeenCalledWith('/dev/loop1')
    const unreadable = createDetector(linux, {
      mountTable: () => table,
      processArgs: () => [],
      blockDeviceType: () => undefined
    })
    expect(unreadable.forPath('/mnt/usb/x').type).toBe('fuseblk')
  })

  it('never fails the step when reading processes throws', () => {
    const detector = createDetector(linux, {
      mountTable: () => table,
      processArgs: () => {
        throw new Error('EACCES')
      }
    })
    expect(detector.forPath('/mnt/share/a')).toMatchObject({ type: 'fuse.sshfs', mountPoint: '/mnt/share' })
  })
})

describe("a FUSE daemon's command line, as the lab's daemons are started (lab/lab.sh)", () => {
  const LAB = '/tmp/ln-action-lab'
  const ROOT_LINE = '27 1 254:0 / / rw,relatime - ext4 /dev/vda rw'
  /** A FUSE mount's mountinfo line: the options every one of them has here, and nothing of its daemon's. */
  const fuse = (id: number, point: string, type: string, source: string): string =>
    `${id} 27 0:${id} / ${point} rw,nosuid,nodev,relatime shared:${id} - ${type} ${source} rw,user_id=0,group_id=0`
  const MOUNT_OPTIONS = ['rw', 'nosuid', 'nodev', 'relatime', 'user_id=0', 'group_id=0']
  // A detector per question: one shared by the tests would answer later tests from what an earlier one looked up.
  const detect = (lines: string[], processes: string[][], more: Partial<MountSources> = {}) =>
    createDetector(linux, {
      mountTable: () => [ROOT_LINE, ...lines].join('\n'),
      processArgs: () => processes,
      blockDeviceType: () => undefined,
      ...more
    })
  /** The options at a path, as a set: the mount's own, then its daemon's, each once, in no order that matters. */
  const optionsAt = (lines: string[], processes: string[][], at: string) =>
    new Set(detect(lines, processes).forPath(at).options)
  const withMount = (...own: string[]) => new Set([...MOUNT_OPTIONS, ...own])

  const sshfs = (name: string, extra: string) => [
    'sshfs',
    '-f',
    '-o',
    `ssh_command=${LAB}/run/ssh-wrap,dir_cache=no${extra}`,
    `root@127.0.0.1:${LAB}/server/${name}`,
    `${LAB}/mnt/${name}`
  ]

  it('gives each sshfs mount the options of its own process, and only those', () => {
    // sshfs's argv[0] is `sshfs`, as the lab's mount point mnt/sshfs ends: a program's name names no mount point.
    const lines = ['sshfs', 'sshfs-nohardlink'].map((name, i) => fuse(60 + i, `${LAB}/mnt/${name}`, 'fuse.sshfs', 'x'))
    const processes = [sshfs('sshfs-nohardlink', ',disable_hardlink'), sshfs('sshfs', '')]
    const own = [`ssh_command=${LAB}/run/ssh-wrap`, 'dir_cache=no']
    expect(optionsAt(lines, processes, `${LAB}/mnt/sshfs/l`)).toEqual(withMount(...own))
    expect(optionsAt(lines, processes, `${LAB}/mnt/sshfs-nohardlink/l`)).toEqual(withMount(...own, 'disable_hardlink'))
  })

  it.each([
    ['-o follow_symlinks', ['-o', 'follow_symlinks']],
    ['-ofollow_symlinks', ['-ofollow_symlinks']],
    ['-o reconnect,follow_symlinks', ['-o', 'reconnect,follow_symlinks']]
  ])("reads sshfs's %s", (_, given) => {
    const lines = [fuse(61, '/mnt/share', 'fuse.sshfs', 'runner@build-one:/srv')]
    const argv = ['sshfs', 'runner@build-one:/srv', '/mnt/share', ...given]
    const expected = given.join(',').replace(/^-o,?/, '').split(',')
    expect(optionsAt(lines, [argv], '/mnt/share/l')).toEqual(withMount(...expected))
  })

  it("reads s3fs's -o options and rclone's flags as the lab starts them", () => {
    const lines = [
      fuse(62, `${LAB}/mnt/s3`, 'fuse.s3fs', 's3fs'),
      fuse(63, `${LAB}/mnt/rclone-links`, 'fuse.rclone', `local{b6816}:${LAB}/server/rclone-links`)
    ]
    const processes = [
      [
        's3fs',
        'lab',
        `${LAB}/mnt/s3`,
        '-o',
        `url=http://127.0.0.1:9000,use_path_request_style,passwd_file=${LAB}/run/s3.passwd`
      ],
      // lab.sh: rclone --config /dev/null mount --daemon --cache-dir DIR OPTIONS... SOURCE MOUNT-POINT
      [
        'rclone',
        '--config',
        '/dev/null',
        'mount',
        '--daemon',
        '--cache-dir',
        `${LAB}/run/rclone-rclone-links`,
        '--links',
        '--vfs-cache-mode',
        'off',
        `${LAB}/server/rclone-links`,
        `${LAB}/mnt/rclone-links`
      ]
    ]
    expect(optionsAt(lines, processes, `${LAB}/mnt/s3/l`)).toEqual(
      withMount('url=http://127.0.0.1:9000', 'use_path_request_style', `passwd_file=${LAB}/run/s3.passwd`)
    )
    expect(optionsAt(lines, processes, `${LAB}/mnt/rclone-links/l`)).toEqual(
      withMount('config=/dev/null', 'daemon', `cache-dir=${LAB}/run/rclone-rclone-links`, 'links', 'vfs-cache-mode=off')
    )
  })

  it.each([
    [
      '-l, --vfs-cache-mode=writes, and -- before the paths',
      ['-l', '--vfs-cache-mode=writes', '--', '/srv/rc', '/mnt/rc']
    ],
    ['--links last, after the paths', ['--vfs-cache-mode', 'writes', '/srv/rc', '/mnt/rc', '--links']],
    ['a flag before another (--daemon -l)', ['--daemon', '-l', '--vfs-cache-mode', 'writes', '/srv/rc', '/mnt/rc']]
  ])("reads rclone's links and vfs-cache-mode=writes given %s", (_, args) => {
    const lines = [fuse(64, '/mnt/rc', 'fuse.rclone', 'local{b6816}:/srv/rc')]
    const daemon = args.includes('--daemon') ? ['daemon'] : []
    expect(optionsAt(lines, [['rclone', 'mount', ...args]], '/mnt/rc/l')).toEqual(
      withMount(...daemon, 'links', 'vfs-cache-mode=writes')
    )
  })

  it.each([
    ['relative, as ./share', './share', '/home/u/share'],
    ['relative, as share', 'share', '/home/u/share'],
    ['below a directory named ..cache', '..cache/share', '/home/u/..cache/share'],
    ['with a trailing slash', '/mnt/share/', '/mnt/share'],
    ['with two trailing slashes', '/mnt/share//', '/mnt/share'],
    ['the same path through ./', '/mnt/./share', '/mnt/share']
  ])('finds the daemon that names its mount point %s', (_, typed, mountPoint) => {
    const lines = [fuse(65, mountPoint, 'fuse.sshfs', 'u@h:/data')]
    const processes = [['sshfs', 'u@h:/data', typed, '-o', 'follow_symlinks']]
    expect(optionsAt(lines, processes, `${mountPoint}/l`)).toEqual(withMount('follow_symlinks'))
  })

  it.each([
    ['up a directory', '../share'],
    ['as the directory it runs in', '.'],
    ['as its parent', '..'],
    ['as an empty word', ''],
    ['in an option that looks like a name (/srv/-f)', '-f']
  ])('takes no daemon for a mount it names only %s', (_, typed) => {
    const point = typed === '-f' ? '/srv/-f' : '/home/u/share'
    const lines = [fuse(66, point, 'fuse.sshfs', 'u@h:/data')]
    const processes = [
      ['sshfs', '-o', 'disable_hardlink', 'u@other:/x', typed],
      ['sshfs', '-o', 'follow_symlinks', 'u@h:/data', point]
    ]
    expect(optionsAt(lines, processes, `${point}/l`)).toEqual(withMount('follow_symlinks'))
  })

  it('takes the process of the named daemon, not another FUSE daemon that names the mount (a bindfs view of it)', () => {
    const lines = [fuse(67, '/mnt/share', 'fuse.sshfs', 'u@h:/data'), fuse(68, '/mnt/view', 'fuse', '/mnt/share')]
    const processes = [
      ['bindfs', '-o', 'ro', '/mnt/share', '/mnt/view'],
      ['sshfs', 'u@h:/data', '/mnt/share', '-o', 'follow_symlinks']
    ]
    const detector = detect(lines, processes)
    expect(detector.forPath('/mnt/share/l')).toEqual({
      type: 'fuse.sshfs',
      mountPoint: '/mnt/share',
      source: 'u@h:/data',
      options: [...withMount('follow_symlinks')]
    })
    expect(detector.forPath('/mnt/view/l')).toMatchObject({ type: 'fuse.bindfs', driver: 'fuse', source: '/mnt/share' })
    expect(new Set(detector.forPath('/mnt/view/l').options)).toEqual(withMount('ro'))
  })

  it('names a bare fuse mount by the known daemon serving it, not by any process that names its mount point', () => {
    const lines = [fuse(69, `${LAB}/mnt/bindfs`, 'fuse', `${LAB}/server/bindfs`)]
    const du = ['du', '-sh', `${LAB}/mnt/bindfs`]
    const bindfs = ['/usr/bin/bindfs', `${LAB}/server/bindfs`, `${LAB}/mnt/bindfs`]
    expect(detect(lines, [du, bindfs]).forPath(`${LAB}/mnt/bindfs/l`)).toMatchObject({
      type: 'fuse.bindfs',
      driver: 'fuse'
    })
    const unknown = detect(lines, [du]).forPath(`${LAB}/mnt/bindfs/l`)
    expect(unknown.type).toBe('fuse')
    expect(unknown).not.toHaveProperty('driver')
  })

  it("names davfs2's mount by its URL source, and reads mount.davfs's own options", () => {
    const lines = [fuse(70, `${LAB}/mnt/webdav`, 'fuse', 'http://127.0.0.1:8080/')]
    const davfs = [
      '/usr/sbin/mount.davfs',
      '-o',
      `conf=${LAB}/run/davfs2.conf`,
      'http://127.0.0.1:8080/',
      `${LAB}/mnt/webdav`
    ]
    const info = detect(lines, [davfs]).forPath(`${LAB}/mnt/webdav/l`)
    expect(info).toMatchObject({ type: 'fuse.davfs', driver: 'fuse', source: 'http://127.0.0.1:8080/' })
    expect(new Set(info.options)).toEqual(withMount(`conf=${LAB}/run/davfs2.conf`))
    expect(detect(lines, []).forPath(`${LAB}/mnt/webdav/l`).type).toBe('fuse.davfs')
  })

  it('takes a fuse.NAME mount to be served by NAME, even with a URL for its source (rclone --devname)', () => {
    const lines = [fuse(72, '/mnt/rc', 'fuse.rclone', 'https://dav.example/')]
    const rclone = ['rclone', 'mount', '--links', '--devname', 'https://dav.example/', 'dav:', '/mnt/rc']
    const info = detect(lines, [rclone]).forPath('/mnt/rc/l')
    expect(info.type).toBe('fuse.rclone')
    expect(info.options).toContain('links')
  })

  it('keeps the type of a fuse.NAME mount: the daemon does not rename it', () => {
    const lines = [fuse(71, `${LAB}/mnt/smb1`, 'fuse.smbnetfs', 'smbnetfs')]
    const info = detect(lines, [['smbnetfs', `${LAB}/mnt/smb1`]]).forPath(`${LAB}/mnt/smb1/127.0.0.1/lab/l`)
    expect(info).toEqual({
      type: 'fuse.smbnetfs',
      mountPoint: `${LAB}/mnt/smb1`,
      source: 'smbnetfs',
      options: MOUNT_OPTIONS
    })
  })

  it('asks no daemon about a kernel mount, even one a FUSE daemon names as its source', () => {
    const processArgs = jest.fn(() => [['bindfs', '/data', '/mnt/view']])
    const detector = detect(['70 27 253:1 / /data rw,noatime - xfs /dev/vdb1 rw,attr2'], [], { processArgs })
    expect(detector.forPath('/data/l')).toEqual({
      type: 'xfs',
      mountPoint: '/data',
      source: '/dev/vdb1',
      options: ['rw', 'noatime', 'attr2']
    })
    expect(processArgs).not.toHaveBeenCalled()
  })

  it("asks blkid about a fuseblk mount's device only: never about a kernel mount's, nor what is no device path", () => {
    const formats: Record<string, string> = {
      '/dev/vda': 'ext4',
      '/dev/vdb1': 'xfs',
      '/dev/loop1': 'exfat',
      disk: 'exfat'
    }
    const blockDeviceType = jest.fn((device: string) => formats[device])
    const detector = detect(
      [
        '70 27 253:1 / /data rw,noatime - xfs /dev/vdb1 rw',
        '72 27 7:1 / /mnt/usb rw,relatime - fuseblk /dev/loop1 rw,user_id=0,group_id=0,allow_other',
        '73 27 7:2 / /mnt/img rw,relatime - fuseblk disk rw,user_id=0,group_id=0,allow_other'
      ],
      [],
      { blockDeviceType }
    )
    expect(detector.forPath('/mnt/usb/l')).toMatchObject({ type: 'exfat', driver: 'fuseblk', source: '/dev/loop1' })
    expect(detector.forPath('/data/l')).toEqual({
      type: 'xfs',
      mountPoint: '/data',
      source: '/dev/vdb1',
      options: ['rw', 'noatime']
    })
    expect(detector.forPath('/l')).not.toHaveProperty('driver')
    expect(detector.forPath('/mnt/img/l')).toMatchObject({ type: 'fuseblk', source: 'disk' })
    expect(blockDeviceType.mock.calls).toEqual([['/dev/loop1']])
  })
})

describe('the shares CI jobs mount, from their mountinfo lines (recorded in the lab)', () => {
  const table = [
    '27 1 254:0 / / rw,relatime - ext4 /dev/vda rw',
    '90 27 0:40 / /mnt/bindfs rw,nosuid,nodev,relatime - fuse /srv/b rw,user_id=0,group_id=0,allow_other',
    '91 27 254:0 /srv/bound /mnt/bind rw,relatime - ext4 /dev/vda rw',
    '92 27 0:46 / /mnt/dav rw,nosuid,nodev,relatime - fuse http://127.0.0.1:8080/ rw,user_id=0,max_read=16384',
    '93 27 0:45 / /mnt/rc rw,nosuid,nodev,relatime - fuse.rclone local{b6816}:/srv/rc rw,user_id=0,group_id=0',
    '94 27 0:48 / /mnt/smb rw,nosuid,nodev,relatime - fuse.smbnetfs smbnetfs rw,user_id=0,group_id=0',
    '95 27 0:47 / /mnt/s3 rw,nosuid,nodev,relatime - fuse.s3fs s3fs rw,user_id=0,group_id=0'
  ].join('\n')
  const processes = [
    ['bindfs', '/srv/b', '/mnt/bindfs'],
    ['rclone', 'serve', 'webdav', '/srv/dav', '--addr', '127.0.0.1:8080'],
    ['rclone', '--config', '/dev/null', 'mount', '--daemon', '-l', '--vfs-cache-mode', 'writes', '/srv/rc', '/mnt/rc'],
    ['s3fs', 'lab', '/mnt/s3', '-o', 'url=http://127.0.0.1:9000,use_path_request_style']
  ]
  // A detector per question: one shared by the tests would answer later tests from what an earlier one looked up.
  const at = (p: string): FilesystemInfo =>
    createDetector(linux, { mountTable: () => table, processArgs: () => processes }).forPath(p)
  const failure = (code: string, syscall: string, p: string): FailureContext => ({
    failure: { code, errno: errnoNumber(code) ?? undefined, syscall, attempted: 'create the link' },
    kind: syscall === 'link' ? 'hardlink' : 'symlink',
    path: p,
    target: `${p}-target`,
    filesystem: at(p),
    platform: linux,
    targetExists: true,
    targetIsDir: false
  })

  it.each([
    ['/mnt/bindfs/x', 'fuse.bindfs', 'bindfs'],
    ['/mnt/dav/x', 'fuse.davfs', 'webdav'],
    ['/mnt/rc/x', 'fuse.rclone', 'rclone'],
    ['/mnt/smb/127.0.0.1/lab/x', 'fuse.smbnetfs', 'smb'],
    ['/mnt/s3/x', 'fuse.s3fs', 's3']
  ])('%s is %s (%s), a share that can hang', (p, type, family) => {
    expect(at(p).type).toBe(type)
    expect(familyOf(at(p).type)).toBe(family)
    expect(canHang(at(p))).toBe(true)
  })

  it("reads rclone's and s3fs's own options from their command lines", () => {
    expect(at('/mnt/rc/x').options).toEqual(expect.arrayContaining(['links', 'vfs-cache-mode=writes']))
    expect(at('/mnt/s3/x').options).toContain('use_path_request_style')
  })

  it('names a kernel bind mount by its root field and keeps it in process', () => {
    expect(at('/mnt/bind/x')).toMatchObject({ type: 'ext4', root: '/srv/bound' })
    expect(canHang(at('/mnt/bind/x'))).toBe(false)
    expect(at('/x').root).toBeUndefined()
  })

  it('blames EPERM from link() on FUSE on the filesystem, not on fs.protected_hardlinks', () => {
    const ctx = failure('EPERM', 'link', '/mnt/dav/l')
    expect(explain(ctx).message).toMatch(/WebDAV/)
    expect(explain(ctx).message).not.toMatch(/protected_hardlinks/)
    expect(isCapabilityFailure(ctx)).toBe(true)
  })

  it('drops from a hint the alternatives that name a kind a probe saw fail, and only those', () => {
    // The kinds each alternative suggests are data beside its words, as the rows give them.
    const advice: Advice[] = [
      { text: 'Mount with `-o mfsymlinks`.', kinds: [] },
      { text: 'Or add `fallback: hardlink` (files only).', kinds: ['hardlink'] },
      { text: 'Or make a copy (`fallback: copy`).', kinds: ['copy'] }
    ]
    const words = advice.map(({ text }) => text)
    expect(hintAfterProbe(advice, [])).toBe(words.join(' '))
    expect(hintAfterProbe(advice, ['hardlink'])).toBe('Mount with `-o mfsymlinks`. Or make a copy (`fallback: copy`).')
    expect(hintAfterProbe(advice.slice(1), ['hardlink'])).toBe('Make a copy (`fallback: copy`).')
    expect(hintAfterProbe([{ text: 'Add `fallback: symlink, copy`.', kinds: ['symlink', 'copy'] }], ['symlink'])).toBe(
      ''
    )
  })

  it("reads rclone's EIO as no links there, so fallback may copy", () => {
    const ctx = failure('EIO', 'symlink', '/mnt/rc/l')
    expect(isCapabilityFailure(ctx)).toBe(true)
    expect(explain(ctx).hint).toContain('fallback: copy')
  })
})
