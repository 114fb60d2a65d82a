// What this machine says about its mounts, asked for real: its mount table, its processes, blkid on a filesystem
// image, commands that fail, say nothing or hang. No recorded output here: mounts.test.ts hands that in.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { readOrUndefined, run, systemSources } from '../src/mount-sources.js'
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
