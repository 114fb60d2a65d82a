// Case rules per volume, through the platform seam: which spellings name one entry is decided by the filesystem a
// path is on (its type, its mount options, or a read-only look in the link's directory), not by the OS. The mount
// tables are recorded; the probe's calls are counted; the probe itself also runs on this machine's disk.
import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import type { Stats } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { probeCase, withVolumeCaseRules } from '../src/case-rules.js'
import { canHang, caseRuleOf, mayFoldOtherwise } from '../src/families.js'
import type { FsOps } from '../src/fsops.js'
import type { Settings } from '../src/model.js'
import { createDetector, type MountSources } from '../src/mounts.js'
import { platformFor, type CaseVolume, type Platform } from '../src/platform.js'
import { displayPath } from '../src/present.js'
import { DEFAULTS, readAll } from './helpers/stage.js'

/** Every source given, so that nothing of this machine leaks in. */
function sources(mountTable: string, more: Partial<MountSources> = {}): MountSources {
  return {
    mountTable: () => mountTable,
    blockDeviceType: () => undefined,
    processArgs: () => [],
    driveInfo: () => undefined,
    firmlinks: () => undefined,
    ...more
  }
}

/** A probe's calls: `folds` lists the directories whose lookups ignore case; each call is recorded. */
function probeOps(
  names: Record<string, string[]>,
  folds: string[],
  links: string[] = []
): Pick<FsOps, 'readdir' | 'lstat'> & { calls: string[] } {
  const calls: string[] = []
  return {
    calls,
    readdir: (dir) => {
      calls.push(`readdir ${dir}`)
      const found = names[dir]
      if (!found) throw Object.assign(new Error(`ENOENT: ${dir}`), { code: 'ENOENT' })
      return found
    },
    lstat: (p) => {
      calls.push(`lstat ${p}`)
      const dir = path.posix.dirname(p)
      const base = path.posix.basename(p).toLowerCase()
      const there = (names[dir] ?? []).some((n) =>
        folds.includes(dir) ? n.toLowerCase() === base : n === path.posix.basename(p)
      )
      if (!there) return undefined
      return links.includes(p)
        ? ({ isDirectory: () => false, isSymbolicLink: () => true } as Stats)
        : fs.lstatSync(os.tmpdir())
    }
  }
}

/** A platform whose volumes follow the mount table (and the probe, where given), as main.ts builds it. */
function volumes(name: string, table: MountSources, ops?: Pick<FsOps, 'readdir' | 'lstat'>): Platform {
  const detector = createDetector(platformFor(name), table)
  const probe = ops && { ops, mayHang: (p: string) => canHang(detector.forPath(p)) }
  return withVolumeCaseRules(platformFor(name), detector, probe ?? {})
}

/** The spec's problems, as line → message. */
function problems(platform: Platform, spec: string, workingDirectory: string): Record<number, string> {
  const settings = { defaults: DEFAULTS, workingDirectory, confine: true }
  const read = readAll(spec, settings, platform)
  return 'problems' in read ? Object.fromEntries(read.problems.map((p) => [p.line, p.message])) : {}
}

// A Linux runner: ext4 disk, a FAT stick, an exFAT card through exfat-fuse (fuseblk, blkid says exfat), an SMB share,
// a tmpfs mounted casefold, an NTFS disk through ntfs-3g, an sshfs share whose server may ignore case or not.
const LINUX = [
  '1 0 8:1 / / rw,relatime - ext4 /dev/sda1 rw',
  '2 1 8:17 / /media/USB rw,relatime - vfat /dev/sdb1 rw,fmask=0022,codepage=437,iocharset=utf8',
  '3 1 8:33 / /media/card rw,relatime - fuseblk /dev/sdc1 rw,user_id=0,group_id=0,allow_other,blksize=4096',
  '4 1 0:50 / /mnt/smb rw,relatime - cifs //srv/share rw,vers=3.1.1,cache=strict,username=u',
  '5 1 0:51 / /mnt/smb-posix rw,relatime - cifs //srv/linux rw,vers=3.1.1,posix,username=u',
  '6 1 0:52 / /mnt/fold rw,relatime - tmpfs tmpfs rw,casefold=utf8-12.1.0',
  '7 1 8:49 / /mnt/ntfs rw,relatime - fuseblk /dev/sdd1 rw,user_id=0,group_id=0,allow_other,blksize=4096',
  '8 1 0:53 / /mnt/sshfs rw,relatime - fuse.sshfs u@srv:/x rw,user_id=0,group_id=0',
  '9 1 8:65 / /mnt/odd rw,relatime - zfs pool/odd rw,xattr,noacl',
  '10 1 8:81 / /mnt/mac rw,relatime - fuseblk /dev/sde1 rw,user_id=0,group_id=0,allow_other,blksize=4096'
].join('\n')
// /mnt/mac: an APFS disk through a FUSE driver (apfs-fuse): formatted either way, and a FUSE daemon may hang.
const BLKID: Record<string, string> = { '/dev/sdc1': 'exfat', '/dev/sdd1': 'ntfs', '/dev/sde1': 'apfs' }
const linuxTable = sources(LINUX, { blockDeviceType: (device) => BLKID[device] })

