// Which family a mount belongs to, by the type name Linux's mountinfo, macOS's `mount` and Windows' DriveInfo give
// it, and what that decides for its links: on a share (a FUSE daemon or a server behind it) each link made is read
// back before it is believed (misreports) and the work runs in a child process that can be killed (canHang); on a
// local filesystem neither. And what a failure's message says the filesystem is.
import { describe, expect, it } from '@jest/globals'
import { canHang, familyOf, misreports, quirksOf, type Family } from '../src/families.js'
import { explain, type FailureContext } from '../src/knowledge.js'
import type { FilesystemInfo } from '../src/model.js'
import { platformFor } from '../src/platform.js'

const mounted = (type: string, source = 'server:/export'): FilesystemInfo => ({
  type,
  mountPoint: '/mnt/x',
  source,
  options: []
})

/**
 * Shares, by the names mount tables really give them. Linux: the `name` of the kernel's file_system_type (fs/nfs,
 * fs/smb/client, fs/vboxsf, fs/9p, fs/fuse/virtio_fs.c); for FUSE, `fuse.` + the subtype the daemon mounts with
 * (fs/fuse/inode.c), or, where mountinfo says bare `fuse` (davfs2, bindfs), `fuse.` + the daemon src/mounts.ts finds
 * serving the mount, as the lab recorded them (lab/FINDINGS.md, __tests__/mounts.test.ts). macOS: `mount` output
 * (__tests__/fixtures/macos-mount.txt; `osxfuse` is macFUSE before 4.0). Windows: a network drive, which
 * src/mounts-windows.ts names `smb` whatever its DriveFormat.
 */
const SHARES: [type: string, family: Family][] = [
  ['nfs', 'nfs'],
  ['nfs4', 'nfs'],
  ['cifs', 'smb'],
  ['smb3', 'smb'],
  ['fuse.smbnetfs', 'smb'],
  ['fuse.davfs', 'webdav'],
  ['vboxsf', 'vboxsf'],
  ['9p', '9p'],
  ['virtiofs', '9p'],
  ['fuse.bindfs', 'bindfs'],
  ['fuse.fuse-overlayfs', 'fuse-overlayfs'],
  ['fuse.sshfs', 'sshfs'],
  ['fuse.s3fs', 's3'],
  ['fuse.rclone', 'rclone'],
  // GNOME's gvfs (/run/user/UID/gvfs): a daemon no row knows, a FUSE share all the same.
  ['fuse.gvfsd-fuse', 'fuse'],
  // Bare `fuse` where the daemon's process could not be found, `fuseblk` where blkid could not name the format.
  ['fuse', 'fuse'],
  ['fuseblk', 'fuse'],
  ['smbfs', 'smb'],
  ['macfuse', 'fuse'],
  ['osxfuse', 'fuse'],
  ['smb', 'smb']
]

/**
 * Local filesystems: Linux's ext4, xfs, btrfs, tmpfs, overlay (kernel overlayfs, a container's root), ntfs3, exfat and
 * vfat (in-kernel drivers); macOS's apfs and hfs; the DriveFormat .NET's DriveInfo gives on Windows (the volume's file
 * system name: __tests__/fixtures/windows-driveinfo.txt).
 */
const LOCAL: [type: string, family: Family][] = [
  ['ext4', 'local'],
  ['xfs', 'local'],
  ['btrfs', 'local'],
  ['tmpfs', 'local'],
  ['overlay', 'overlay'],
  ['ntfs3', 'ntfs'],
  ['exfat', 'exfat'],
  ['vfat', 'fat'],
  ['apfs', 'local'],
  ['hfs', 'local'],
  ['NTFS', 'ntfs'],
  ['ReFS', 'refs'],
  ['FAT32', 'fat'],
  ['exFAT', 'exfat']
]

describe('shares, by the names mount tables give them', () => {
  it.each(SHARES)('%s is %s: each link is read back, and the work done in a child process', (type, family) => {
    expect(familyOf(type)).toBe(family)
    expect(misreports(mounted(type))).toBe(true)
    expect(canHang(mounted(type))).toBe(true)
  })
})

// A FUSE block filesystem is named by its format once blkid has told it (mounts.ts): exfat-fuse and ntfs-3g are still
// daemons that can hang, unlike the kernels' own exfat and ntfs3 (LOCAL below).
describe('formats served by a FUSE daemon (driver fuseblk)', () => {
  it.each(['exfat', 'ntfs'])('%s through fuseblk: the work done in a child process', (type) => {
    expect(canHang({ ...mounted(type, '/dev/loop0'), driver: 'fuseblk' })).toBe(true)
  })
})

