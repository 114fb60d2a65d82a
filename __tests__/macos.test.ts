// macOS through the platform seam: the mount table as `mount` prints it (firmlinks into the Data volume included),
// what its errors mean for a link (hard links on msdos/exfat/smbfs, directory hard links on APFS, 32,767 links),
// and APFS comparing names without case or Unicode form. Apply runs on this machine's filesystem with the errno
// macOS gives injected.
import { describe, expect, it, jest } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { applyLink } from '../src/apply/index.js'
import { nodeFs, type FsOps } from '../src/fsops.js'
import { canHang, familyOf } from '../src/families.js'
import { explain, isCapabilityFailure, type FailureContext } from '../src/knowledge.js'
import { kindWords, type FilesystemInfo, type Kind, type LinkOptions } from '../src/model.js'
import type { MountSources } from '../src/mount-sources.js'
import { DATA_VOLUME, firmlinkPaths, parseMacMounts } from '../src/mounts-macos.js'
import { planAll } from '../src/plan/index.js'
import { platformFor } from '../src/platform.js'
import { parseSpec, resolveEntries } from '../src/spec/index.js'
import { ROOT } from '../scripts/run-action.mjs'
import { context, DEFAULTS, errnoError, requests, tempDir } from './helpers/stage.js'
import { describePosix } from './helpers/action.js'

// Hermetic: whatever this machine would say about its mounts is refused, so a detector that merged it (on a Mac
// runner: the runner's own /usr/share/firmlinks instead of the list under test) fails here on every OS.
const notThisMachine = (): never => {
  throw new Error("a macOS test read this machine's mount sources: hand the detector every source")
}
jest.unstable_mockModule('../src/mount-sources.js', () => ({
  systemSources: (): MountSources => ({
    mountTable: notThisMachine,
    blockDeviceType: notThisMachine,
    processArgs: notThisMachine,
    driveInfo: notThisMachine,
    firmlinks: notThisMachine
  })
}))
const { createDetector } = await import('../src/mounts.js')

const darwin = platformFor('darwin')
const linux = platformFor('linux')

/**
 * A macOS detector on a recorded `mount` table; firmlinks undefined means /usr/share/firmlinks cannot be read, so the
 * list macOS 15 ships (mounts-macos.ts) is the one under test. The Linux-only sources answer nothing.
 */
const macDetector = (mountTable: () => string, firmlinks: () => string | undefined = () => undefined) =>
  createDetector(darwin, {
    mountTable,
    firmlinks,
    blockDeviceType: () => undefined,
    processArgs: () => [],
    driveInfo: () => undefined
  })

/** `mount` as macOS 15 prints it on an Apple-silicon runner, plus a disk image, shares and external disks. */
const MOUNT = fs.readFileSync(path.join(ROOT, '__tests__', 'fixtures', 'macos-mount.txt'), 'utf8')
const mounts = parseMacMounts(MOUNT)
const detector = macDetector(() => MOUNT)

/** What macOS's link(2) returns on msdos/exfat/smbfs: ENOTSUP, which is 45 there (95 on Linux). */
const DARWIN_ENOTSUP = 45