describe('the case rule of a format (families.ts)', () => {
  it.each([
    ['vfat', [], 'linux', 'insensitive'],
    ['exfat', [], 'linux', 'insensitive'],
    ['fuse.fusefat', [], 'linux', 'insensitive'],
    ['msdos', [], 'darwin', 'insensitive'],
    ['FAT32', [], 'win32', 'insensitive'],
    ['cifs', ['vers=3.1.1'], 'linux', 'insensitive'],
    ['cifs', ['posix'], 'linux', 'sensitive'],
    ['cifs', ['unix', 'nocase'], 'linux', 'insensitive'],
    ['fuse.smbnetfs', [], 'linux', 'usual'],
    ['smbfs', [], 'darwin', 'insensitive'],
    ['NTFS', [], 'win32', 'insensitive'],
    ['ReFS', [], 'win32', 'insensitive'],
    ['ntfs', [], 'linux', 'sensitive'],
    ['ntfs3', ['nocase'], 'linux', 'insensitive'],
    ['ntfs', [], 'darwin', 'insensitive'],
    ['ext4', [], 'linux', 'sensitive'],
    ['xfs', [], 'linux', 'sensitive'],
    ['tmpfs', ['rw'], 'linux', 'sensitive'],
    ['tmpfs', ['casefold=utf8-12.1.0'], 'linux', 'insensitive'],
    ['fuse.s3fs', [], 'linux', 'sensitive'],
    ['apfs', [], 'darwin', 'probe'],
    ['hfs', [], 'darwin', 'probe'],
    ['zfs', [], 'linux', 'probe'],
    // Types the table does not know, shares among them: the OS's usual rule, never a probe that could hang.
    ['fuse.sshfs', [], 'linux', 'usual'],
    ['squashfs', [], 'linux', 'usual']
  ])('%s %j on %s: %s', (type, options, platform, rule) => {
    expect(caseRuleOf(type, options, platform)).toBe(rule)
  })
})

describe('which mounts may compare names otherwise than the OS usually does (families.ts)', () => {
  it.each([
    ['vfat', [], 'linux', false, true],
    ['ext4', [], 'linux', false, false],
    ['tmpfs', ['rw'], 'linux', false, false],
    ['tmpfs', ['casefold=utf8-12.1.0'], 'linux', false, true],
    ['cifs', ['posix'], 'linux', false, false],
    ['zfs', [], 'linux', false, true],
    ['squashfs', [], 'linux', false, false],
    // The table does not show a FUSE mount's real format, nor its daemon's options where they decide.
    ['fuseblk', [], 'linux', false, true],
    ['fuse', [], 'linux', false, true],
    ['fuse.ntfs-3g', [], 'linux', false, true],
    ['fuse.sshfs', [], 'linux', false, false],
    ['fuse.s3fs', [], 'linux', false, false],
    ['msdos', [], 'darwin', true, false],
    ['ext4', [], 'darwin', true, true],
    ['apfs', [], 'darwin', true, true]
  ])('%s %j on %s (usually ignoring case: %s): %s', (type, options, platform, usual, may) => {
    expect(mayFoldOtherwise(type, options, platform, usual)).toBe(may)
  })
})

