import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { SEPARATOR } from '../src/model.js'
import { platformFor, resolvedKey, type Platform } from '../src/platform.js'
import { Dependents } from '../src/spec/dependents.js'
import { junctionNotice, parseSpec, readSpec, resolveEntries, specText, spelledForWindows } from '../src/spec/index.js'
import { ABOVE, LinkKeys } from '../src/spec/keys.js'
import { parseLines } from '../src/spec/lines.js'
import { DEFAULTS as defaults, readAll } from './helpers/stage.js'

const linux = platformFor('linux')

/** The spec as the user writes it: one argument per line. */
const spec = (...lines: string[]): string => lines.join('\n')

const parse = (text: string) => parseSpec(text, defaults)

/** [line, path, target] of every entry: what a reader of the spec would check first. */
const links = (text: string) => parse(text).entries.map((e) => [e.line, e.path, e.target])

/** The line of every problem, in order. */
const problemLines = (text: string) => parse(text).problems.map((p) => p.line)

/** The only problem of a spec: it must be exactly one. */
function onlyProblem(text: string) {
  const { problems } = parse(text)
  expect(problems).toHaveLength(1)
  return problems[0]
}

describe('parseSpec: PATH -> TARGET lines', () => {
  it('skips blank lines and comments and keeps the line numbers of the file', () => {
    const text = spec('', '# links for CI', '  sub/a   ->   data/a  ', '', '    # an indented comment', '\tb -> c\t')
    expect(links(text)).toEqual([
      [3, 'sub/a', 'data/a'],
      [6, 'b', 'c']
    ])
    expect(parse(text).problems).toEqual([])
  })

  it('reads CRLF line ends without leaving a carriage return in TARGET', () => {
    expect(links('# windows\r\na -> b\r\n\r\nc -> d\r\n')).toEqual([
      [2, 'a', 'b'],
      [4, 'c', 'd']
    ])
  })

  it('gives every entry the default options', () => {
    expect(parse('a -> b').entries[0].options).toEqual(defaults)
  })

  it.each([
    ['a # inside a PATH', 'notes#1 -> docs/#readme', 'notes#1', 'docs/#readme'],
    ['a # after TARGET (not a comment)', 'a -> b # note', 'a', 'b # note'],
    ['hyphens and >', 'a-b -> c>d', 'a-b', 'c>d'],
    ['-> without spaces', 'x->y -> z', 'x->y', 'z'],
    ['a leading hyphen', '-rf -> t', '-rf', 't'],
    ['spaces inside names', 'my link -> my target', 'my link', 'my target']
  ])('keeps %s', (_, line, path, target) => {
    expect(links(line)).toEqual([[1, path, target]])
  })

  it('splits any line where the separator rule says: ` -> ` found at once or by the rule, the same parts', () => {
    // The rule: `->` with white space or the line's end on each side (SEPARATOR); parts trimmed.
    const piece = fc.constantFrom('a', 'b c', ' ', '\t', '->', ' -> ', '-', '>', '  ->  ', 'x->', '->y')
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 8 }), (pieces) => {
        // A first name, so that the spec is never read as YAML (`- `) or a comment.
        const line = `p${pieces.join('')}`
        const trimmed = line.trim()
        const parts = trimmed.split(/(?:^|\s)->(?:\s|$)/g).map((p) => p.trim())
        const { entries, problems } = parse(line)
        const empty = parts.filter((p) => p === '').length
        if (parts.length !== 2) expect([entries, problems.length]).toEqual([[], 1])
        else if (empty > 0) expect([entries, problems.length]).toEqual([[], empty])
        else expect(entries.map((e) => [e.path, e.target])).toEqual([parts])
      }),
      { numRuns: 3000 }
    )
  })

  it.each(['a -> b -> c', 'a\t-> b -> c', 'a -> b ->'])(
    'rejects a line with two separators (%j), naming the line',
    (line) => {
      const problem = onlyProblem(spec('ok -> fine', line))
      expect(problem.line).toBe(2)
      expect(problem.message).toMatch(/2 ' -> ' separators/)
    }
  )

  it.each([
    ['no separator', 'just-a-path'],
    ['=> instead of ->', 'a => b'],
    ['-> without spaces', 'a->b']
  ])('rejects a line with %s and quotes it', (_, line) => {
    const problem = onlyProblem(spec('# header', line))
    expect(problem.line).toBe(2)
    expect(problem.message).toContain("expected 'PATH -> TARGET'")
    expect(problem.message).toContain(line)
  })

  it.each([
    ['TARGET', 'a -> '],
    ['PATH', '   -> b']
  ])('rejects an empty %s', (what, line) => {
    expect(parse(spec('ok -> fine', '', line)).problems).toEqual([{ line: 3, message: `${what} is empty` }])
  })

  it.each(['[draft]/x -> y', '[slug].tsx -> pages/[slug].tsx'])('reads %s as a line, not as YAML', (line) => {
    const [path, target] = line.split(' -> ')
    expect(parse(line)).toEqual({ entries: [expect.objectContaining({ line: 1, path, target })], problems: [] })
  })

  it.each([
    ['PATH', 'a\0b -> c'],
    ['TARGET', 'a -> b\0c']
  ])('rejects a NUL byte in %s', (what, line) => {
    const problem = onlyProblem(spec('x -> y', line))
    expect(problem).toEqual({ line: 2, message: `${what} contains a NUL byte` })
  })
})