describe('parseMacMounts', () => {
  it('reads every line of the table (the autofs mount inside the Data volume under both its paths)', () => {
    expect(mounts).toHaveLength(MOUNT.trim().split('\n').length + 1)
    expect(mounts.filter((m) => m.source === 'map auto_home').map((m) => m.mountPoint)).toEqual([
      `${DATA_VOLUME}/home`,
      '/home'
    ])
  })

  it.each([
    ['/', { source: '/dev/disk3s1s1', type: 'apfs', options: ['sealed', 'local', 'read-only', 'journaled', 'ro'] }],
    [DATA_VOLUME, { type: 'apfs', options: ['local', 'journaled', 'nobrowse', 'protect', 'root data'] }],
    ['/System/Volumes/Data/home', { source: 'map auto_home', type: 'autofs' }],
    [
      '/Users/runner/work/_temp/lnfat',
      { source: '/dev/disk4s1', type: 'msdos', options: expect.arrayContaining(['mounted by runner']) }
    ],
    ['/Volumes/builds', { source: '//runner@nas.local/builds', type: 'smbfs' }],
    ['/Volumes/cache', { source: 'nas.local:/export/cache', type: 'nfs' }],
    ['/Volumes/Untitled 1', { type: 'exfat' }],
    ['/Volumes/Backup (2)', { type: 'hfs' }],
    ['/Volumes/Live on Stage', { source: '/dev/disk7s1', type: 'apfs' }],
    ['/Volumes/sshfs', { source: 'runner@host:/srv', type: 'macfuse' }]
  ])('reads the mount at %s', (mountPoint, expected) => {
    expect(mounts.find((m) => m.mountPoint === mountPoint)).toMatchObject({ mountPoint, ...expected })
  })

  it('knows a mount inside the Data volume under its firmlinked path too', () => {
    const table =
      '/dev/disk5s1 on /System/Volumes/Data/Users/runner/mnt (msdos, local, nodev, nosuid, mounted by runner)'
    expect(parseMacMounts(table).map((m) => m.mountPoint)).toEqual([
      '/System/Volumes/Data/Users/runner/mnt',
      '/Users/runner/mnt'
    ])
    const found = macDetector(() => `${MOUNT}\n${table}`)
    expect(found.forPath('/Users/runner/mnt/l')).toMatchObject({ type: 'msdos', mountPoint: '/Users/runner/mnt' })
    expect(found.forPath('/System/Volumes/Data/Users/runner/mnt/l').type).toBe('msdos')
  })

  it('skips what is not a mount line', () => {
    expect(parseMacMounts('\n\nnot a mount\n/dev/x on /y without flags\n')).toEqual([])
  })
})

describe('createDetector on macOS', () => {
  it.each([
    ['/Users/runner/work/repo/l', 'apfs', DATA_VOLUME],
    ['/private/tmp/l', 'apfs', DATA_VOLUME],
    ['/tmp/l', 'apfs', DATA_VOLUME],
    ['/Users/runner/work/_temp/lnfat/l', 'msdos', '/Users/runner/work/_temp/lnfat'],
    ['/users/RUNNER/work/_temp/LNFAT/l', 'msdos', '/Users/runner/work/_temp/lnfat'],
    ['/Volumes/builds/ci/l', 'smbfs', '/Volumes/builds'],
    ['/Volumes/cache/l', 'nfs', '/Volumes/cache'],
    ['/Volumes/Untitled 1/l', 'exfat', '/Volumes/Untitled 1'],
    ['/Volumes/Live on Stage/l', 'apfs', '/Volumes/Live on Stage'],
    ['/Volumes/sshfs/l', 'macfuse', '/Volumes/sshfs']
  ])('puts %s on %s at %s', (absPath, type, mountPoint) => {
    expect(detector.forPath(absPath)).toMatchObject({ type, mountPoint })
  })

  it('puts the workspace on the writable Data volume, not on the sealed read-only system volume above it', () => {
    expect(detector.forPath('/Users/runner/work/repo/l').options).not.toContain('ro')
    expect(familyOf(detector.forPath('/Volumes/builds/l').type)).toBe('smb')
    expect(familyOf(detector.forPath('/Volumes/sshfs/l').type)).toBe('fuse')
  })

  it('keeps / where there is no Data volume (before macOS 10.15)', () => {
    const mojave =
      '/dev/disk1s1 on / (apfs, local, journaled)\n/dev/disk1s4 on /private/var/vm (apfs, local, noexec, journaled, noatime, nobrowse)'
    expect(macDetector(() => mojave).forPath('/Users/me/l')).toMatchObject({
      type: 'apfs',
      mountPoint: '/'
    })
    const readOnlyAlone = macDetector(() => '/dev/disk1s1 on / (apfs, local, read-only)')
    expect(readOnlyAlone.forPath('/Users/me/l').options).toContain('ro')
  })

  it('runs `mount` once, at the first question', () => {
    const mountTable = jest.fn(() => MOUNT)
    const once = macDetector(mountTable)
    expect(mountTable).not.toHaveBeenCalled()
    once.forPath('/Users/a')
    once.forPath('/Volumes/builds/b')
    expect(mountTable).toHaveBeenCalledTimes(1)
  })

  it('says unknown when `mount` gives nothing', () => {
    expect(macDetector(() => '').forPath('/Users/a')).toEqual({
      type: 'unknown',
      mountPoint: '',
      source: '',
      options: []
    })
  })
})

