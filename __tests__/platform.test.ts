// The platform seam's path helpers that stand in for slower node:path calls must agree with node:path exactly.
import fc from 'fast-check'
import * as nodePath from 'node:path'
import { pathKey, platformFor, relativeInside, resolveFrom, resolvedKey } from '../src/platform.js'

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
    ['/abs', '/abs']
  ])('resolves %j against /ws to %j', (p, expected) => {
    expect(resolveFrom(linux, '/ws', p)).toBe(expected)
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
    const share = { ...win32, caseRules: { volumeAt: () => ({ root: '\\\\srv\\share\\', ignoresCase: false }) } }
    expect(pathKey(share, '\\\\SRV\\Share\\A')).toBe(pathKey(share, '\\\\srv\\share\\A'))
    expect(pathKey(share, '\\\\srv\\share\\a')).not.toBe(pathKey(share, '\\\\srv\\share\\A'))
    expect(pathKey(win32, '\\\\srv\\share\\a')).toBe(pathKey(win32, '\\\\srv\\share\\A'))
  })

  it('keeps a path whose root lies deeper than the path as it is', () => {
    const linux = platformFor('linux')
    const stick = { ...linux, caseRules: { volumeAt: () => ({ root: '/media/USB/inner', ignoresCase: true }) } }
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
    ['win32', 'C:\\Ws', 'c:\\ws\\Dir\\x', 'Dir\\x']
  ])('on %s, %s holds %s as %j', (name, parent, child, relative) => {
    expect(relativeInside(platformFor(name), parent, child)).toBe(relative)
  })
})