describe('parseSpec: YAML and JSON lists', () => {
  it('reads per-link overrides, and defaults for what an entry leaves out', () => {
    const text = spec(
      '# links', //                   1
      '- path: sub/a', //              2
      '  target: data/a',
      '- path: b', //                  4
      '  target: /abs/b',
      '  type: hardlink',
      '  fallback: symlink, copy',
      '  relative: true',
      '  overwrite: files',
      '  target-type: dir',
      '- path: c', //                  11
      '  target: d',
      '  fallback: [junction, copy]',
      '  relative: false',
      '  overwrite: links'
    )
    const { entries, problems } = parse(text)
    expect(problems).toEqual([])
    expect(entries).toEqual([
      { line: 2, endLine: 3, path: 'sub/a', target: 'data/a', options: defaults },
      {
        line: 4,
        endLine: 10,
        path: 'b',
        target: '/abs/b',
        options: {
          type: 'hardlink',
          fallback: ['symlink', 'copy'],
          relative: 'true',
          overwrite: 'files',
          targetType: 'dir'
        }
      },
      {
        line: 11,
        endLine: 15,
        path: 'c',
        target: 'd',
        options: { type: 'symlink', fallback: ['junction', 'copy'], relative: 'false', overwrite: 'links' }
      }
    ])
  })

  it('reads a JSON list, with its line numbers', () => {
    const text = spec(
      '[',
      '  {"path": "a", "target": "b"},',
      '  {"path": "c", "target": "d", "type": "hardlink", "relative": false, "fallback": ["copy"]}',
      ']'
    )
    const { entries, problems } = parse(text)
    expect(problems).toEqual([])
    expect(entries.map((e) => [e.line, e.path, e.target])).toEqual([
      [2, 'a', 'b'],
      [3, 'c', 'd']
    ])
    expect(entries[1].options).toMatchObject({ type: 'hardlink', relative: 'false', fallback: ['copy'] })
  })

  /** The options of a one-item YAML spec with one extra field. */
  const optionsWith = (field: string) => parse(spec('- path: a', '  target: b', `  ${field}`)).entries[0]?.options

  it.each([
    ['relative: true', 'true'],
    ['relative: false', 'false'],
    ['relative: auto', 'auto'],
    ['relative: True', 'true'],
    ['relative: "false"', 'false']
  ])('reads `%s` as relative %s', (field, relative) => {
    expect(optionsWith(field)?.relative).toBe(relative)
  })

  it.each([
    ['fallback: symlink copy', ['symlink', 'copy']],
    ['fallback: symlink, copy', ['symlink', 'copy']],
    ['fallback: [hardlink, copy]', ['hardlink', 'copy']],
    ['fallback: [copy, copy]', ['copy']],
    ["fallback: ''", []],
    ['fallback: []', []]
  ])('reads `%s`', (field, fallback) => {
    expect(optionsWith(field)?.fallback).toEqual(fallback)
  })

  it('names an unknown field and its line', () => {
    const problem = onlyProblem(spec('- path: a', '  target: b', '', '  taget: c'))
    expect(problem.line).toBe(4)
    expect(problem.message).toContain("unknown field 'taget'")
  })

  it.each([
    ['type: softlink', "'type'", 'softlink'],
    ['relative: yes', "'relative'", 'yes'],
    ['overwrite: always', "'overwrite'", 'always'],
    ['target-type: folder', "'target-type'", 'folder'],
    ['fallback: symlink, link', "'fallback'", 'link'],
    ['fallback: [symlink, soft]', "'fallback'", 'soft']
  ])('rejects `%s` on the line of the field', (field, name, bad) => {
    const problem = onlyProblem(spec('- path: a', '  target: b', '- path: c', '  target: d', `  ${field}`))
    expect(problem.line).toBe(5)
    expect(problem.message).toContain(name)
    expect(problem.message).toContain(bad)
  })

  it.each([
    ['a list', 'path: [a, b]', "'path' must be a string"],
    ['a map', 'target: { a: b }', "'target' must be a string"]
  ])('rejects %s where a path belongs', (_, field, message) => {
    const text = spec('- type: symlink', `  ${field}`, field.startsWith('path') ? '  target: t' : '  path: p')
    expect(parse(text).problems).toEqual([{ line: 2, message }])
  })

  it('reads every scalar as the text written: true, 007 and 1.10 are names', () => {
    const { entries, problems } = parse(spec('- path: "true"', '  target: 007', '- path: 1.10', '  target: true'))
    expect(problems).toEqual([])
    expect(entries.map((e) => [e.path, e.target])).toEqual([
      ['true', '007'],
      ['1.10', 'true']
    ])
  })

  it("puts an empty or NUL-carrying path on the field's own line", () => {
    expect(parse(spec('- path: a', "  target: ''")).problems).toEqual([{ line: 2, message: "'target' is empty" }])
  })

  it("reports a missing 'path' or 'target' at the item's line", () => {
    const text = spec('- path: a', '  target: b', '- path: c', '- target: d')
    expect(parse(text).problems).toEqual([
      { line: 3, message: "missing 'target'" },
      { line: 4, message: "missing 'path'" }
    ])
  })

  it('reads a number as a path', () => {
    expect(links(spec('- path: 2024', '  target: 1.5'))).toEqual([[1, '2024', '1.5']])
  })

  it('rejects YAML that is not a list', () => {
    expect(parse('[a, b]: c').problems).toEqual([{ line: 1, message: 'a YAML spec must be a list' }])
  })

  it.each([
    ['an unclosed flow map', spec('- path: a', '  target: b', '- {path: c'), 3],
    ['a duplicate key', spec('# two paths', '- path: a', '  path: b', '  target: c'), 3],
    ['a second document', spec('- path: a', '  target: b', '---', '- path: c'), 3]
  ])('reports a YAML syntax error (%s) with its line, and no entries', (_, text, line) => {
    const { entries, problems } = parse(text)
    expect(entries).toEqual([])
    expect(problems.map((p) => p.line)).toContain(line)
    expect(problems.every((p) => p.message.startsWith('YAML: '))).toBe(true)
  })

  it('rejects list items that are not objects, and keeps the good ones', () => {
    const text = spec('- a -> b', '- path: c', '  target: d', '- [x, y]', '- 42')
    expect(problemLines(text)).toEqual([1, 4, 5])
    expect(parse(text).problems[0].message).toContain('must be an object with path and target')
    expect(links(text)).toEqual([[2, 'c', 'd']])
  })

  it('finds all seven mistakes of one spec, each on its own line', () => {
    const text = spec(
      '- path: ok', //                1
      '  target: fine',
      '- just a string', //           3  not an object
      '- path: a',
      '  target: b',
      '  typo: x', //                 6  unknown field
      '- path: c',
      '  target: d',
      '  type: softlink', //          9  bad type
      '- path: e',
      '  target: f',
      '  relative: sometimes', //    12  bad relative
      '- target: g', //              13  missing path
      "- target: ''", //             14  empty target
      '  path: h',
      '- path: "i\\0j"', //          16  NUL byte in path
      '  target: k'
    )
    const { entries, problems } = parse(text)
    expect(problems.map((p) => p.line)).toEqual([3, 6, 9, 12, 13, 14, 16])
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringContaining('must be an object'),
      expect.stringContaining("unknown field 'typo'"),
      expect.stringContaining("'type' must be one of"),
      expect.stringContaining("'relative' must be one of"),
      "missing 'path'",
      "'target' is empty",
      "'path' contains a NUL byte"
    ])
    expect(entries.map((e) => e.path)).toEqual(['ok'])
  })
})

