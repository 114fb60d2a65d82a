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
