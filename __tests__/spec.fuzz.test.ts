// Property tests of the spec parser (issue #6, "Hostile input"): whatever the text, parseSpec and resolveEntries
// answer with entries or line-numbered problems and never throw; a clean spec round-trips; a relative PATH never
// leaves working-directory unnoticed; and, end to end, a spec with one bad line changes nothing on disk.
//
// Every property runs its full count of runs (a run cut short would be a pass that checked less), sized so that the
// whole file takes a few seconds. CI (CI=true) always uses one fixed seed, so a red run replays; elsewhere each run
// draws a seed and prints it. Replay a failure with FC_SEED=<seed> (fast-check also prints the path it failed at).
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { stringify } from 'yaml'
import {
  LINK_TYPES,
  OVERWRITE_MODES,
  RELATIVE_MODES,
  SEPARATOR,
  TARGET_TYPES,
  KINDS,
  type SpecEntry
} from '../src/model.js'
import { platformFor, type Platform } from '../src/platform.js'
import { parseSpec, resolveEntries, type ParsedSpec } from '../src/spec/index.js'
import { DEFAULTS as defaults } from './helpers/stage.js'
import { describePosixWithActionNode, runAction, snapshot, tempWorkspace } from './helpers/action.js'

const CI_SEED = 16
const SEED = process.env.FC_SEED
  ? Number(process.env.FC_SEED)
  : process.env.CI === 'true'
    ? CI_SEED
    : Date.now() % 2 ** 31
console.info(`spec.fuzz: fast-check seed ${SEED} (replay with FC_SEED=${SEED})`)

/** Under Stryker a mutant only has to be caught, not shrunk to a minimal example (shrinking outlasts its timeout). */
const endOnFailure = process.env.STRYKER_MUTATOR_WORKER !== undefined

/** The run count of one property: all of them, however long a loaded machine takes (jest's timeout is the cap). */
const budget = (numRuns: number): fc.Parameters<unknown> => ({ seed: SEED, numRuns, endOnFailure })

const parse = (text: string): ParsedSpec => parseSpec(text, defaults)

/** Lines as the parser and the YAML line counter count them (a lone CR is not a line break for either). */
const lineCount = (text: string): number => text.split('\n').length

/**
 * docs/usage.md: "A spec whose first entry starts with `- `, with `[{` or a lone `[` (a JSON list, even one whose
 * strings hold ` -> `), or with `[` on a line without ` -> `, is read as YAML".
 */