describe('resolveEntries', () => {
  /** Parse and resolve a spec, as the action does. */
  function resolve(
    text: string,
    { wd = '/ws', confine = true, platform = linux }: { wd?: string; confine?: boolean; platform?: Platform } = {}
  ) {
    const parsed = parse(text)
    expect(parsed.problems).toEqual([])
    return resolveEntries(parsed.entries, wd, confine, platform)
  }

  it('resolves relative PATH and TARGET against the working directory', () => {
    const { requests, problems } = resolve('sub/l -> data/x')
    expect(problems).toEqual([])
    expect(requests[0]).toMatchObject({
      line: 1,
      absPath: '/ws/sub/l',
      absTarget: '/ws/data/x',
      pathWasRelative: true,
      targetWasRelative: true
    })
  })

  it('takes absolute paths as they are', () => {
    const { requests, problems } = resolve('/opt/tool/bin -> /usr/local/bin')
    expect(problems).toEqual([])
    expect(requests[0]).toMatchObject({
      absPath: '/opt/tool/bin',
      absTarget: '/usr/local/bin',
      pathWasRelative: false,
      targetWasRelative: false
    })
  })

  it.each(['../out', 'sub/../../out', '..'])('rejects PATH %s that leads outside the working directory', (path) => {
    const { problems } = resolve(spec('fine -> x', `${path} -> x`))
    expect(problems).toHaveLength(1)
    expect(problems[0].line).toBe(2)
    expect(problems[0].message).toContain("outside working-directory '/ws'")
  })

  it('allows a PATH outside the working directory with confine: false', () => {
    const { requests, problems } = resolve('../out -> x', { confine: false })
    expect(problems).toEqual([])
    expect(requests[0].absPath).toBe('/out')
  })

  it.each([
    ['an absolute PATH', '/elsewhere/l -> x'],
    ['a TARGET outside', 'l -> ../shared/x'],
    ['a PATH that only passes through ..', 'sub/../l -> x'],
    ['a name that starts with ..', '..cache/l -> x']
  ])('allows %s with confine: true', (_, line) => {
    expect(resolve(line).problems).toEqual([])
  })

  it.each([
    ['linux', 'b', 'a/../b', true],
    ['linux', 'b', './b/', true],
    ['linux', 'sub/l', '/ws/sub/l', true],
    ['linux', 'Links/A', 'links/a', false],
    ['darwin', 'Links/A', 'links/a', true],
    ['win32', 'Links/A', 'links\\a', true]
  ])('on %s, PATHs %s and %s are the same entry: %s', (name, first, second, same) => {
    const { problems } = resolve(spec(`${first} -> t1`, '', `${second} -> t2`), {
      platform: platformFor(name),
      wd: name === 'win32' ? 'C:\\ws' : '/ws'
    })
    expect(problems).toEqual(same ? [{ line: 3, message: expect.stringContaining('already the PATH on line 1') }] : [])
  })

  it.each([
    ['linux', 'l -> l'],
    ['linux', 'sub/l -> sub/./l'],
    ['linux', 'l -> /ws/l'],
    ['darwin', 'L -> l']
  ])('on %s, rejects a link to itself: %s', (name, line) => {
    const { problems } = resolve(spec('ok -> t', line), { platform: platformFor(name) })
    expect(problems).toEqual([{ line: 2, message: expect.stringContaining('points at itself') }])
  })

  it('does not call a link to a different-case name a link to itself on linux', () => {
    expect(resolve('L -> l').problems).toEqual([])
  })

  it('marks links that lie under, or point under, another entry', () => {
    const { requests } = resolve(
      spec(
        'vendor -> /opt/vendor',
        'vendor/lib/x -> data/x', //  PATH under vendor
        'app/lib -> vendor/lib', //   TARGET under vendor
        'vendor2 -> data/y', //       only a common prefix
        'other -> data/z', //         unrelated
        'alias -> vendor' //          TARGET is another entry's PATH
      )
    )
    expect(requests.map((r) => [r.path, r.dependsOnEarlier])).toEqual([
      ['vendor', false],
      ['vendor/lib/x', true],
      ['app/lib', true],
      ['vendor2', false],
      ['other', false],
      ['alias', true]
    ])
  })

  it("marks links whose TARGET is a directory another entry's PATH lies below: create-parents may make it", () => {
    const { requests } = resolve(
      spec(
        'before -> out/sub', //      TARGET above a later entry's PATH, as for a TARGET that is a later PATH
        'out/sub/deep/a -> data/x',
        'sub -> out/sub', //         between the PATH and a directory above it
        'top -> out', //             the outermost directory create-parents may make
        'deep -> out/sub/deep', //   PATH's own directory
        'here -> .', //              the working directory lies above every relative PATH
        'near -> out/su', //         only a common prefix
        'sibling -> out/other', //   beside, not above
        'file -> data/x' //          unrelated
      )
    )
    expect(requests.map((r) => [r.path, r.dependsOnEarlier])).toEqual([
      ['before', true],
      ['out/sub/deep/a', false],
      ['sub', true],
      ['top', true],
      ['deep', true],
      ['here', true],
      ['near', false],
      ['sibling', false],
      ['file', false]
    ])
  })

  it('on Windows, marks a TARGET above another PATH in any case and with either slash', () => {
    const { requests } = resolve(spec('Out\\Sub\\a -> data/x', 'alias -> OUT/sub', 'other -> out/subs'), {
      wd: 'C:\\ws',
      platform: platformFor('win32')
    })
    expect(requests.map((r) => r.dependsOnEarlier)).toEqual([false, true, false])
  })

  it('resolves forward-slash paths against a Windows working directory', () => {
    const win32 = platformFor('win32')
    const { requests, problems } = resolve(
      spec('sub/l -> data/x', 'D:/cache/l -> C:/tools/bin', 'SUB/L/x -> ../outside', '../escape -> x'),
      { wd: 'C:\\ws', platform: win32 }
    )
    expect(requests.map((r) => [r.absPath, r.absTarget, r.pathWasRelative, r.targetWasRelative])).toEqual([
      ['C:\\ws\\sub\\l', 'C:\\ws\\data\\x', true, true],
      ['D:\\cache\\l', 'C:\\tools\\bin', false, false],
      ['C:\\ws\\SUB\\L\\x', 'C:\\outside', true, true],
      ['C:\\escape', 'C:\\ws\\x', true, true]
    ])
    expect(problems).toEqual([{ line: 4, message: expect.stringContaining("outside working-directory 'C:\\ws'") }])
    expect(requests.map((r) => r.dependsOnEarlier)).toEqual([false, false, true, false])
  })
})