describe('firmlinks: only what really is on the Data volume is mapped to it', () => {
  it.each([
    '/Users/runner/work/repo/l',
    '/USERS/runner/l',
    '/Applications/Tool.app/l',
    '/Library/Caches/l',
    '/System/Library/Caches/l',
    '/opt/homebrew/bin/l',
    '/usr/local/bin/l',
    '/private/var/folders/l',
    '/var/folders/l',
    '/etc/l',
    '/Volumes/l',
    // The rest of macOS 15's /usr/share/firmlinks, the list used when that file cannot be read.
    '/AppleInternal/l',
    '/System/Library/Assets/l',
    '/System/Library/PreinstalledAssets/l',
    '/System/Library/AssetsV2/l',
    '/System/Library/PreinstalledAssetsV2/l',
    '/System/Library/CoreServices/CoreTypes.bundle/Contents/Library/l',
    '/System/Library/Speech/l',
    '/cores/l',
    '/usr/libexec/cups/l',
    '/usr/share/snmp/l'
  ])('%s: the Data volume (behind a firmlink or /private), writable', (absPath) => {
    expect(detector.forPath(absPath)).toMatchObject({ type: 'apfs', mountPoint: DATA_VOLUME })
    expect(detector.forPath(absPath).options).not.toContain('ro')
  })

  it.each(['/usr/bin/l', '/usr/lib/l', '/bin/l', '/sbin/l', '/System/l', '/System/Library/Frameworks/l', '/l'])(
    '%s: the sealed system volume, read-only',
    (absPath) => {
      expect(detector.forPath(absPath)).toMatchObject({ type: 'apfs', mountPoint: '/', source: '/dev/disk3s1s1' })
      expect(detector.forPath(absPath).options).toContain('ro')
    }
  )

  it.each(['/Users', '/Applications', '/usr/local'])('%s itself, a firmlink, is on the Data volume', (absPath) => {
    // A fresh detector: the shared one may have looked up / already, where a firmlink lies lexically.
    const fresh = macDetector(() => MOUNT)
    expect(fresh.forPath(absPath)).toMatchObject({ type: 'apfs', mountPoint: DATA_VOLUME })
  })

  it('reads the firmlinks from /usr/share/firmlinks (PATH, a tab, PATH-IN-DATA), keeping /tmp, /var and /etc', () => {
    const firmlinks = () => '/Users\tUsers\n/Volumes\tVolumes\n'
    const only = macDetector(() => MOUNT, firmlinks)
    expect(only.forPath('/Users/runner/l').mountPoint).toBe(DATA_VOLUME)
    expect(only.forPath('/tmp/l').mountPoint).toBe(DATA_VOLUME)
    expect(only.forPath('/opt/homebrew/l').mountPoint).toBe('/')
    expect(firmlinkPaths('/Users\tUsers\n')).toEqual(['/Users', '/tmp', '/var', '/etc'])
  })

  it('uses the list macOS 15 ships when the file cannot be read', () => {
    expect(firmlinkPaths(undefined)).toEqual(expect.arrayContaining(['/Users', '/private', '/usr/local', '/tmp']))
    expect(firmlinkPaths(undefined)).not.toContain('/usr')
  })
})