function readAsYaml(text: string): boolean {
  const first = text.split(/\r?\n/).find((l) => l.trim() !== '' && !l.trim().startsWith('#'))
  if (first === undefined) return false
  const start = first.trim()
  return (
    /^-(\s|$)/.test(start) || /^\[\s*(\{|$)/.test(start) || (start.startsWith('[') && !/(^|\s)->(\s|$)/.test(first))
  )
}

/** What holds for every answer of parseSpec, whatever the text (NUL-free entries are checked on their own below). */
function checkAnswer(text: string, parsed: ParsedSpec): void {
  expect(Array.isArray(parsed.entries)).toBe(true)
  expect(Array.isArray(parsed.problems)).toBe(true)
  const lines = lineCount(text)
  for (const problem of parsed.problems) {
    expect(Number.isInteger(problem.line)).toBe(true)
    expect(problem.line).toBeGreaterThanOrEqual(1)
    expect(problem.line).toBeLessThanOrEqual(lines)
    expect(typeof problem.message).toBe('string')
    expect(problem.message.trim()).not.toBe('')
  }
  for (const entry of parsed.entries) {
    expect(Number.isInteger(entry.line)).toBe(true)
    expect(entry.line).toBeGreaterThanOrEqual(1)
    expect(entry.line).toBeLessThanOrEqual(lines)
    expect(typeof entry.path).toBe('string')
    expect(typeof entry.target).toBe('string')
    // Options are always one of the documented values.
    expect(LINK_TYPES).toContain(entry.options.type)
    expect(RELATIVE_MODES).toContain(entry.options.relative)
    expect(OVERWRITE_MODES).toContain(entry.options.overwrite)
    for (const kind of entry.options.fallback) expect(KINDS).toContain(kind)
    expect([undefined, ...TARGET_TYPES]).toContain(entry.options.targetType)
  }
  // The lines format answers every line that is not blank or a comment, on that line, and no other line.
  if (!readAsYaml(text)) {
    const meaningful = new Set<number>()
    text.split(/\r?\n/).forEach((l, i) => {
      if (l.trim() !== '' && !l.trim().startsWith('#')) meaningful.add(i + 1)
    })
    const answered = new Set([...parsed.entries.map((e) => e.line), ...parsed.problems.map((p) => p.line)])
    expect([...answered].sort((a, b) => a - b)).toEqual([...meaningful])
  }
}

/** parseSpec, failing the property with the input quoted if it throws. */
function parseOrFail(text: string): ParsedSpec {
  try {
    return parse(text)
  } catch (error) {
    throw new Error(`parseSpec threw ${String(error)} on ${JSON.stringify(text.slice(0, 300))}`, { cause: error })
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Generators

const unicodeText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  // Lone surrogates and control characters too: any UTF-16 code unit.
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 200 })
)

const FRAGMENTS = [
  ' -> ',
  '->',
  ' ->',
  '-> ',
  '#',
  '- ',
  '-',
  '[',
  ']',
  '{',
  '}',
  ':',
  ': ',
  'path:',
  'target:',
  'type:',
  'fallback:',
  'path: ',
  'target: ',
  '\0',
  '\r\n',
  '\n',
  '\r',
  '..',
  '../',
  '/',
  '\\',
  '"',
  "'",
  '`',
  '&a ',
  '*a',
  '!!binary ',
  '!!str ',
  '!!int ',
  '!foo ',
  '<<: ',
  '---',
  '...',
  '%YAML 1.2',
  '%',
  '%0A',
  '::',
  '@',
  ' ',
  '  ',
  '\t',
  '\u00A0',
  '\u2028',
  '\u3000',
  '\uFEFF',
  'a',
  'b',
  'sub/',
  'é',
  'e\u0301',
  '日',
  '😀',
  ',',
  '?',
  '|',
  '>',
  '0',
  '1.10',
  '0x1F',
  'null',
  'true',
  '~',
  'symlink',
  'hardlink',
  'copy',
  'data/file.txt'
]

const fragment = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  // Very long lines: a long name, or a long run of one fragment.
  { weight: 1, arbitrary: fc.integer({ min: 256, max: 5000 }).map((n) => 'x'.repeat(n)) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('[', '{', '- ', '../', ' -> '), fc.integer({ min: 50, max: 300 }))
      .map(([f, n]) => f.repeat(n))
  }
)

const fragmentLine = fc.array(fragment, { maxLength: 8 }).map((parts) => parts.join(''))

const lineStructured = fc
  .tuple(fc.array(fragmentLine, { minLength: 1, maxLength: 15 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(([lines, eol, finalEol]) => lines.join(eol) + (finalEol ? eol : ''))

/** A name that may hold almost anything a file name can (no `/`, no line break, no NUL). */
const NAME_UNITS = [
  ...'abcXYZ019._-[]{}#%:&*!@$+=,;()\'"`<>?|~^',
  ' ',
  '\t',
  '\u00A0',
  'é',
  'e\u0301',
  '日',
  '😀',
  '\u200B',
  '\\',
  '->'
]
const segment = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: fc.constantFrom(...NAME_UNITS), minLength: 1, maxLength: 10 }) },
  { weight: 1, arbitrary: fc.constantFrom('.', '..', '...', '-', '#x', '- x', '[x]', '&a', '*a', '!!binary') }
)
const pathText = fc
  .tuple(fc.boolean(), fc.array(segment, { minLength: 1, maxLength: 4 }))
  .map(([absolute, segments]) => (absolute ? '/' : '') + segments.join('/'))