describe('LinkKeys: the directories above PATHs', () => {
  it(`notes ${ABOVE} at most, so a spec of deep trees stays bounded; the PATHs themselves are all kept`, () => {
    const keys = new LinkKeys(linux)
    // The first PATH notes /ws/d0 and /ws, each one after it its own directory: the last one here finds the bound.
    for (let i = 0; i < ABOVE; i++) keys.add(`/ws/d${i}/l`, i)
    const last = `/ws/d${ABOVE - 1}`
    expect([keys.isAbove('/ws'), keys.isAbove(`/ws/d${ABOVE - 2}`), keys.isAbove(last)]).toEqual([true, true, false])
    expect([keys.isPath(`${last}/l`), keys.isAbove(`${last}/l`), keys.isAbove('/')]).toEqual([true, false, false])
  })
})

describe('LinkKeys: the directories above PATHs', () => {
  it(`past ${ABOVE} directories noted, a directory without a PATH may still hold one noted above another`, () => {
    const keys = new LinkKeys(linux)
    // ABOVE - 1 noted (/ws and each /ws/dN), then /x/y/z/l notes /x/y/z alone: /x/y is past the bound.
    for (let i = 0; i < ABOVE - 2; i++) keys.add(`/ws/d${i}/l`, i)
    keys.add('/x/y/z/l', ABOVE)
    const asked = ['/x/y/q', '/x/y/z', '/x/y/q', '/x/y/z/l']
    expect(asked.map((key) => keys.isPathOrAbove(key))).toEqual([false, true, false, true])
  })
})