describe('local filesystems', () => {
  it.each(LOCAL)('%s is %s: a success is believed, and the work done in process', (type, family) => {
    expect(familyOf(type)).toBe(family)
    expect(misreports(mounted(type, '/dev/sda1'))).toBe(false)
    expect(canHang(mounted(type, '/dev/sda1'))).toBe(false)
  })
})

/** What a mount's link calls answer, as a dry run reads it: the errnos, or `unknown` where the table has none. */
const callsOf = (fs: FilesystemInfo): string => {
  const calls = quirksOf(fs).calls
  return calls ? `${calls.on}: symlink ${calls.symlink ?? 'ok'}, link ${calls.link ?? 'ok'}` : 'unknown'
}

describe('what link calls answer, as the lab measured them (a dry run predicts from it)', () => {
  it.each([
    [{ ...mounted('exfat'), driver: 'fuseblk' }, 'linux: symlink ENOSYS, link EPERM'],
    [mounted('fuse.fusefat'), 'linux: symlink ENOSYS, link EPERM'],
    [mounted('fuse.smbnetfs'), 'linux: symlink ENOSYS, link EPERM'],
    [mounted('fuse.rclone'), 'linux: symlink EIO, link EIO'],
    [mounted('fuse.s3fs'), 'linux: symlink ok, link ENOTSUP'],
    [mounted('fuse.sshfs'), 'linux: symlink ok, link ok'],
    [{ ...mounted('fuse.sshfs'), options: ['rw', 'disable_hardlink'] }, 'linux: symlink ok, link EPERM'],
    [{ ...mounted('fuse.sshfs'), options: ['constructor'] }, 'linux: symlink ok, link ok'],
    [mounted('ext4'), 'linux: symlink ok, link ok'],
    // Measured only through FUSE daemons: the kernels' own drivers, and SMB's kernel client, are not known.
    [mounted('exfat'), 'unknown'],
    [mounted('vfat'), 'unknown'],
    [mounted('cifs'), 'unknown'],
    [mounted('nfs4'), 'unknown']
  ])('%j: %s', (fs, answers) => {
    expect(callsOf(fs)).toBe(answers)
  })
})

describe('a family is known by the whole of its name', () => {
  it.each([
    // Linux's nfsd filesystem (/proc/fs/nfsd), the NFS server's control files: local, not an NFS mount.
    ['nfsd', 'unknown', false],
    // libnfs's FUSE client (fuse-nfs mounts with subtype `fuse-nfs` unless told otherwise): a FUSE daemon, not the
    // kernel's NFS client.
    ['fuse.fuse-nfs', 'fuse', true],
    // The FUSE control filesystem (/sys/fs/fuse/connections; Documentation/filesystems/fuse.rst): the kernel's own
    // files, no daemon behind them. Counted as a share, it cost every link of every run a lookup (issue 28).
    ['fusectl', 'unknown', false]
  ] as const)('%s, which holds a family name, is %s', (type, family, share) => {
    expect(familyOf(type)).toBe(family)
    expect(misreports(mounted(type))).toBe(share)
    expect(canHang(mounted(type))).toBe(share)
  })

  // A character before a name, or after it, names another filesystem. FUSE daemons are the exception after the name:
  // `fuse.` is followed by any daemon's name.
  const names = [...SHARES, ...LOCAL]
  it.each(names)('x%s is not %s', (type, family) => {
    expect(familyOf(`x${type}`)).not.toBe(family)
  })

  it.each(names.filter(([, family]) => family !== 'fuse'))('%sx is not %s', (type, family) => {
    expect(familyOf(`${type}x`)).not.toBe(family)
  })
})

describe('a failure on a share names the family in its message', () => {
  // EREMOTEIO: an errno no row explains, so the filesystem's own description is all that names the family.
  const failure = (type: string, source: string): FailureContext => ({
    failure: { code: 'EREMOTEIO', syscall: 'symlink', attempted: 'create the symbolic link' },
    kind: 'symlink',
    path: '/mnt/x/l',
    target: '/mnt/x/t',
    filesystem: mounted(type, source),
    platform: platformFor('linux'),
    targetExists: true,
    targetIsDir: false
  })

  it.each([
    ['fuse.s3fs', 's3fs', /\bS3\b/],
    ['fuse.davfs', 'http://127.0.0.1:8080/', /\bWebDAV\b/]
  ])('EREMOTEIO on %s (from %s) says which share that is', (type, source, family) => {
    const { message, hint } = explain(failure(type, source))
    expect(hint).toBe('') // no row matched: had one, its meaning could be what names the family
    expect(message).toMatch(/EREMOTEIO/)
    expect(message).toMatch(family)
  })
})