const padding = fc.constantFrom('', ' ', '  ', '\t', '\u00A0', '\u3000 ')
const separator = fc.constantFrom(' -> ', '  ->  ', '\t->\t', ' ->\u00A0', '\u3000->\u3000')

const linkLine = fc.tuple(padding, pathText, separator, pathText, padding).map((p) => p.join(''))
const blankLine = padding
const commentLine = fc.tuple(padding, fc.string({ maxLength: 20 })).map(([p, s]) => `${p}#${s.replace(/[\r\n]/g, '')}`)
const badLine = fragmentLine.map((l) => l.replace(/[\r\n]/g, ''))

const linesOf = (line: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc
    .tuple(fc.array(line, { minLength: 1, maxLength: 20 }), fc.constantFrom('\n', '\r\n'))
    .map(([lines, eol]) => lines.join(eol))

/** Lines-format specs that are mostly well formed: links, blanks, comments, and now and then a bad line. */
const linesSpec = linesOf(
  fc.oneof(
    { weight: 8, arbitrary: linkLine },
    { weight: 1, arbitrary: blankLine },
    { weight: 1, arbitrary: commentLine },
    { weight: 1, arbitrary: badLine }
  )
)
/** The same without deliberately bad lines: most of these parse clean (for the round trip). */
const cleanLinesSpec = linesOf(
  fc.oneof(
    { weight: 8, arbitrary: linkLine },
    { weight: 1, arbitrary: blankLine },
    { weight: 1, arbitrary: commentLine }
  )
)

/** A value for a field of a YAML item: mostly sensible, sometimes any JSON value. */
const anyJson = fc.jsonValue({ maxDepth: 3 })
const field = <T>(good: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 5, arbitrary: good }, { weight: 1, arbitrary: anyJson })

const specItem = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(
        fc.record(
          {
            path: field(pathText),
            target: field(pathText),
            type: field(fc.constantFrom(...LINK_TYPES, 'Symlink', 'softlink')),
            fallback: field(fc.oneof(fc.subarray([...KINDS]), fc.constantFrom('symlink, copy', 'copy', '', 'link'))),
            relative: field(fc.constantFrom('auto', 'true', 'false', true, false, 'yes')),
            overwrite: field(fc.constantFrom(...OVERWRITE_MODES, 'always')),
            'target-type': field(fc.constantFrom(...TARGET_TYPES, 'folder'))
          },
          { requiredKeys: [] }
        ),
        fc.option(fc.dictionary(fc.string({ maxLength: 8 }), anyJson, { maxKeys: 2 }), { freq: 5 })
      )
      .map(([item, extra]) => ({ ...(extra ?? {}), ...item }))
  },
  { weight: 1, arbitrary: anyJson }
)

const SERIALISERS: Record<string, (value: unknown) => string> = {
  yamlBlock: (v) => stringify(v),
  yamlFlow: (v) => stringify(v, { collectionStyle: 'flow' }),
  json: (v) => JSON.stringify(v),
  jsonPretty: (v) => JSON.stringify(v, null, 2)
}

const serialised = (document: fc.Arbitrary<unknown>): fc.Arbitrary<string> =>
  fc
    .tuple(document, fc.constantFrom(...Object.keys(SERIALISERS)), fc.constantFrom('', '# links\n', '\n\n# c\n'))
    .map(([doc, how, header]) => header + (SERIALISERS[how](doc) ?? ''))

/** Items with every field valid (or left out): most of these lists parse clean (for the round trip). */
const cleanItem = fc.record(
  {
    path: pathText,
    target: pathText,
    type: fc.constantFrom(...LINK_TYPES, 'HardLink'),
    fallback: fc.oneof(fc.subarray([...KINDS]), fc.constantFrom('symlink, copy', 'copy hardlink', '')),
    relative: fc.constantFrom('auto', 'true', 'false', true, false),
    overwrite: fc.constantFrom(...OVERWRITE_MODES),
    'target-type': fc.constantFrom(...TARGET_TYPES)
  },
  { requiredKeys: ['path', 'target'] }
)
const cleanYamlDocument = serialised(fc.array(cleanItem, { minLength: 1, maxLength: 8 }))