describe("the spec check's short cuts answer as the look-ups they skip (properties)", () => {
  // Few short names, so that PATHs share directories, lie below one another, and TARGETs meet them.
  const names = fc.array(fc.constantFrom('a', 'b', 'B', 'c.d', 'e'), { minLength: 1, maxLength: 4 })
  const platforms: [string, Platform, (parts: string[]) => string][] = [
    ['linux', linux, (parts) => `/${parts.join('/')}`],
    ['win32', platformFor('win32'), (parts) => `C:\\${parts.join('\\')}`]
  ]
  const keysOf = (platform: Platform, paths: string[]): LinkKeys => {
    const keys = new LinkKeys(platform)
    paths.forEach((p, i) => keys.add(resolvedKey(platform, p), i))
    return keys
  }

  it.each(platforms)('LinkKeys.isPathOrAbove is has || isAbove, asked in any order (%s)', (_, platform, spell) => {
    const paths = fc.array(names.map(spell), { maxLength: 8 })
    fc.assert(
      fc.property(paths, paths, (made, asked) => {
        const keys = keysOf(platform, made)
        for (const key of asked.map((p) => resolvedKey(platform, p)))
          expect(keys.isPathOrAbove(key)).toBe(keys.has(key) || keys.isAbove(key))
      }),
      { numRuns: 300 }
    )
  })

  it.each(platforms)(
    'Dependents answers each request as a new one would, asked in any order (%s)',
    (_, platform, spell) => {
      const paths = fc.array(names.map(spell), { maxLength: 8 })
      const requests = fc.array(
        fc.record({ absPath: names.map(spell), absTarget: fc.oneof(names.map(spell), fc.constant('')) }),
        { maxLength: 8 }
      )
      fc.assert(
        fc.property(paths, requests, (made, asked) => {
          const keys = keysOf(platform, made)
          const dependents = new Dependents(keys, platform)
          for (const request of asked) expect(dependents.of(request)).toBe(new Dependents(keys, platform).of(request))
        }),
        { numRuns: 300 }
      )
    }
  )

  it('splits a line where SEPARATOR does, and only there', () => {
    const line = fc
      .array(fc.constantFrom('a', ' ', '\t', '-', '>', '->', ' -> ', '#'), { maxLength: 10 })
      .map((parts) => parts.join(''))
    fc.assert(
      fc.property(line, (text) => {
        const trimmed = text.trim()
        fc.pre(trimmed !== '' && !trimmed.startsWith('#'))
        const parts = trimmed.split(new RegExp(SEPARATOR, 'g')).map((p) => p.trim())
        const entries = [...parseLines(specText(text), defaults, [])]
        if (parts.length === 2 && parts.every((p) => p !== ''))
          expect(entries.map((e) => [e.path, e.target])).toEqual([parts])
        else expect(entries).toEqual([])
      }),
      { numRuns: 1000 }
    )
  })

  it('takes for a drive what /^[A-Za-z]:/ does, with every character before the colon', () => {
    for (let code = 0; code < 0x250; code++) {
      const text = `${String.fromCharCode(code)}:x`
      expect(spelledForWindows(text)).toBe(/^[A-Za-z]:/.test(text) || code === 0x5c)
    }
    expect([':', 'a', '', 'a;', 'ab:'].map(spelledForWindows)).toEqual([false, false, false, false, false])
  })
})

