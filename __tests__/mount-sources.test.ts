// What this machine says about its mounts, asked for real: its mount table, its processes, blkid on a filesystem
// image, commands that fail, say nothing or hang. No recorded output here: mounts.test.ts hands that in.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { readOrUndefined, run, SYSTEM_PLACES, systemSources } from '../src/mount-sources.js'
import { platformFor } from '../src/platform.js'
import { describeUnless } from './helpers/skip.js'

const describeIf = (ok: boolean, why: string) => describeUnless(ok ? undefined : why)
const ifPlatform = (name: string, why: string) => describeIf(process.platform === name, why)
const posixOnly = describeIf(process.platform !== 'win32', 'no sh on Windows')
const linuxOnly = ifPlatform('linux', 'Linux only: /proc, blkid')
const macOnly = ifPlatform('darwin', 'macOS only: /sbin/mount, /usr/share/firmlinks')
const windowsOnly = ifPlatform('win32', 'Windows only: powershell.exe')

posixOnly('run: a command’s output, or nothing', () => {
  it('gives what the command printed, without the trailing newline', () => {
    expect(run('sh', ['-c', 'echo " exfat  "'])).toBe('exfat')
  })

  it('gives nothing for a command that fails, even one that printed something first', () => {
    expect(run('sh', ['-c', 'echo partial; exit 2'])).toBeUndefined()
    expect(run('a-command-that-does-not-exist-ln-action', [])).toBeUndefined()
  })

  it('gives nothing for a command that prints nothing, or only blanks', () => {
    expect(run('true', [])).toBeUndefined()
    expect(run('sh', ['-c', 'printf " \\n\\n"'])).toBeUndefined()
  })

  it('gives up on a command that outlives its timeout, whatever it printed by then', () => {
    expect(run('sh', ['-c', 'echo early; exec sleep 30'], 300)).toBeUndefined()
  })

  it('is not put off by a command that writes a lot to stderr', () => {
    // blkid and lsblk warn on stderr; stderr is not kept, so no amount of it can overflow a buffer and lose the answer.
    expect(run('sh', ['-c', 'head -c 2000000 /dev/zero >&2; echo ok'])).toBe('ok')
  })
})

describe('readOrUndefined', () => {
  it('gives a file’s text, and nothing for a file that is not there', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ln-action-sources-'))
    try {
      fs.writeFileSync(path.join(dir, 'firmlinks'), '/Users\tUsers\n')
      expect(readOrUndefined(path.join(dir, 'firmlinks'))).toBe('/Users\tUsers\n')
      expect(readOrUndefined(path.join(dir, 'missing'))).toBeUndefined()
    } finally {
      fs.rmSync(dir, { recursive: true })
    }
  })
})

/** A temp dir, removed after the tests of the enclosing describe. */
function tempDir(): () => string {
  let dir = ''
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ln-action-sources-'))
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
  return () => dir
}

/** An executable sh script at file. */
function writeScript(file: string, body: string): void {
  fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 })
}

posixOnly('a Linux source reading a directory laid out like /proc', () => {
  const dir = tempDir()
  const commandLines: Record<string, string[]> = {
    '101': ['node', '-e', 'setTimeout(() => {}, 60000)'],
    '2002': ['sshfs', 'host:/srv', '/mnt/share', '-o', 'follow_symlinks']
  }
  const mountinfo = '22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n'
  let linux: ReturnType<typeof systemSources>
  beforeAll(() => {
    const proc = path.join(dir(), 'proc')
    const writeProcess = (name: string, argv: string[]) => {
      fs.mkdirSync(path.join(proc, name), { recursive: true })
      fs.writeFileSync(path.join(proc, name, 'cmdline'), argv.map((arg) => `${arg}\0`).join(''))
    }
    for (const [pid, argv] of Object.entries(commandLines)) writeProcess(pid, argv)
    // Not processes: /proc/self leads to one already listed; names mixing digits and letters are no pid.
    fs.symlinkSync('101', path.join(proc, 'self'))
    writeProcess('12abc', ['not-a-process'])
    writeProcess('abc12', ['not-a-process-either'])
    // A process that ended between listing /proc and reading its command line.
    fs.mkdirSync(path.join(proc, '303'))
    fs.writeFileSync(path.join(proc, '101', 'mountinfo'), mountinfo)
    linux = systemSources(platformFor('linux'), { ...SYSTEM_PLACES, proc })
  })

  it('lists each process’s command line once, and nothing that is not a process', () => {
    const sorted = (lines: string[][]) => [...lines].sort((a, b) => a[0].localeCompare(b[0]))
    expect(sorted(linux.processArgs())).toStrictEqual(sorted(Object.values(commandLines)))
  })

  it('reads the mount table of its own process (self)', () => {
    expect(linux.mountTable()).toBe(mountinfo)
  })
})

posixOnly('a Mac source reading a mount command and a firmlinks file laid out here', () => {
  const dir = tempDir()
  const table = '/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)\n'
  const firmlinks = '/Users\tUsers\n/Applications\tApplications\n'
  const places = () => ({
    ...SYSTEM_PLACES,
    mount: path.join(dir(), 'mount'),
    firmlinks: path.join(dir(), 'firmlinks')
  })
  beforeAll(() => {
    // mount lists the mounts only when asked nothing else.
    writeScript(places().mount, `[ $# -eq 0 ] || exit 1\nprintf '${table}'`)
    fs.writeFileSync(places().firmlinks, firmlinks)
  })

  it('reads the mount table that mount prints', () => {
    expect(systemSources(platformFor('darwin'), places()).mountTable()).toBe(table.trim())
  })

  it('reads the firmlinks file, and nothing where there is none', () => {
    expect(systemSources(platformFor('darwin'), places()).firmlinks()).toBe(firmlinks)
    const missing = { ...places(), firmlinks: path.join(dir(), 'no-firmlinks') }
    expect(systemSources(platformFor('darwin'), missing).firmlinks()).toBeUndefined()
  })
})