const yamlDocument = serialised(
  fc.oneof({ weight: 6, arbitrary: fc.array(specItem, { maxLength: 8 }) }, { weight: 1, arbitrary: anyJson })
)

/** Everything the parser may be given. */
const anySpecText = fc.oneof(unicodeText, lineStructured, linesSpec, yamlDocument)

// ---------------------------------------------------------------------------------------------------------------

describe('parseSpec on hostile text (properties)', () => {
  it.each([
    ['arbitrary unicode strings', unicodeText],
    [
      'lines built from spec fragments (->, #, - , [, {, :, NUL, CRLF, .., quotes, anchors, tags, long lines)',
      lineStructured
    ],
    ['mostly well-formed PATH -> TARGET lines', linesSpec],
    ['YAML and JSON documents generated from JSON values', yamlDocument]
  ])('never throws, and answers %s with entries or line-numbered problems', (_, arbitrary) => {
    fc.assert(
      fc.property(arbitrary as fc.Arbitrary<string>, (text) => checkAnswer(text, parseOrFail(text))),
      budget(300)
    )
  })

  it('a line whose PATH or TARGET is empty or carries a NUL gets a problem on that line naming which, and no entry', () => {
    const other = pathText.filter((p) => !SEPARATOR.test(p) && !p.trim().startsWith('#') && p.trim() !== '')
    const hollow = fc.oneof(
      fc.constantFrom('', ' ', '\t'),
      other.map((p) => `${p}\0`),
      other.map((p) => `\0${p}`)
    )
    fc.assert(
      fc.property(
        fc.array(linkLine, { maxLength: 5 }),
        fc.nat(),
        other,
        hollow,
        fc.constantFrom('PATH', 'TARGET'),
        (around, at, good, bad, which) => {
          const k = at % (around.length + 1)
          const line = which === 'PATH' ? `${bad} -> ${good}` : `${good} -> ${bad}`
          // A plain first line keeps the spec in the lines format whatever the others hold.
          const text = ['first -> line', ...around.slice(0, k), line, ...around.slice(k)].join('\n')
          const n = k + 2
          const { entries, problems } = parseOrFail(text)
          expect(entries.map((e) => e.line)).not.toContain(n)
          const said = problems.filter((p) => p.line === n).map((p) => p.message)
          expect(said.some((m) => m.includes(which) && /empty|NUL/.test(m))).toBe(true)
        }
      ),
      {
        ...budget(300),
        examples: [
          [[], 0, 'b', '', 'PATH'],
          [['x -> y'], 1, 'a', 'b\0c', 'TARGET']
        ]
      }
    )
  })

  it('returns only entries with a non-empty PATH and TARGET without NUL', () => {
    fc.assert(
      fc.property(anySpecText, (text) => {
        for (const entry of parseOrFail(text).entries) {
          expect(entry.path).not.toBe('')
          expect(entry.target).not.toBe('')
          expect(entry.path).not.toContain('\0')
          expect(entry.target).not.toContain('\0')
        }
      }),
      { ...budget(300), examples: [['   -> b'], ['a ->  '], ['a\0 -> b']] }
    )
  })

  it('a lines spec without problems round-trips: its entries written back as PATH -> TARGET parse the same', () => {
    fc.assert(
      fc.property(cleanLinesSpec, (text) => {
        const first = parseOrFail(text)
        fc.pre(first.problems.length === 0 && first.entries.length > 0 && !readAsYaml(text))
        // Same line numbers: each entry on its own line, the rest blank.
        const lines = Array<string>(lineCount(text)).fill('')
        for (const e of first.entries) lines[e.line - 1] = `${e.path} -> ${e.target}`
        const again = parseOrFail(lines.join('\n'))
        expect(again.problems).toEqual([])
        expect(again.entries).toEqual(first.entries)
      }),
      budget(300)
    )
  })

  it('a YAML/JSON spec without problems round-trips: its entries written back as YAML parse the same', () => {
    fc.assert(
      fc.property(
        fc.oneof({ weight: 4, arbitrary: cleanYamlDocument }, { weight: 1, arbitrary: yamlDocument }),
        fc.constantFrom(...Object.keys(SERIALISERS)),
        (text, how) => {
          const first = parseOrFail(text)
          fc.pre(first.problems.length === 0 && first.entries.length > 0 && readAsYaml(text))
          const items = first.entries.map((e) => ({
            path: e.path,
            target: e.target,
            type: e.options.type,
            // A copy: one array shared by two items would be written as an anchor and an alias (see the alias test).
            fallback: [...e.options.fallback],
            relative: e.options.relative,
            overwrite: e.options.overwrite,
            ...(e.options.targetType ? { 'target-type': e.options.targetType } : {})
          }))
          const again = parseOrFail(SERIALISERS[how](items))
          expect(again.problems).toEqual([])
          const withoutLine = (entries: SpecEntry[]) =>
            entries.map(({ path, target, options }) => ({ path, target, options }))
          expect(withoutLine(again.entries)).toEqual(withoutLine(first.entries))
        }
      ),
      budget(300)
    )
  })

  it('a list of {path, target} strings, in any serialisation, parses to exactly those strings (trimmed)', () => {
    const nice = fc
      .string({ unit: 'binary', minLength: 1, maxLength: 30 })
      .filter((s) => s.trim() !== '' && !s.includes('\0'))
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ path: nice, target: nice }), {
          minLength: 1,
          maxLength: 6,
          selector: (i) => i.path
        }),
        fc.constantFrom(...Object.keys(SERIALISERS)),
        (items, how) => {
          const text = SERIALISERS[how](items)
          const parsed = parseOrFail(text)
          checkAnswer(text, parsed)
          expect(parsed.problems).toEqual([])
          expect(parsed.entries.map((e) => [e.path, e.target, e.options])).toEqual(
            items.map((i) => [i.path.trim(), i.target.trim(), defaults])
          )
        }
      ),
      budget(200)
    )
  })

  it('a plain YAML scalar that looks like a number names the path as written', () => {
    const numberLike = fc.oneof(
      fc.constantFrom(
        '1.10',
        '007',
        '0x1F',
        '0o17',
        '1e3',
        '12345678901234567890',
        '.inf',
        '-.inf',
        '.nan',
        '+1',
        '1.0'
      ),
      fc.tuple(fc.nat(99), fc.nat(99)).map(([a, b]) => `${a}.${b}0`),
      fc.nat(999).map((n) => `0${n}`)
    )
    fc.assert(
      fc.property(numberLike, fc.constantFrom('path', 'target'), (scalar, which) => {
        const other = which === 'path' ? 'target: t' : 'path: p'
        const { entries, problems } = parseOrFail(`- ${which}: ${scalar}\n  ${other}`)
        expect(problems).toEqual([])
        expect(entries).toHaveLength(1)
        expect(entries[0][which]).toBe(scalar)
      }),
      {
        ...budget(100),
        examples: [
          ['1.10', 'path'],
          ['007', 'target']
        ]
      }
    )
  })

  it('a YAML list written by yaml.stringify with a shared fallback list parses', () => {
    const fallback = ['copy']
    const text = stringify([
      { path: 'a', target: 'b', fallback },
      { path: 'c', target: 'd', fallback }
    ])
    expect(text).toContain('*a1') // what the generator wrote
    const { entries, problems } = parse(text)
    expect(problems).toEqual([])
    expect(entries.map((e) => e.options.fallback)).toEqual([['copy'], ['copy']])
  })

  it('a YAML alias of a string reads as that string', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/), fc.stringMatching(/^[a-z]{1,8}$/), (value, anchor) => {
        const { entries, problems } = parseOrFail(
          `- path: &${anchor} ${value}\n  target: *${anchor}\n- path: other\n  target: *${anchor}`
        )
        expect(problems).toEqual([])
        expect(entries.map((e) => [e.path, e.target])).toEqual([
          [value, value],
          ['other', value]
        ])
      }),
      { ...budget(50), examples: [['a', 'p']] }
    )
  })
})

