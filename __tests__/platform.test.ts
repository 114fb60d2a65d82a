// The platform seam's path helpers that stand in for slower node:path calls must agree with node:path exactly.
import fc from 'fast-check'
import * as fs from 'node:fs'
import * as nodePath from 'node:path'
import {
  currentPlatform,
  guardOf,
  hardlinkGuard,
  keyWithin,
  parentOf,
  pathKey,
  platformFor,
  relativeInside,
  resolveFrom,
  resolvedKey,
  volumeOf,
  withoutNamespace
} from '../src/platform.js'
import { describeUnless } from './helpers/skip.js'

const linux = platformFor('linux')
const segment = fc.oneof(
  fc.constantFrom('', '.', '..', '...', '.a', 'a.', '-> x'),
  fc.string({ minLength: 1, maxLength: 4 })
)
const pathText = fc.array(segment, { minLength: 1, maxLength: 5 }).map((parts) => parts.join('/'))
const base = fc.constantFrom('/', '/ws', '/home/runner/work/repo', '/a b/c')

describe('resolveFrom', () => {
  it('gives what path.resolve gives, for any relative or absolute text and a normalized base', () => {
    fc.assert(
      fc.property(
        base,
        fc.oneof(
          pathText,
          pathText.map((p) => `/${p}`)
        ),
        (b, p) => {
          expect(resolveFrom(linux, b, p)).toBe(nodePath.posix.resolve(b, p))
        }
      ),
      { numRuns: 2000 }
    )
  })

  it.each([
    ['a/b', '/ws/a/b'],
    ['./a', '/ws/a'],
    ['a/../b', '/ws/b'],
    ['a//b', '/ws/a/b'],
    ['a/', '/ws/a'],
    ['..', '/'],
    ['.hidden/x', '/ws/.hidden/x'],
    ['/abs', '/abs'],
    ['/abs/../x', '/x'],
    ['/abs//x/', '/abs/x'],
    ['/abs/./x.', '/abs/x.']
  ])('resolves %j against /ws to %j', (p, expected) => {
    expect(resolveFrom(linux, '/ws', p)).toBe(expected)
  })
})

describe('parentOf', () => {
  it('gives what path.dirname gives, for any text, normalized or not, on either platform', () => {
    const text = fc.oneof(
      pathText,
      pathText.map((p) => `/${p}`),
      pathText.map((p) => `//${p}`),
      fc.array(fc.constantFrom('/', '\\', 'a', 'C:', '.'), { maxLength: 6 }).map((parts) => parts.join(''))
    )
    fc.assert(
      fc.property(fc.constantFrom('linux', 'win32'), text, (name, p) => {
        const platform = platformFor(name)
        expect(parentOf(platform, p)).toBe(platform.path.dirname(p))
      }),
      { numRuns: 2000 }
    )
  })
})

describe('resolvedKey', () => {
  it.each(['linux', 'darwin', 'win32'])('is pathKey for a path already normalized (%s)', (name) => {
    const platform = platformFor(name)
    const p = platform.path.resolve(name === 'win32' ? 'C:\\Ws' : '/Ws', 'Dir/Café')
    expect(resolvedKey(platform, p)).toBe(pathKey(platform, p))
  })
})

describe('keys by the volume a path is on (the seam: platform.caseRules)', () => {
  it('folds the root of a case-sensitive UNC share by the usual rule, and keeps case below it', () => {
    // The root as DriveInfo or the path gives it; Windows compares server and share names without case.
    const win32 = platformFor('win32')
    const share = {
      ...win32,
      caseRules: { volumeAt: () => ({ root: '\\\\srv\\share\\', ignoresCase: false }), decided: () => [] }
    }
    expect(pathKey(share, '\\\\SRV\\Share\\A')).toBe(pathKey(share, '\\\\srv\\share\\A'))
    expect(pathKey(share, '\\\\srv\\share\\a')).not.toBe(pathKey(share, '\\\\srv\\share\\A'))
    expect(pathKey(win32, '\\\\srv\\share\\a')).toBe(pathKey(win32, '\\\\srv\\share\\A'))
  })

  it('keeps a path whose root lies deeper than the path as it is', () => {
    const linux = platformFor('linux')
    const stick = {
      ...linux,
      caseRules: { volumeAt: () => ({ root: '/media/USB/inner', ignoresCase: true }), decided: () => [] }
    }
    expect(pathKey(stick, '/media/usb')).toBe('/media/usb')
  })
})

describe('relativeInside', () => {
  it.each([
    ['darwin', '/Users/Me', '/users/me/Work/x', 'Work/x'],
    ['darwin', '/Users/Me', '/Users/Me', ''],
    ['darwin', '/Users/Me', '/Users/Other/x', undefined],
    ['linux', '/ws', '/ws/a/b', 'a/b'],
    ['linux', '/ws', '/WS/a', undefined],
    ['win32', 'C:\\Ws', 'c:\\ws\\Dir\\x', 'Dir\\x'],
    ['linux', '/ws/', '/ws/a/b', 'a/b']
  ])('on %s, %s holds %s as %j', (name, parent, child, relative) => {
    expect(relativeInside(platformFor(name), parent, child)).toBe(relative)
  })
})