describe('FAT and exFAT served by FSKit (macOS 26)', () => {
  // Made from the sources, not recorded: mount(8) prints the `fskit` flag for MNT_EXT_FSKIT
  // (apple-oss-distributions/diskdev_cmds, mount_flags_dir/mount_flags.c and prmount() in mount.tproj/mount.c), and
  // the FSKit msdos module names its volumes `msdos` (msdosfs, msdos_appex/msdosVolume.m, fsTypeName), mounted under
  // /Volumes only.
  const table = fs.readFileSync(path.join(ROOT, '__tests__', 'fixtures', 'macos26-fskit-mount.txt'), 'utf8')
  const fskit = macDetector(() => table)

  it.each([
    ['/Volumes/LNFAT/l', 'msdos', 'fat'],
    ['/Volumes/LNEXFAT/l', 'exfat', 'exfat']
  ])('%s is %s (family %s) served by FSKit, a local disk: not a share', (absPath, type, family) => {
    const info = fskit.forPath(absPath)
    expect(info).toMatchObject({ type, driver: 'fskit', mountPoint: path.posix.dirname(absPath) })
    expect(familyOf(info.type)).toBe(family)
    expect(canHang(info)).toBe(false)
  })

  it('explains ENOTSUP from link() there as on the kext: no hard links, symlink or copy instead', () => {
    // msdos_appex/FATVolume.m: createLinkToItem replies ENOTSUP; symbolic links are supported (emulated).
    const ctx: FailureContext = {
      failure: { code: 'ENOTSUP', errno: DARWIN_ENOTSUP, syscall: 'link', attempted: 'create the hard link' },
      kind: 'hardlink',
      path: '/Volumes/LNFAT/l',
      target: '/Volumes/LNFAT/data.txt',
      filesystem: fskit.forPath('/Volumes/LNFAT/l'),
      platform: darwin,
      targetExists: true,
      targetIsDir: false
    }
    expect(explain(ctx).message).toContain('on msdos mounted at /Volumes/LNFAT from /dev/disk4s1.')
    expect(explain(ctx).hint).toContain('`fallback: copy`')
    expect(isCapabilityFailure(ctx)).toBe(true)
  })

  it('keeps the kext-served volumes without a driver', () => {
    expect(detector.forPath('/Volumes/Untitled 1/l')).not.toHaveProperty('driver')
  })
})

describe('what macOS errors mean', () => {
  function failed(code: string, kind: Kind, absPath: string, more: Partial<FailureContext> = {}): FailureContext {
    return {
      failure: {
        code,
        errno: code === 'ENOTSUP' ? DARWIN_ENOTSUP : 1,
        syscall: kind === 'hardlink' ? 'link' : 'symlink',
        attempted: `create the ${kindWords(kind)}`
      },
      kind,
      path: absPath,
      target: path.posix.join(path.posix.dirname(absPath), 'data.txt'),
      filesystem: detector.forPath(absPath),
      platform: darwin,
      targetExists: true,
      targetIsDir: false,
      ...more
    }
  }

  it.each([
    [
      'msdos (FAT)',
      '/Users/runner/work/_temp/lnfat/l',
      'msdos mounted at /Users/runner/work/_temp/lnfat from /dev/disk4s1'
    ],
    ['exfat', '/Volumes/Untitled 1/l', 'exfat mounted at /Volumes/Untitled 1 from /dev/disk5s1'],
    ['smbfs', '/Volumes/builds/l', 'smbfs mounted at /Volumes/builds from //runner@nas.local/builds']
  ])('ENOTSUP (45) from link() on %s: no hard links there, symlinks or a copy instead', (_, absPath, where) => {
    const ctx = failed('ENOTSUP', 'hardlink', absPath)
    const { message, hint } = explain(ctx)
    expect(message).toContain(`ENOTSUP (errno 45) from link() on ${where}.`)
    expect(message).toContain("macOS's msdos, exfat and smbfs filesystems make no hard links")
    expect(hint).toMatch(/symbolic link \(`type: symlink` or `fallback: symlink`\).*copy \(`fallback: copy`\)/)
    expect(isCapabilityFailure(ctx)).toBe(true)
  })

  it('ENOTSUP from link() on msdos elsewhere keeps the general FAT meaning', () => {
    const ctx = { ...failed('ENOTSUP', 'hardlink', '/Users/runner/work/_temp/lnfat/l'), platform: linux }
    expect(explain(ctx).message).toContain('neither symbolic nor hard links')
  })

  it('EPERM from link() to a directory on APFS: no directory hard links, and no word of junctions', () => {
    const ctx = failed('EPERM', 'hardlink', '/Users/runner/work/repo/l', { targetIsDir: true })
    const { message, hint } = explain(ctx)
    expect(message).toContain('on apfs mounted at /System/Volumes/Data from /dev/disk3s5.')
    expect(message).toContain('APFS has no hard links to directories')
    expect(hint).toBe('Use `type: symlink`, or add `fallback: symlink`.')
    expect(isCapabilityFailure(ctx)).toBe(true)
  })

  it('EMLINK from link(): 32,767 links to one file', () => {
    const { message, hint } = explain(failed('EMLINK', 'hardlink', '/Users/runner/work/repo/l'))
    expect(message).toContain('TARGET already has 32,767 hard links, the most macOS allows for one file.')
    expect(hint).toContain('`fallback: copy`')
  })

  it('EROFS says how macOS remounts read-write', () => {
    const { hint } = explain(failed('EROFS', 'symlink', '/Volumes/Untitled 1/l'))
    expect(hint).toContain('`sudo mount -uw /Volumes/Untitled 1`')
  })
})