describe('resolveEntries with confine: true (properties)', () => {
  const PLATFORMS: [Platform, string][] = [
    [platformFor('linux'), '/home/runner/work/repo'],
    [platformFor('darwin'), '/Users/runner/work/Repo'],
    [platformFor('win32'), 'C:\\a\\Repo']
  ]

  /** Where a relative PATH lands, resolved segment by segment without node:path (the oracle). */
  function lands(platform: Platform, wd: string, rel: string): string[] {
    const split = (p: string) => p.split(platform.isWindows ? /[\\/]/ : /\//).filter((s) => s !== '' && s !== '.')
    const stack = split(wd.replace(/^[A-Za-z]:/, ''))
    for (const s of split(rel)) {
      if (s === '..') stack.pop()
      else stack.push(s)
    }
    return stack
  }
  const fold = (platform: Platform, s: string) => (platform.usuallyIgnoresCase ? s.toLowerCase().normalize('NFC') : s)
  const inside = (platform: Platform, wd: string, landed: string[], key = (s: string) => s) => {
    const base = wd.split(platform.isWindows ? /[\\/]/ : /\//).filter((s) => s !== '' && !/^[A-Za-z]:$/.test(s))
    return base.every((s, i) => landed[i] !== undefined && key(landed[i]) === key(s))
  }

  const relSegment = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('..', '.', '', 'repo', 'Repo', 'REPO', 'work', 'x') },
    { weight: 2, arbitrary: segment }
  )
  const relPath = fc
    .tuple(fc.array(relSegment, { minLength: 1, maxLength: 8 }), fc.constantFrom('/', '\\'))
    .map(([segments, sep]) => segments.join(sep))
    .filter((p) => p.trim() === p && p !== '')

  it('never throws, on any entries, on linux, darwin and win32', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PLATFORMS),
        anySpecText,
        fc.array(fc.tuple(unicodeText, unicodeText), { maxLength: 5 }),
        ([platform, wd], text, extra) => {
          const entries: SpecEntry[] = [
            ...parseOrFail(text).entries,
            ...extra.map(([p, t], i) => ({ line: i + 1, path: p, target: t, options: defaults }))
          ]
          const { requests, verdicts, problems } = resolveEntries(entries, wd, true, platform)
          // Every entry is a link to make, or settled without one (a Windows spelling on a POSIX runner).
          expect(requests.length + verdicts.length).toBe(entries.length)
          for (const p of problems) {
            expect(Number.isInteger(p.line)).toBe(true)
            expect(p.message).not.toBe('')
          }
        }
      ),
      budget(300)
    )
  })

  it('never lets a relative PATH out of working-directory without a problem on its line (and never blames one that stays)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PLATFORMS),
        fc.array(relPath, { minLength: 1, maxLength: 6 }),
        ([platform, wd], paths) => {
          const entries: SpecEntry[] = paths
            // A leading `X:` on Windows names a drive (`D:x` is relative to D:'s current directory): checked below.
            .filter((p) => !platform.path.isAbsolute(p) && !(platform.isWindows && p.includes(':')))
            .map((p, i) => ({ line: i + 1, path: p, target: `t${i}`, options: defaults }))
          const { problems, verdicts } = resolveEntries(entries, wd, true, platform)
          for (const entry of entries) {
            // On a POSIX runner a PATH with `\` or a drive letter first fails alone (WINDOWS_PATH) before any other
            // check: it is never made.
            if (verdicts.some((v) => v.entry.line === entry.line)) {
              expect({ path: entry.path, windows: platform.isWindows }).toEqual({
                path: expect.stringMatching(/\\|^[A-Za-z]:/),
                windows: false
              })
              continue
            }
            const landed = lands(platform, wd, entry.path)
            const escapes = !inside(platform, wd, landed) && !inside(platform, wd, landed, (s) => fold(platform, s))
            const blamed = problems.some(
              (p) => p.line === entry.line && p.message.includes('leads outside working-directory')
            )
            // Inside only when case is folded (a case-insensitive platform): either answer is defensible.
            const expected = escapes ? true : inside(platform, wd, landed) ? false : blamed
            expect({ path: entry.path, blamed }).toEqual({ path: entry.path, blamed: expected })
          }
        }
      ),
      {
        ...budget(300),
        examples: [
          [PLATFORMS[0], ['a/../../../../etc/x', '../repo/x', '..']],
          [PLATFORMS[2], ['..\\..\\x', 'a/..\\..\\REPO\\x']],
          [PLATFORMS[1], ['a:-/../REPO/_/REPO/./x', 'Repo\\repo', '../../x']]
        ]
      }
    )
  })

  it("on win32, a drive-relative PATH on another drive is outside; on the working directory's drive it is inside", () => {
    const [win32, wd] = PLATFORMS[2]
    const entries = ['D:x', 'd:..\\x', 'C:sub\\x', 'c:..\\..\\x'].map((p, i) => ({
      line: i + 1,
      path: p,
      target: 't',
      options: defaults
    }))
    const { problems } = resolveEntries(entries, wd, true, win32)
    expect(problems.filter((p) => p.message.includes('leads outside working-directory')).map((p) => p.line)).toEqual([
      1, 2, 4
    ])
  })
})