describe('Linux: per volume, not per OS', () => {
  const linux = volumes('linux', linuxTable, probeOps({}, []))

  it('looks up no mount for a path outside every mount that may fold otherwise, and does where one may', () => {
    const detector = createDetector(platformFor('linux'), linuxTable)
    const asked: string[] = []
    const counted = { forPath: (p: string) => (asked.push(p), detector.forPath(p)), table: detector.table }
    const rules = withVolumeCaseRules(platformFor('linux'), counted, {}).caseRules
    expect(rules.volumeAt('/home/runner/ws/A')).toEqual({ root: '', ignoresCase: false })
    expect(rules.volumeAt('/mnt/sshfs/ws/A').ignoresCase).toBe(false)
    expect(asked).toEqual([])
    expect(rules.volumeAt('/media/USB/ws/A')).toEqual({ root: '/media/USB', ignoresCase: true })
    expect(rules.volumeAt('/mnt/card/x').ignoresCase).toBe(false)
    expect(asked).toEqual(['/media/USB/ws/A'])
  })

  it.each([
    ['/media/USB/ws', 'FAT'],
    ['/media/card/ws', 'exFAT through exfat-fuse'],
    ['/mnt/smb/ws', 'an SMB share'],
    ['/mnt/fold/ws', 'a tmpfs mounted casefold']
  ])('takes A and a in %s (%s) for one PATH', (ws) => {
    expect(Object.keys(problems(linux, 'A -> t\na -> t', ws))).toEqual(['2'])
  })

  it.each([
    ['/home/runner/ws', 'ext4'],
    ['/mnt/smb-posix/ws', 'SMB with the POSIX extensions'],
    ['/mnt/ntfs/ws', 'NTFS through ntfs-3g'],
    ['/mnt/sshfs/ws', 'sshfs: the OS usual rule, never probed']
  ])('makes A and a in %s (%s) two links', (ws) => {
    expect(problems(linux, 'A -> t\na -> t', ws)).toEqual({})
  })

  it('names the earlier spelling and the mount point where case made the two one', () => {
    expect(problems(linux, 'Dir/A -> t\ndir/a -> t', '/media/USB/ws')[2]).toEqual(
      expect.stringMatching(/line 1 \('Dir\/A'.*\/media\/USB/)
    )
  })

  it('compares the path above a mount point by the OS rule: /media/USB/A and /media/usb/a stay two', () => {
    expect(problems(linux, '/media/USB/A -> t\n/media/usb/a -> t', '/home/runner/ws')).toEqual({})
    expect(Object.keys(problems(linux, '/media/USB/A -> t\n/media/USB/a -> t', '/home/runner/ws'))).toEqual(['2'])
  })

  it('confines, orders dependents and shows paths by the volume rule', () => {
    expect(problems(linux, '../WS/l -> t', '/media/USB/ws')).toEqual({})
    expect(problems(linux, '../WS/l -> t', '/home/runner/ws')).toEqual({ 1: expect.stringContaining('outside') })
    const read = readAll(
      'Dir -> t\ndir/x -> y',
      { defaults: DEFAULTS, workingDirectory: '/media/USB/ws', confine: true },
      linux
    )
    expect('requests' in read && read.requests.map((r) => r.dependsOnEarlier)).toEqual([false, true])
    const settings = { workingDirectory: '/media/USB/WS' } as Settings
    expect(displayPath('/media/USB/ws/Dir/x', { settings, platform: linux, workspace: '/' })).toBe('Dir/x')
  })

  it('probes a ZFS volume (its case rule is not in the mount table) from its root down, read only, once', () => {
    const ops = probeOps({ '/mnt/odd': ['ws'], '/mnt/odd/ws': ['Readme'] }, ['/mnt/odd/ws'])
    const odd = volumes('linux', linuxTable, ops)
    expect(Object.keys(problems(odd, 'A -> t\na -> t\nb -> t', '/mnt/odd/ws'))).toEqual(['2'])
    // The directories down to the link's are lstat'ed (a symlink stops the walk); the nearest is asked first.
    expect(ops.calls).toEqual(['lstat /mnt/odd/ws', 'readdir /mnt/odd/ws', 'lstat /mnt/odd/ws/rEADME'])
  })

  it('never probes through a symlink: a parent that is a link may lead to another volume or a share that hangs', () => {
    const names = { '/mnt/odd': ['ws'], '/mnt/odd/ws': ['elsewhere'] }
    const ops = probeOps(names, ['/mnt/odd', '/mnt/odd/ws'], ['/mnt/odd/ws/elsewhere'])
    const odd = volumes('linux', linuxTable, ops)
    expect(Object.keys(problems(odd, 'A -> t\na -> t', '/mnt/odd/ws/elsewhere/sub'))).toEqual(['2'])
    // lstat finds the link; nothing at or below it is listed or looked up.
    expect(ops.calls).toEqual([
      'lstat /mnt/odd/ws',
      'lstat /mnt/odd/ws/elsewhere',
      'readdir /mnt/odd/ws',
      'lstat /mnt/odd/ws/ELSEWHERE'
    ])
  })

  it('never probes a share that may hang: sshfs takes the OS rule without a call', () => {
    const ops = probeOps({ '/mnt/sshfs/ws': ['Readme'] }, ['/mnt/sshfs/ws'])
    expect(problems(volumes('linux', linuxTable, ops), 'A -> t\na -> t', '/mnt/sshfs/ws')).toEqual({})
    expect(ops.calls).toEqual([])
  })

  it('never probes a volume that may hang, though its type says to look: APFS through FUSE takes the OS rule', () => {
    const ops = probeOps({ '/mnt/mac': ['ws'], '/mnt/mac/ws': ['Readme'] }, ['/mnt/mac', '/mnt/mac/ws'])
    expect(problems(volumes('linux', linuxTable, ops), 'A -> t\na -> t', '/mnt/mac/ws')).toEqual({})
    expect(ops.calls).toEqual([])
  })

  it('stops the walk down at a directory it may not look into (EACCES), and probes from there up', () => {
    const ops = probeOps({ '/mnt/odd': ['Data', 'locked'], '/mnt/odd/locked/ws': ['Readme'] }, ['/mnt/odd'])
    const { lstat } = ops
    ops.lstat = (p) => {
      if (p !== '/mnt/odd/locked') return lstat(p)
      ops.calls.push(`lstat ${p}`)
      throw Object.assign(new Error(`EACCES: ${p}`), { code: 'EACCES' })
    }
    const odd = volumes('linux', linuxTable, ops)
    expect(Object.keys(problems(odd, 'A -> t\na -> t', '/mnt/odd/locked/ws'))).toEqual(['2'])
    expect(ops.calls).toEqual(['lstat /mnt/odd/locked', 'readdir /mnt/odd', 'lstat /mnt/odd/dATA'])
  })

  it('looks further up where the link directory does not exist yet or has nothing to tell', () => {
    const ops = probeOps({ '/mnt/odd': ['x', 'X', 'Data', 'new'], '/mnt/odd/new': ['123', '.'] }, ['/mnt/odd'])
    const odd = volumes('linux', linuxTable, ops)
    const spec = '/mnt/odd/new/sub/A -> t\n/mnt/odd/new/sub/a -> t'
    expect(Object.keys(problems(odd, spec, '/home/runner/ws'))).toEqual(['2'])
    expect(ops.calls).toEqual([
      'lstat /mnt/odd/new',
      'lstat /mnt/odd/new/sub',
      'readdir /mnt/odd/new',
      'readdir /mnt/odd',
      'lstat /mnt/odd/dATA'
    ])
  })
})

describe('macOS: APFS either way, found by looking', () => {
  const table = sources(
    [
      '/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)',
      '/dev/disk3s5 on /System/Volumes/Data (apfs, local, journaled, nobrowse, protect)',
      '/dev/disk5s1 on /Volumes/Sensitive (apfs, local, nodev, nosuid, journaled, noowners)',
      '/dev/disk6s1 on /Volumes/STICK (msdos, local, nodev, nosuid, noowners)',
      '//u@srv/share on /Volumes/share (smbfs, nodev, nosuid, mounted by u)',
      'srv:/export on /Volumes/export (nfs, nodev, nosuid, mounted by u)'
    ].join('\n')
  )
  // The Data volume (where the firmlink /Users leads) ignores case; the disk image at /Volumes/Sensitive does not.
  const names = {
    '/System/Volumes/Data': ['Users'],
    '/Volumes/Sensitive': ['ws'],
    '/Volumes/Sensitive/ws': ['Package.swift']
  }
  const ops = probeOps(names, ['/System/Volumes/Data'])
  const darwin = volumes('darwin', table, ops)

  it('takes A and a for one PATH on the default, case-insensitive APFS (probed)', () => {
    expect(Object.keys(problems(darwin, 'A -> t\na -> t', '/Users/me/ws'))).toEqual(['2'])
  })

  it('makes two links on a case-sensitive APFS volume (probed)', () => {
    expect(problems(darwin, 'A -> t\na -> t', '/Volumes/Sensitive/ws')).toEqual({})
  })

  it('finds the volume however its mount point is spelled above it, and keeps case below it', () => {
    const spec = '/volumes/sensitive/ws/A -> t\n/Volumes/Sensitive/ws/A -> t\n/Volumes/Sensitive/ws/a -> t'
    expect(Object.keys(problems(darwin, spec, '/Users/me/ws'))).toEqual(['2'])
  })

  it("a share worker's lanes, which probe nothing, compare names as the action decided, volume by volume", () => {
    const detector = createDetector(platformFor('darwin'), table)
    const lanes = (known: CaseVolume[]) => withVolumeCaseRules(platformFor('darwin'), detector, { known })
    const decided = darwin.caseRules.decided()
    expect(decided).toContainEqual({ root: '/Volumes/Sensitive', ignoresCase: false })
    expect(problems(lanes(decided), 'A -> t\na -> t', '/Volumes/Sensitive/ws')).toEqual({})
    expect(Object.keys(problems(lanes([]), 'A -> t\na -> t', '/Volumes/Sensitive/ws'))).toEqual(['2'])
  })

  it('takes the FAT stick and the SMB share from their type', () => {
    expect(Object.keys(problems(darwin, 'A -> t\na -> t', '/Volumes/STICK/ws'))).toEqual(['2'])
    expect(Object.keys(problems(darwin, 'A -> t\na -> t', '/Volumes/share/ws'))).toEqual(['2'])
  })

  it("takes macOS's usual rule, without case, on a type the table does not know (NFS), probing nothing", () => {
    const calls = probeOps(names, ['/System/Volumes/Data'])
    expect(Object.keys(problems(volumes('darwin', table, calls), 'A -> t\na -> t', '/Volumes/export/ws'))).toEqual([
      '2'
    ])
    expect(calls.calls.filter((c) => c.includes('/Volumes/export'))).toEqual([])
  })

  it('probes only the root of a volume whose mount point the path spells another way: nothing below it', () => {
    const calls = probeOps(names, ['/System/Volumes/Data'])
    const spec = '/volumes/sensitive/ws/A -> t\n/volumes/sensitive/ws/a -> t'
    expect(problems(volumes('darwin', table, calls), spec, '/Users/me/ws')).toEqual({})
    const onIt = calls.calls.filter((c) => c.includes('/Volumes/Sensitive'))
    expect(onIt).toEqual(['readdir /Volumes/Sensitive', 'lstat /Volumes/Sensitive/WS'])
  })

  it('still takes an é typed as one character and as e + accent for one name', () => {
    expect(Object.keys(problems(darwin, 'caf\u00e9 -> t\ncafe\u0301 -> t', '/Volumes/Sensitive/ws'))).toEqual(['2'])
  })
})

describe('Windows: NTFS, ReFS, FAT and SMB ignore case', () => {
  const drives: Record<string, string> = {
    'C:\\': '{"Name":"C:\\\\","DriveType":"Fixed","DriveFormat":"NTFS","DisplayRoot":""}',
    'D:\\': '{"Name":"D:\\\\","DriveType":"Fixed","DriveFormat":"ReFS","DisplayRoot":""}',
    'E:\\': '{"Name":"E:\\\\","DriveType":"Removable","DriveFormat":"FAT32","DisplayRoot":""}'
  }
  const win32 = volumes('win32', sources('', { driveInfo: (root) => drives[root] }))

  it.each(['C:\\ws', 'D:\\ws', 'E:\\ws', '\\\\srv\\share\\ws'])('takes A and a in %s for one PATH', (ws) => {
    expect(Object.keys(problems(win32, 'A -> t\na -> t', ws))).toEqual(['2'])
  })
})

describe('probeCase', () => {
  it('swaps the case of every ASCII letter, Z and z included', () => {
    const linux = platformFor('linux')
    expect(probeCase('/d', probeOps({ '/d': ['Z'] }, ['/d']), linux)).toBe(true)
    expect(probeCase('/d', probeOps({ '/d': ['z'] }, ['/d']), linux)).toBe(true)
    expect(probeCase('/d', probeOps({ '/d': ['Z'] }, []), linux)).toBe(false)
  })
})

describe('probeCase on this machine', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'case-probe-'))
  const real = { readdir: fs.readdirSync, lstat: (p: string) => fs.lstatSync(p, { throwIfNoEntry: false }) }
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it.each([
    ['an empty directory', []],
    ['names without letters', ['123', '_-_']],
    ['a directory that is not there', undefined]
  ])('says nothing of %s', (_, entries?: string[]) => {
    const at = fs.mkdtempSync(path.join(dir, 'd-'))
    for (const entry of entries ?? []) fs.writeFileSync(path.join(at, entry), '')
    if (!entries) fs.rmdirSync(at)
    expect(probeCase(at, real, platformFor(process.platform))).toBeUndefined()
  })
})