describePosix('a hard link on a macOS FAT disk image (msdos), apply on this machine with the errno injected', () => {
  const msdos: FilesystemInfo = {
    type: 'msdos',
    mountPoint: '/Volumes/LNFAT',
    source: '/dev/disk4s1',
    options: ['local', 'nodev', 'nosuid', 'noowners']
  }
  let ws: string
  beforeEach(() => {
    ws = tempDir()
    fs.writeFileSync(path.join(ws, 'data.txt'), 'on FAT')
  })
  afterEach(() => fs.rmSync(ws, { recursive: true, force: true }))

  function apply(spec: string, defaults: Partial<LinkOptions>) {
    const ops: FsOps = {
      ...nodeFs,
      link: () => {
        throw errnoError('ENOTSUP', 'link', -DARWIN_ENOTSUP)
      }
    }
    const ctx = context(ws, { platform: darwin, ops }, msdos)
    return planAll(requests(spec, ws, defaults, darwin), ctx).map((plan) => applyLink(plan, ctx))
  }

  it('fails with ENOTSUP, names msdos, and says to copy; the probe found symlinks working', () => {
    const [result] = apply('hard.txt -> data.txt', { type: 'hardlink' })
    expect(result).toMatchObject({
      status: 'failed',
      code: 'ENOTSUP',
      syscall: 'link',
      filesystem: 'msdos',
      probe: { symlink: 'ok', hardlink: 'ENOTSUP' }
    })
    expect(result.message).toContain('on msdos mounted at /Volumes/LNFAT from /dev/disk4s1.')
    expect(result.hint).toContain('`fallback: copy`')
    expect(fs.existsSync(path.join(ws, 'hard.txt'))).toBe(false)
  })

  it('copies instead with `fallback: copy`, recording why', () => {
    const [result] = apply('hard.txt -> data.txt', { type: 'hardlink', fallback: ['copy'] })
    expect(result).toMatchObject({ status: 'created', kind: 'copy' })
    expect(result.fallback).toMatchObject({ asked: 'hardlink', instead: 'copy' })
    expect(result.fallback?.why).toMatch(/ENOTSUP .*msdos.*make no hard links/)
    expect(result.warnings).toEqual([])
    expect(fs.readFileSync(path.join(ws, 'hard.txt'), 'utf8')).toBe('on FAT')
  })
})

describe('APFS compares names without case or Unicode form', () => {
  const resolve = (text: string, platform = darwin, wd = '/Users/me/ws') =>
    resolveEntries(parseSpec(text, DEFAULTS).entries, wd, true, platform).problems

  it('takes Data/L and data/l for one PATH on macOS, not on Linux', () => {
    expect(resolve('Data/L -> a\ndata/l -> b')).toEqual([
      { line: 2, message: expect.stringContaining('already the PATH on line 1') }
    ])
    expect(resolve('Data/L -> a\ndata/l -> b', linux)).toEqual([])
  })

  it('takes an é typed as one character and as e + accent for one PATH', () => {
    expect(resolve('caf\u00e9 -> a\ncafe\u0301 -> b')).toEqual([
      { line: 2, message: expect.stringContaining('already the PATH on line 1') }
    ])
  })

  it('confines without regard to case', () => {
    expect(resolve('../WS/l -> x')).toEqual([])
    expect(resolve('../WS/l -> x', linux)).toEqual([
      { line: 1, message: expect.stringContaining('leads outside working-directory') }
    ])
  })
})