// ---------------------------------------------------------------------------------------------------------------
// End to end: a spec with one bad line changes nothing, whatever else it holds.

/**
 * A name the action can create: starts with a letter (never a comment, never a YAML list), no `/`, no ` -> `, and
 * never a letter and a colon (`n:x` is spelled like a Windows drive: a per-link failure on POSIX since issue 27).
 */
const safeName = fc
  .string({
    unit: fc.constantFrom(..."abcxyz019-_.[]{}%:&!@$+=,()'".split(''), 'é', '日', ' '),
    minLength: 1,
    maxLength: 10
  })
  .map((s) => `n${s.replace(/^:/, '_')}`.trimEnd())

interface Link {
  path: string
  target: string
}

const validLinks = fc.uniqueArray(
  fc.record({
    path: fc.array(safeName, { minLength: 1, maxLength: 3 }).map((s) => s.join('/')),
    target: fc.constantFrom('data/file.txt', 'data', 'data/missing', '/tmp')
  }),
  // No PATH may be another's parent either: that is legal, but keeps the oracle simple.
  { minLength: 1, maxLength: 6, selector: (l) => l.path.split('/')[0] }
)

type BadKind =
  | 'noSeparator'
  | 'twoSeparators'
  | 'emptyTarget'
  | 'emptyPath'
  | 'duplicate'
  | 'self'
  | 'dotdot'
  | 'nul'
  | 'unknownField'
  | 'badType'