describe('readSpec', () => {
  const settings = { defaults, workingDirectory: '/ws', confine: true }

  it.each([
    ['lines with CRLF, blanks and comments', 'a -> x\r\n\r\n# c\r\nsub/b -> ../ws/y\r\nc\r -> z'],
    ['YAML', '- path: a\n  target: x\n- path: sub/b\n  target: y\n  type: hardlink']
  ])('reads and resolves in one pass what parse and resolve give apart (%s)', (_, text) => {
    const apart = resolveEntries(parse(text).entries, '/ws', true, linux)
    expect(readAll(text, settings, linux)).toEqual({ requests: apart.requests, verdicts: [] })
  })

  it('gives the problems of both stages, and every entry read, and no links to make', () => {
    const read = readAll('a -> x\nbroken\na -> y\n../out -> x', settings, linux)
    expect(read).not.toHaveProperty('requests')
    const { problems, entries } = read as Extract<typeof read, { problems: unknown }>
    expect(problems.map((p) => p.line).sort()).toEqual([2, 3, 4])
    expect(entries.map((e) => e.line)).toEqual([1, 3, 4])
  })
})

describe("readSpec keeps a restore's link texts, and only a restore's", () => {
  const text = spec(
    '- { path: exact, text: ../a/b }',
    '- { path: sub/rel, target: data/x }',
    '- { path: abs, target: data/x, relative: false }',
    '- { path: hard, target: data/x, type: hardlink }',
    '- { path: maybe, target: data/x, type: hardlink, fallback: [symlink] }',
    '- { path: gone, state: absent }'
  )
  const read = (confineTargets: boolean) => {
    const links = readSpec(specText(text), { defaults, workingDirectory: '/ws', confine: true, confineTargets }, linux)
    if ('problems' in links) throw new Error(JSON.stringify(links.problems))
    return links.texts
  }

  it('the text each entry that may make a symbolic link would have, by PATH; none for other entries', () => {
    const texts = read(true)
    const at = (p: string) => texts?.textAt(`/ws/${p}`)
    expect(['exact', 'sub/rel', 'abs', 'hard', 'maybe', 'gone', 'other'].map(at)).toEqual([
      '../a/b',
      '../data/x',
      '/ws/data/x',
      undefined,
      'data/x',
      undefined,
      undefined
    ])
  })

  it('nothing without confineTargets: a run of 100,000 links keeps only their keys', () => {
    expect(read(false)).toBeUndefined()
  })
})