posixOnly('commands found on PATH, faked', () => {
  const dir = tempDir()
  const originalPath = process.env.PATH
  beforeAll(() => {
    process.env.PATH = `${dir()}${path.delimiter}${originalPath}`
  })
  afterAll(() => {
    process.env.PATH = originalPath
  })

  it('name a block device’s format by lsblk when blkid finds nothing', () => {
    writeScript(path.join(dir(), 'blkid'), 'exit 2')
    // lsblk prints the format only when asked for it, without headings, of this one device.
    writeScript(path.join(dir(), 'lsblk'), '[ "$*" = "-ndo FSTYPE /dev/fake1" ] && [ $# -eq 3 ] && echo ntfs')
    expect(systemSources(platformFor('linux')).blockDeviceType('/dev/fake1')).toBe('ntfs')
  })

  it('prefer what blkid finds, which reads the device itself, to lsblk', () => {
    writeScript(path.join(dir(), 'blkid'), 'echo exfat')
    writeScript(path.join(dir(), 'lsblk'), 'echo ntfs')
    expect(systemSources(platformFor('linux')).blockDeviceType('/dev/fake1')).toBe('exfat')
  })

  it('ask powershell.exe about the drive root asked for', () => {
    // The fake prints the data it was given: JSON in the environment, beside a script that never changes.
    writeScript(path.join(dir(), 'powershell.exe'), 'printf %s "$LN_ACTION_PS_INPUT"')
    const answer = systemSources(platformFor('win32')).driveInfo('D:\\')
    expect(JSON.parse(answer ?? '{}')).toEqual({ root: 'D:\\' })
  })
})

linuxOnly('this Linux machine', () => {
  const linux = systemSources(platformFor('linux'))

  it('has a mount table (/proc/self/mountinfo) with the root mount in it', () => {
    expect(linux.mountTable().split('\n')).toContainEqual(expect.stringMatching(/^\d+ \d+ \d+:\d+ \S+ \/ /))
  })

  describe('its processes', () => {
    const marker = `ln-action-sources-${process.pid}-${Date.now()}`
    const script = 'setTimeout(() => {}, 60000)'
    let child: ChildProcess
    beforeAll(async () => {
      child = spawn(process.execPath, ['-e', script, marker], { stdio: 'ignore' })
      await new Promise((resolve) => child.once('spawn', resolve))
    })
    afterAll(() => {
      child.kill()
    })

    it('include a running command line, word for word', () => {
      const found = linux.processArgs().filter((argv) => argv.includes(marker))
      expect(found).toEqual([[process.execPath, '-e', script, marker]])
    })

    it('list each process once', () => {
      // ps lists every process once: as many of them run this very command line (this test's, which sibling test
      // workers share) as ps says, read while ps says the same before and after, so none started or ended between.
      const own = fs.readFileSync(`/proc/${process.pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ')
      const listedByPs = () =>
        spawnSync('ps', ['-e', '-ww', '-o', 'args='], { encoding: 'utf8' })
          .stdout.split('\n')
          .filter((line) => line.trim() === own).length
      for (let attempt = 0; attempt < 5; attempt++) {
        const before = listedByPs()
        const listed = linux.processArgs().filter((argv) => argv.join(' ') === own).length
        if (before > 0 && before === listedByPs()) return expect(listed).toBe(before)
      }
      throw new Error('ps never listed this process, or its siblings kept starting and ending')
    })
  })

  describe('block devices', () => {
    const mkfs = describeIf(!spawnSync('mkfs.exfat', ['-V']).error, 'mkfs.exfat (exfatprogs) is missing')
    mkfs('an exFAT image', () => {
      let dir = ''
      let image = ''
      beforeAll(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ln-action-sources-'))
        image = path.join(dir, 'exfat.img')
        fs.writeFileSync(image, Buffer.alloc(8 << 20))
        spawnSync('mkfs.exfat', [image], { stdio: 'ignore' })
      })
      afterAll(() => fs.rmSync(dir, { recursive: true }))

      it('is named by the format blkid finds on it, as behind a fuseblk mount', () => {
        expect(linux.blockDeviceType(image)).toBe('exfat')
      })

      it('and a device that does not exist by nothing', () => {
        expect(linux.blockDeviceType(path.join(dir, 'no-such-device'))).toBeUndefined()
      })
    })
  })

  it('has no firmlinks and no Windows drives', () => {
    expect(linux.firmlinks()).toBeUndefined()
    expect(linux.driveInfo('C:\\')).toBeUndefined()
  })
})

describeIf(!fs.existsSync('/sbin/mount'), '/sbin/mount is here')('a Mac source where /sbin/mount is missing', () => {
  it('reads an empty mount table, not an error (every path then on an unknown filesystem)', () => {
    expect(systemSources(platformFor('darwin')).mountTable()).toBe('')
  })
})

macOnly('this Mac', () => {
  const mac = systemSources(platformFor('darwin'))

  it('has a mount table (what mount prints) with the root mount in it', () => {
    expect(mac.mountTable()).toMatch(/ on \/ \(/)
  })

  it('has firmlinks into the Data volume, /Users among them', () => {
    expect(mac.firmlinks()).toMatch(/^\/Users\t/m)
  })
})

windowsOnly('this Windows machine', () => {
  it('says what is on drive C:', () => {
    expect(JSON.parse(systemSources(platformFor('win32')).driveInfo('C:\\') ?? '{}')).toMatchObject({
      Name: 'C:\\',
      DriveFormat: 'NTFS'
    })
  })
})