/** One bad entry in both spellings. `dup` is a PATH of the valid entries. */
function badEntry(kind: BadKind, name: string, dup: string): { line: string; yaml: string } {
  const q = JSON.stringify
  switch (kind) {
    case 'noSeparator':
      return { line: name, yaml: `- ${q(name)}` }
    case 'twoSeparators':
      return { line: `${name} -> a -> b`, yaml: `- {path: ${q(name)}, target: a, type: softlink}` }
    case 'emptyTarget':
      return { line: `${name} ->   `, yaml: `- {path: ${q(name)}, target: "  "}` }
    case 'emptyPath':
      return { line: '   -> data/file.txt', yaml: `- {path: "", target: data/file.txt}` }
    case 'duplicate':
      return { line: `${dup} -> data/other`, yaml: `- {path: ${q(dup)}, target: data/other}` }
    case 'self':
      return { line: `${name} -> ./${name}`, yaml: `- {path: ${q(name)}, target: ${q(`./${name}`)}}` }
    case 'dotdot':
      return {
        line: `${name}/../../${name} -> data/file.txt`,
        yaml: `- {path: ${q(`../${name}`)}, target: data/file.txt}`
      }
    case 'nul':
      return { line: `${name}\0x -> data/file.txt`, yaml: `- {path: ${q(`${name}\0x`)}, target: data/file.txt}` }
    case 'unknownField':
      return { line: `${name} => data/file.txt`, yaml: `- {path: ${q(name)}, target: data/file.txt, taget: x}` }
    case 'badType':
      return { line: `${name}->data/file.txt`, yaml: `- {path: ${q(name)}, target: data/file.txt, type: softlink}` }
  }
}