describe('telling a YAML list from lines, and the edges of each (Stryker survivors)', () => {
  it('reads YAML after blank lines and an indented comment, and a spec of only comments as nothing', () => {
    expect(links('\n  # links\n- path: a\n  target: b\n')).toEqual([[3, 'a', 'b']])
    expect(parse('# nothing yet\n\n   # still nothing\n')).toEqual({ entries: [], problems: [] })
  })

  it('reads a line with a dash inside PATH as a line, and drops a byte-order mark before it', () => {
    expect(links('my - file -> x')).toEqual([[1, 'my - file', 'x']])
    expect(links('\uFEFFa -> b')).toEqual([[1, 'a', 'b']])
  })

  it('checks a TARGET given under state: absent, and keeps it', () => {
    const absent = { ...defaults, state: 'absent' as const }
    expect(parseSpec('a -> b\0c', absent).problems).toEqual([{ line: 1, message: expect.stringContaining('NUL') }])
    expect(parseSpec('a -> b', absent).entries).toMatchObject([{ path: 'a', target: 'b' }])
    expect(parse('- path: a\n  target: b\n  state: absent').entries).toMatchObject([{ path: 'a', target: 'b' }])
    expect(parse('- path: a\n  state: absent').entries).toMatchObject([{ path: 'a', target: '' }])
  })

  it('gives an entry on one line no last line, and a YAML error one line of text', () => {
    const [entry] = parse('[{path: a, target: b}]').entries
    expect(entry).not.toHaveProperty('endLine')
    const [problem] = parse('- path: a\n  target: [b\n').problems
    // The parser's first line says what is wrong; the rest (a drawing of the spot) is not for an annotation.
    expect(problem.message).toMatch(/^YAML: \S.{10,}$/)
    expect(problem.message).not.toContain('\n')
  })

  it('names what was given when a choice is not text, and refuses a fallback list holding a list', () => {
    expect(parse('- path: a\n  target: b\n  type: [symlink]').problems).toEqual([
      { line: 3, message: expect.stringContaining('["symlink"]') }
    ])
    expect(parse('- path: a\n  target: b\n  fallback: [symlink, [copy]]').problems).toEqual([
      { line: 3, message: expect.stringContaining("'fallback'") }
    ])
  })
})

describe('readSpec, with problems in one stage only', () => {
  const settings = { defaults, workingDirectory: '/ws', confine: true }

  it.each([
    ['parsing', 'a -> x\nbroken', [2]],
    ['resolving', 'a -> x\na -> y', [2]]
  ])('gives the problems of %s alone, and no links to make', (_, text, lines) => {
    const read = readAll(text, settings, linux)
    expect(read).not.toHaveProperty('requests')
    expect((read as { problems: { line: number }[] }).problems.map((p) => p.line)).toEqual(lines)
  })
})