describe('a platform by name', () => {
  it.each([
    ['linux', 'Linux', false, false, false],
    ['darwin', 'macOS', false, true, true],
    ['win32', 'Windows', true, false, true]
  ])('%s: runner.os %s, Windows %s, macOS %s, ignoring case %s', (name, runnerOs, isWindows, isMac, ignoresCase) => {
    const platform = platformFor(name)
    expect(platform).toMatchObject({ name, runnerOs, isWindows, isMac, usuallyIgnoresCase: ignoresCase })
    // Every volume at the usual rule, known from nothing: the case rules of a platform nothing was probed on.
    expect(platform.caseRules.volumeAt(isWindows ? 'C:\\x' : '/x')).toEqual({ root: '', ignoresCase })
    expect(platform.caseRules.decided()).toEqual([])
  })

  it('names an OS the runner has no name for by its own name, and takes the name the runner gives', () => {
    expect(platformFor('freebsd').runnerOs).toBe('freebsd')
    expect(platformFor('linux', 'Linux-ARM').runnerOs).toBe('Linux-ARM')
  })

  describe('the one this process runs on', () => {
    const saved = process.env.RUNNER_OS
    afterEach(() => (saved === undefined ? delete process.env.RUNNER_OS : (process.env.RUNNER_OS = saved)))
    const usual = platformFor(process.platform).runnerOs

    it.each([
      ['the runner says', 'Windows', 'Windows'],
      ['RUNNER_OS is empty', '', usual],
      ['RUNNER_OS is not set', undefined, usual]
    ])('runner.os as %s', (_, value, runnerOs) => {
      if (value === undefined) delete process.env.RUNNER_OS
      else process.env.RUNNER_OS = value
      expect(currentPlatform()).toMatchObject({ name: process.platform, runnerOs })
    })
  })
})

const PROTECTED_HARDLINKS = '/proc/sys/fs/protected_hardlinks'
const NO_SETTING = fs.existsSync(PROTECTED_HARDLINKS) ? undefined : `no ${PROTECTED_HARDLINKS} (Linux only)`

describe('what fs.protected_hardlinks says', () => {
  it.each([
    ['0\n', false],
    ['1\n', true],
    ['2\n', true],
    ['', true]
  ])('%j: hard links protected %s (unread: the default since Linux 3.6)', (setting, protects) => {
    expect(guardOf(setting, 1000)).toEqual({ protects, euid: 1000 })
  })
})

describeUnless(NO_SETTING)('who Linux lets make a hard link (fs.protected_hardlinks)', () => {
  it("reads the kernel's setting and this process's user", () => {
    const setting = fs.readFileSync(PROTECTED_HARDLINKS, 'utf8').trim()
    expect(hardlinkGuard()).toEqual({ protects: setting !== '0', euid: process.geteuid?.() })
  })
})

describe('keyWithin: a prefix of names, never of letters', () => {
  const linux = platformFor('linux')
  it.each([
    ['/ws', '/ws', true],
    ['/ws', '/ws/a', true],
    ['/ws/', '/ws/a', true],
    ['/', '/a', true],
    ['/ws', '/ws-evil/a', false],
    ['/ws', '/wsx', false]
  ])('%s holds %s: %s', (parent, child, within) => {
    expect(keyWithin(linux, parent, child)).toBe(within)
  })

  it('holds exactly the keys that equal the parent or start with it and a separator', () => {
    const key = fc.array(fc.constantFrom('/', '\\', 'a', 'b', 'C:'), { maxLength: 6 }).map((parts) => parts.join(''))
    fc.assert(
      fc.property(fc.constantFrom('linux', 'win32'), key, key, (name, parent, below) => {
        const platform = platformFor(name)
        const { sep } = platform.path
        for (const child of [below, parent + below]) {
          const expected = child === parent || child.startsWith(parent.endsWith(sep) ? parent : parent + sep)
          expect(keyWithin(platform, parent, child)).toBe(expected)
        }
      }),
      { numRuns: 3000 }
    )
  })
})

describe('keys of a root spelled another way (the usual rule above a volume, its own below)', () => {
  it('keys the root itself, spelled with another case, as the root: its last letter is not a name below it', () => {
    const darwin = platformFor('darwin')
    const sensitive = {
      ...darwin,
      caseRules: { volumeAt: () => ({ root: '/Volumes/Data', ignoresCase: false }), decided: () => [] }
    }
    expect(pathKey(sensitive, '/volumes/datA')).toBe(pathKey(sensitive, '/Volumes/Data'))
  })
})

describe('volumes and namespaces on Windows (the seam)', () => {
  const win32 = platformFor('win32')
  const linux = platformFor('linux')

  it.each([
    ['C:\\x\\y', 'C:\\'],
    ['c:\\x', 'C:\\'],
    ['\\\\srv\\share\\x', '\\\\srv\\share\\'],
    ['\\\\?\\C:\\x', 'C:\\']
  ])('%s is on the volume %s', (p, volume) => {
    expect(volumeOf(win32, p)).toBe(volume)
  })

  it('is none for a relative path', () => {
    expect(volumeOf(win32, 'x\\y')).toBe('')
  })

  it('is / for every absolute path elsewhere', () => {
    expect(volumeOf(linux, '/a/b')).toBe('/')
  })

  it.each([
    ['\\\\?\\C:\\x', 'C:\\x'],
    ['\\??\\C:\\x', 'C:\\x'],
    ['\\\\?\\UNC\\srv\\share\\x', '\\\\srv\\share\\x'],
    ['C:\\a\\\\?\\C:\\b', 'C:\\a\\\\?\\C:\\b']
  ])('Windows hands back %s for the text %s', (text, plain) => {
    expect(withoutNamespace(win32, text)).toBe(plain)
  })

  it('leaves a text as it is elsewhere, where \\ is a character of a name', () => {
    expect(withoutNamespace(linux, '\\\\?\\C:\\x')).toBe('\\\\?\\C:\\x')
  })
})