const BAD_KINDS: BadKind[] = [
  'noSeparator',
  'twoSeparators',
  'emptyTarget',
  'emptyPath',
  'duplicate',
  'self',
  'dotdot',
  'nul',
  'unknownField',
  'badType'
]

describePosixWithActionNode('never a partial apply (dist/index.js, property)', () => {
  it('a spec of valid links plus one invalid line exits 1 and leaves the workspace byte for byte as it was', () => {
    fc.assert(
      fc.property(
        validLinks,
        fc.constantFrom(...BAD_KINDS),
        safeName,
        fc.nat(),
        fc.constantFrom('lines', 'yaml'),
        fc.boolean(),
        (valid: Link[], kind, name, at, format, viaFile) => {
          const ws = tempWorkspace('ln-action-fuzz-')
          const outside = tempWorkspace('ln-action-fuzz-out-')
          const specDir = tempWorkspace('ln-action-fuzz-spec-')
          try {
            fs.mkdirSync(path.join(ws, 'data'))
            fs.writeFileSync(path.join(ws, 'data', 'file.txt'), 'content\n')
            fs.symlinkSync(outside, path.join(ws, 'escape'))
            const bad = badEntry(kind, `bad${name}`, valid[0].path)
            const good =
              format === 'lines'
                ? valid.map((l) => `${l.path} -> ${l.target}`)
                : valid.map((l) => `- {path: ${JSON.stringify(l.path)}, target: ${JSON.stringify(l.target)}}`)
            const lines = [...good]
            lines.splice(at % (good.length + 1), 0, format === 'lines' ? bad.line : bad.yaml)
            const spec = lines.join('\n') + '\n'
            let links = spec
            if (viaFile || spec.includes('\0')) {
              fs.writeFileSync(path.join(specDir, 'links.txt'), spec)
              links = `@${path.join(specDir, 'links.txt')}`
            }
            const before = snapshot(ws)
            const outsideBefore = snapshot(outside)
            const run = runAction(ws, { links })
            const context = { kind, format, spec, stdout: run.stdout.slice(0, 2000) }
            expect({ ...context, status: run.status }).toEqual({ ...context, status: 1 })
            expect(run.stdout).toContain('nothing was changed')
            // A rejected spec still says so in its outputs (a symlinked parent leading out is one link's failure,
            // lifecycle.e2e.test.ts): nothing created, every entry failed or skipped.
            expect(run.outputs).toMatchObject({ created: '0', changed: 'false' })
            expect(run.results.every((r) => r.status === 'failed' || r.status === 'skipped')).toBe(true)
            expect(run.annotations.some((a) => a.level === 'error')).toBe(true)
            expect(snapshot(ws)).toEqual(before)
            expect(snapshot(outside)).toEqual(outsideBefore)
          } finally {
            for (const dir of [ws, outside, specDir]) fs.rmSync(dir, { recursive: true, force: true })
          }
        }
      ),
      { seed: SEED, numRuns: 25, endOnFailure }
    )
  }, 180_000)
})