describe('one spec for every runner: os, literal and Windows spellings', () => {
  const settings = { defaults, workingDirectory: '/ws', confine: true }
  const [win32, darwin] = [platformFor('win32'), platformFor('darwin')]

  /** A spec this runner reads without a problem: its links and its settled entries. */
  function read(text: string, platform: Platform = linux) {
    const wd = platform.isWindows ? 'C:\\ws' : '/ws'
    const result = readAll(text, { ...settings, workingDirectory: wd }, platform)
    if ('problems' in result) throw new Error(JSON.stringify(result.problems))
    return result
  }
  /** [line, status, code] of each settled entry, and the lines of the links to make. */
  const settled = (text: string, platform?: Platform) => {
    const { requests, verdicts } = read(text, platform)
    return { made: requests.map((r) => r.line), settled: verdicts.map((v) => [v.entry.line, v.status, v.code]) }
  }

  it('reads `os` as one runner OS or a list, in any case, named as runner.os names it', () => {
    const { entries, problems } = parse(
      spec(
        '- { path: a, target: x, os: LINUX }',
        '- { path: b, target: x, os: [macos, Windows, windows] }',
        '- { path: c, target: x }'
      )
    )
    expect(problems).toEqual([])
    expect(entries.map((e) => e.os)).toEqual([['Linux'], ['macOS', 'Windows'], undefined])
  })

  it.each([
    ['a runs-on label', 'os: ubuntu-latest', 'ubuntu-latest'],
    ['an empty list', 'os: []', 'no runner'],
    ['a list holding a list', 'os: [[Linux]]', '["Linux"]'],
    ['literal that is not true or false', 'literal: yes', "'yes'"]
  ])('refuses %s as a spec problem on its line', (_, field, said) => {
    const problem = onlyProblem(spec('- path: a', '  target: x', `  ${field}`))
    expect(problem).toEqual({ line: 3, message: expect.stringContaining(said) })
  })

  it('fails a PATH with a backslash and a TARGET with a drive letter alone, on their lines, and makes the others', () => {
    const text = spec('app\\node_modules -> ..\\shared', 'ok -> data/x', 'cache -> D:\\cache\\pip', 'c: -> x')
    expect(settled(text)).toEqual({
      made: [2],
      settled: [
        [1, 'failed', 'WINDOWS_PATH'],
        [3, 'failed', 'WINDOWS_PATH'],
        [4, 'failed', 'WINDOWS_PATH']
      ]
    })
    const [backslash, drive] = read(text).verdicts
    expect(backslash.message).toContain('(line 1)')
    expect(backslash.hint).toContain("'app/node_modules'")
    expect(drive.message).toContain("TARGET 'D:\\cache\\pip'")
    expect(drive.hint).toContain('`os: Windows`')
  })

  it('keeps each link in its place in the spec among the settled entries', () => {
    const { requests, verdicts } = read(spec('a\\b -> x', 'c -> x', 'd\\e -> x', 'f\\g -> x', 'h -> x'))
    expect(verdicts.map((v) => v.index)).toEqual([0, 2, 3])
    expect(requests.map((r) => r.line)).toEqual([2, 5])
  })

  it('takes `\\` and `C:` as characters of a name in an entry with `literal: true`', () => {
    const { requests, verdicts } = read('- { path: "a\\\\b", target: "C:x", literal: true }')
    expect(verdicts).toEqual([])
    expect(requests[0]).toMatchObject({ absPath: '/ws/a\\b', absTarget: '/ws/C:x' })
  })

  it('refuses Windows spellings on macOS too, and takes them as paths on Windows', () => {
    const text = spec('app\\node_modules -> ..\\shared', 'cache -> D:\\cache\\pip')
    expect(settled(text, darwin).settled).toEqual([
      [1, 'failed', 'WINDOWS_PATH'],
      [2, 'failed', 'WINDOWS_PATH']
    ])
    expect(read(text, darwin).verdicts[0].message).toContain('macOS runner')
    const { requests } = read(text, win32)
    expect(requests.map((r) => [r.absPath, r.absTarget])).toEqual([
      ['C:\\ws\\app\\node_modules', 'C:\\shared'],
      ['C:\\ws\\cache', 'D:\\cache\\pip']
    ])
  })

  const perOs = spec(
    '- { path: cache, target: /x, os: Linux }',
    '- { path: cache, target: "D:\\\\x", os: Windows }',
    '- { path: cache, target: /Volumes/x, os: macOS }',
    '- { path: everywhere, target: x }'
  )

  it.each([
    [linux, 1],
    [darwin, 3],
    [win32, 2]
  ])(
    'on %# makes the entry for its own OS and sets the others aside, a PATH shared by OSes no duplicate',
    (platform, mine) => {
      const { made, settled: aside } = settled(perOs, platform)
      expect(made).toEqual([mine, 4])
      expect(aside).toEqual([1, 2, 3].filter((line) => line !== mine).map((line) => [line, 'other-os', '']))
    }
  )

  it('checks duplicates among the entries of this runner: one for every runner and one for this OS are one PATH', () => {
    const twice = spec(
      '- { path: a, target: x, os: [linux] }',
      '- { path: a, target: y }',
      '- { path: a, target: z, os: windows }'
    )
    const problemsOn = (platform: Platform) => {
      const result = readAll(twice, { ...settings, workingDirectory: platform.isWindows ? 'C:\\ws' : '/ws' }, platform)
      return 'problems' in result ? result.problems : []
    }
    expect(problemsOn(linux)).toEqual([{ line: 2, message: expect.stringContaining('line 1') }])
    expect(problemsOn(win32)).toEqual([{ line: 3, message: expect.stringContaining('line 2') }])
    expect(problemsOn(darwin)).toEqual([])
  })

  it('checks nothing else of an entry for other runners: its Windows spelling is never refused on Linux', () => {
    const text = spec(
      '- { path: "C:\\\\cache", target: "..\\\\x", os: Windows }',
      '- { path: ../out, target: x, os: macOS }'
    )
    expect(settled(text)).toEqual({
      made: [],
      settled: [
        [1, 'other-os', ''],
        [2, 'other-os', '']
      ]
    })
    expect(read(text).verdicts[0].message).toMatch(/Windows.*Linux/)
  })

  it('matches `os` against the runner as RUNNER_OS names it, in any case', () => {
    expect(settled(perOs, platformFor('linux', 'MACOS')).made).toEqual([3, 4])
  })
})

describe('junctionNotice: one notice where junctions are made as symlinks', () => {
  const requestsOf = (text: string, platform: Platform) =>
    resolveEntries(parse(text).entries, platform.isWindows ? 'C:\\ws' : '/ws', true, platform).requests

  it.each([
    ['linux', 'Linux'],
    ['darwin', 'macOS']
  ])('is given on %s for `type: junction`, naming the runner', (name, runner) => {
    const platform = platformFor(name)
    expect(junctionNotice(requestsOf('- { path: j, target: d, type: junction }', platform), platform)).toContain(
      `${runner} runner`
    )
  })

  it('is not given on Windows, for a junction only in fallback, or for junctions removed', () => {
    const win32 = platformFor('win32')
    expect(junctionNotice(requestsOf('- { path: j, target: d, type: junction }', win32), win32)).toBeUndefined()
    const fallbackOnly = '- { path: j, target: d, fallback: junction }'
    expect(junctionNotice(requestsOf(fallbackOnly, linux), linux)).toBeUndefined()
    const removed = '- { path: j, type: junction, state: absent }'
    expect(junctionNotice(requestsOf(removed, linux), linux)).toBeUndefined()
  })
})
