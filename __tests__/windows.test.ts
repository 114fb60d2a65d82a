// Windows through the platform seam, on this machine: its paths (drive letters, UNC, either slash, any case), the
// links it makes (file or dir symlinks, junction rules), what its errors mean as libuv maps them, and which volume
// a path is on. Plan and apply run on an in-memory filesystem keyed like Windows (helpers/memfs.ts).
import { describe, expect, it, jest } from '@jest/globals'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { applyLink } from '../src/apply/index.js'
import { errnoName, toFailure } from '../src/errors.js'
import { familyOf } from '../src/families.js'
import { explain, isCapabilityFailure, type FailureContext } from '../src/knowledge.js'
import {
  kindWords,
  type FilesystemInfo,
  type Kind,
  type LinkOptions,
  type LinkResult,
  type UndoEntry
} from '../src/model.js'
import { createDetector } from '../src/mounts.js'
import { kindFromText, parseDriveInfo, parseLinkKinds, uncShare } from '../src/mounts-windows.js'
import { LocalExecutor } from '../src/executor.js'
import { nodeFs } from '../src/fsops.js'
import { planAll } from '../src/plan/index.js'
import {
  isWithin,
  linkTextOf,
  pathKey,
  platformFor,
  sameLinkTarget,
  symlinkType,
  volumeOf,
  withoutNamespace
} from '../src/platform.js'
import { parseSpec, resolveEntries } from '../src/spec/index.js'
import { ROOT } from '../scripts/run-action.mjs'
import { memoryFs, type Layout, type Refusal } from './helpers/memfs.js'
import { failedLink } from './helpers/failure.js'
import { itUnless } from './helpers/skip.js'
import { context, DEFAULTS, errnoError, requests, type ContextOverrides } from './helpers/stage.js'

const win32 = platformFor('win32')
const linux = platformFor('linux')
const WS = 'C:\\ws'
const NTFS: FilesystemInfo = { type: 'NTFS', mountPoint: 'C:\\', source: '', options: ['fixed'] }

/** The drive query's output for each drive, one line each, in the form PowerShell's ConvertTo-Json prints it. */
const DRIVES = new Map(
  fs
    .readFileSync(path.join(ROOT, '__tests__', 'fixtures', 'windows-driveinfo.txt'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => [(JSON.parse(line) as { Name: string }).Name, line])
)

interface RunOptions {
  defaults?: Partial<LinkOptions>
  refuse?: Refusal
  filesystem?: FilesystemInfo
}

/** C:\ws in memory, holding data\x.txt and data\dir plus `layout`, and a context to plan and apply there. */
function windowsWorkspace(layout: Layout, refuse?: Refusal, more: ContextOverrides = {}, filesystem = NTFS) {
  const mem = memoryFs(
    win32,
    { [WS]: 'dir', 'C:\\ws\\data\\x.txt': 'file', 'C:\\ws\\data\\dir': 'dir', ...layout },
    refuse
  )
  const ctx = context(WS, {
    platform: win32,
    ops: mem.ops,
    realWorkingDirectory: WS,
    detector: { forPath: () => filesystem },
    ...more
  })
  return { mem, ctx }
}

/** Plan and apply a spec in C:\ws, which holds data\x.txt and data\dir, plus `layout`. */
function run(spec: string, layout: Layout = {}, { defaults = {}, refuse, filesystem = NTFS }: RunOptions = {}) {
  const { mem, ctx } = windowsWorkspace(layout, refuse, {}, filesystem)
  const plans = planAll(requests(spec, WS, defaults, win32), ctx)
  return { mem, plans, results: plans.map((plan) => applyLink(plan, ctx)) }
}

/** Non-developer mode, as symlink-dir's CI emulates it: every symlink that is not a junction is refused. */
const noSymlinkPrivilege: Refusal = (call, [, , type]) =>
  call === 'symlink' && type !== 'junction' ? errnoError('EPERM', 'symlink') : undefined

/** What Windows does to a hard link between two volumes: ERROR_NOT_SAME_DEVICE, which libuv calls EXDEV. */
const acrossVolumes: Refusal = (call, [from, to]) =>
  call === 'link' && volumeOf(win32, from) !== volumeOf(win32, to) ? errnoError('EXDEV', 'link') : undefined

/** A volume root named as such in a message (not merely as the start of a path on it). */
function namesVolume(message: string, root: string): boolean {
  return new RegExp(`${root.replace(/\\/g, '\\\\')}(?![\\w.])`).test(message)
}

describe('paths on Windows', () => {
  const resolve = (text: string, wd = WS) => resolveEntries(parseSpec(text, DEFAULTS).entries, wd, true, win32)

  it('takes a PATH spelled with other slashes or another case for a duplicate', () => {
    const { problems } = resolve('data/L -> a\ndata\\l -> b\nC:/WS/DATA/l -> c\nD:\\ws\\data\\l -> d')
    expect(problems).toEqual([
      { line: 2, message: expect.stringContaining('already the PATH on line 1') },
      { line: 3, message: expect.stringContaining('already the PATH on line 1') }
    ])
  })

  it('confines relative PATHs case-insensitively, and UNC ones below their share', () => {
    expect(resolve('..\\WS\\l -> x', 'C:\\work\\ws').problems).toEqual([])
    expect(resolve('..\\other\\l -> x', 'C:\\work\\ws').problems).toEqual([
      { line: 1, message: expect.stringContaining("leads outside working-directory 'C:\\work\\ws'") }
    ])
    const unc = resolve('l -> data/x\n..\\..\\escape -> x', '\\\\srv\\share\\ws')
    expect(unc.requests[0]).toMatchObject({
      absPath: '\\\\srv\\share\\ws\\l',
      absTarget: '\\\\srv\\share\\ws\\data\\x'
    })
    expect(unc.problems).toEqual([{ line: 2, message: expect.stringContaining('leads outside working-directory') }])
  })

  it('sees a PATH that differs from TARGET only in case as a link to itself', () => {
    expect(resolve('Data\\X -> data/x').problems).toEqual([
      { line: 1, message: expect.stringContaining('points at itself') }
    ])
  })

  it.each([
    ['sub/l -> data/x.txt', {}, '..\\data\\x.txt'],
    ['a/b/c -> data/dir', {}, '..\\..\\data\\dir'],
    ['l -> C:/ws/data/x.txt', {}, 'C:\\ws\\data\\x.txt'],
    ['l -> data/x.txt', { relative: 'false' }, 'C:\\ws\\data\\x.txt'],
    ['l -> D:/cache/x', { relative: 'true' }, 'D:\\cache\\x']
  ] as const)('writes %s (%j) with backslashes: %s', (spec, defaults, text) => {
    const { mem, results } = run(spec, { 'D:\\cache\\x': 'file' }, { defaults })
    expect(results[0]).toMatchObject({ status: 'created', kind: 'symlink', text })
    expect(mem.changes).toContainEqual(expect.stringMatching(new RegExp(`^symlink ${text.replace(/\\/g, '\\\\')} `)))
  })

  it('compares paths without regard to case or slashes, and tells volumes apart', () => {
    expect(pathKey(win32, 'C:/WS/Data')).toBe(pathKey(win32, 'c:\\ws\\data'))
    expect(isWithin(win32, 'C:\\ws', 'c:/WS/sub/l')).toBe(true)
    expect(isWithin(win32, 'C:\\ws', 'D:\\ws\\l')).toBe(false)
    expect(isWithin(linux, '/ws', '/WS/l')).toBe(false)
    expect(volumeOf(win32, 'd:\\a\\b')).toBe('D:\\')
    expect(volumeOf(win32, '\\\\srv\\share\\a\\b')).toBe('\\\\srv\\share\\')
    expect(volumeOf(linux, '/a/b')).toBe('/')
  })

  it('finds the volume of a long-path spelling (\\\\?\\), which names it after the prefix', () => {
    expect(volumeOf(win32, '\\\\?\\d:\\a\\b')).toBe('D:\\')
    expect(volumeOf(win32, '\\\\?\\UNC\\srv\\share\\a')).toBe('\\\\srv\\share\\')
    const detector = createDetector(win32, { driveInfo: (root) => DRIVES.get(root) })
    expect(detector.forPath('\\\\?\\E:\\ws\\l')).toEqual(detector.forPath('E:\\ws\\l'))
    expect(detector.forPath('\\\\?\\E:\\ws\\l').type).toBe('FAT32')
    expect(detector.forPath('\\\\?\\UNC\\fileserver\\builds\\l')).toEqual(uncShare('\\\\fileserver\\builds\\'))
  })
})

describe('reading a link back (idempotence)', () => {
  it.each([
    ['the same text', '..\\data\\x', '..\\data\\x', true],
    ['forward slashes', '../data/x', '..\\data\\x', true],
    ['another case', '..\\DATA\\X', '..\\data\\x', true],
    ['a \\\\?\\ prefix (Node adds it to absolute texts)', '\\\\?\\C:\\ws\\data\\x', 'C:\\ws\\data\\x', true],
    ["NT's \\??\\ prefix and a junction's trailing backslash", '\\??\\C:\\ws\\data\\', 'C:\\ws\\data', true],
    ['a trailing backslash only', 'C:\\ws\\data\\', 'C:\\ws\\data', true],
    ['a \\\\?\\UNC\\ share', '\\\\?\\UNC\\srv\\share\\x', '\\\\srv\\share\\x', true],
    ['absolute where relative is wanted', 'C:\\ws\\data\\x', '..\\data\\x', false],
    ['another file', '..\\data\\y', '..\\data\\x', false],
    ['another drive', 'D:\\ws\\data\\x', 'C:\\ws\\data\\x', false]
  ])('sameLinkTarget on Windows: %s', (_, existing, wanted, same) => {
    expect(sameLinkTarget(win32, 'C:\\ws\\sub\\l', existing, wanted)).toBe(same)
  })

  it('compares texts exactly elsewhere', () => {
    expect(sameLinkTarget(linux, '/ws/l', '../data/x', '../data/x')).toBe(true)
    expect(sameLinkTarget(linux, '/ws/l', '../Data/x', '../data/x')).toBe(false)
    expect(sameLinkTarget(linux, '/ws/l', '../data/x/', '../data/x')).toBe(false)
  })

  it.each([
    ['\\\\?\\C:\\x', 'C:\\x'],
    ['\\??\\D:\\x\\', 'D:\\x\\'],
    ['\\\\?\\UNC\\srv\\share', '\\\\srv\\share'],
    ['\\\\?\\Volume{0b1c}\\x', '\\\\?\\Volume{0b1c}\\x'],
    ['..\\x', '..\\x']
  ])('withoutNamespace(%s) is %s', (text, plain) => {
    expect(withoutNamespace(win32, text)).toBe(plain)
  })

  it('finds a junction unchanged although Windows reads it back with a prefix and a trailing backslash', () => {
    for (const text of ['C:\\ws\\data\\dir\\', '\\\\?\\C:\\ws\\data\\dir', '\\??\\c:\\WS\\data\\dir\\']) {
      const { results, mem } = run(
        'j -> data/dir',
        { 'C:\\ws\\j': { link: text, type: 'junction' } },
        { defaults: { type: 'junction' } }
      )
      expect(results[0]).toMatchObject({ status: 'unchanged', kind: 'junction', text: 'C:\\ws\\data\\dir' })
      expect(mem.changes).toEqual([])
    }
  })

  it('finds a relative symlink unchanged, and an absolute one where a relative one is wanted in the way', () => {
    const same = run('sub/l -> data/x.txt', { 'C:\\ws\\sub\\l': { link: '..\\data\\x.txt', type: 'file' } })
    expect(same.results[0]).toMatchObject({ status: 'unchanged', kind: 'symlink' })
    const absolute = run('sub/l -> data/x.txt', {
      'C:\\ws\\sub\\l': { link: '\\\\?\\C:\\ws\\data\\x.txt', type: 'file' }
    })
    expect(absolute.results[0]).toMatchObject({
      status: 'failed',
      code: 'EEXIST',
      hint: expect.stringContaining('overwrite: links')
    })
  })
})

describe('the kind of symlink Windows makes', () => {
  it.each([
    ['symlink', false, 'file'],
    ['symlink', true, 'dir'],
    ['junction', true, 'junction']
  ] as const)('symlinkType(%s, target is a directory: %s) is %s', (kind, isDir, type) => {
    expect(symlinkType(win32, kind, isDir)).toBe(type)
    expect(symlinkType(linux, kind, isDir)).toBeUndefined()
  })

  it("makes a file link to a file and a directory link to a directory, from TARGET's type", () => {
    const { mem, results } = run('f -> data/x.txt\nd -> data/dir')
    expect(mem.changes).toEqual(['symlink data\\x.txt C:\\ws\\f file', 'symlink data\\dir C:\\ws\\d dir'])
    expect(results.map((r) => [r.status, r.kind, r.warnings])).toEqual([
      ['created', 'symlink', []],
      ['created', 'symlink', []]
    ])
  })

  it('guesses a file link for a TARGET that does not exist yet, and says so', () => {
    const { mem, results } = run('later -> build/out')
    expect(mem.changes).toEqual(['symlink build\\out C:\\ws\\later file'])
    expect(results[0].warnings).toEqual([
      expect.stringContaining('dangles for now'),
      expect.stringContaining('`target-type: dir`')
    ])
  })

  it.each([
    ['dir', 'dir'],
    ['file', 'file']
  ])('makes a %s link for a missing TARGET with target-type: %s, without guessing', (targetType, type) => {
    const { mem, results } = run(`- { path: later, target: build/out, target-type: ${targetType} }`)
    expect(mem.changes).toEqual([`symlink build\\out C:\\ws\\later ${type}`])
    expect(results[0].warnings).toEqual([expect.stringContaining('dangles for now')])
  })

  it('links the text Windows stores: a junction holds the absolute TARGET', () => {
    expect(linkTextOf(win32, 'junction', '..\\data', 'C:\\ws\\data')).toBe('C:\\ws\\data')
    expect(linkTextOf(win32, 'symlink', '..\\data', 'C:\\ws\\data')).toBe('..\\data')
    expect(linkTextOf(linux, 'junction', '../data', '/ws/data')).toBe('../data')
  })
})

describe('junctions', () => {
  const junction = { type: 'junction' as const }

  it('makes a directory junction with the absolute TARGET, whatever `relative` says', () => {
    const { mem, results } = run('links/j -> data/dir', {}, { defaults: { ...junction, relative: 'true' } })
    expect(mem.changes).toEqual(['mkdir C:\\ws\\links', 'symlink C:\\ws\\data\\dir C:\\ws\\links\\j junction'])
    expect(results[0]).toMatchObject({ status: 'created', kind: 'junction', text: 'C:\\ws\\data\\dir', warnings: [] })
  })

  it.each([
    ['a file', 'j -> data/x.txt'],
    ['a TARGET that does not exist, without target-type', 'j -> build/out']
  ])('fails a junction to %s, saying why and what to do, and makes nothing', (_, spec) => {
    const { mem, results } = run(spec, {}, { defaults: junction })
    expect(results[0]).toMatchObject({ status: 'failed', kind: 'junction', code: 'ENOTDIR', syscall: 'symlink' })
    expect(results[0].message).toContain(`${kindWords('junction')} C:\\ws\\j`)
    expect(results[0].hint).toContain('`type: symlink`')
    expect(results[0].hint).toContain('`target-type: dir`')
    expect(mem.changes).toEqual([])
  })

  it('makes a junction to a directory that does not exist yet when target-type says dir', () => {
    const { mem, results } = run('- { path: j, target: build/out, type: junction, target-type: dir }')
    expect(mem.changes).toEqual(['symlink C:\\ws\\build\\out C:\\ws\\j junction'])
    expect(results[0]).toMatchObject({ status: 'created', kind: 'junction' })
  })

  it('leaves the junction out for a file when a fallback can make the link', () => {
    const { mem, results } = run('j -> data/x.txt', {}, { defaults: { ...junction, fallback: ['symlink'] } })
    expect(mem.changes).toEqual(['symlink data\\x.txt C:\\ws\\j file'])
    expect(results[0]).toMatchObject({ status: 'created', kind: 'symlink', type: 'junction', warnings: [] })
  })
})

describe("a TARGET that another entry's create-parents makes", () => {
  /** Plan and make a spec in C:\ws slice by slice, as the action does: a link that waits is planned again. */
  async function make(spec: string) {
    const { mem, ctx } = windowsWorkspace({})
    const links = requests(spec, WS, {}, win32).map((request, index) => ({ index, request }))
    const results: LinkResult[] = []
    await new LocalExecutor(links, ctx, false).results((_, result) => void results.push(result))
    return { mem, results }
  }

  it('is linked as the directory it is by then: a directory symlink, or a junction, without a guess', async () => {
    const { mem, results } = await make(
      '- { path: out/sub/a, target: data/x.txt }\n- { path: d, target: out/sub }\n' +
        '- { path: j, target: out, type: junction }'
    )
    expect(mem.changes.slice(-2)).toEqual(['symlink out\\sub C:\\ws\\d dir', 'symlink C:\\ws\\out C:\\ws\\j junction'])
    expect(results.map((r) => [r.status, r.kind, r.warnings])).toEqual([
      ['created', 'symlink', []],
      ['created', 'symlink', []],
      ['created', 'junction', []]
    ])
  })
})

describe('symlinks refused (no Developer Mode, not elevated)', () => {
  it('falls back to a junction for a directory, recording that the privilege is missing', () => {
    const { mem, results } = run(
      'd -> data/dir',
      {},
      { defaults: { fallback: ['junction'] }, refuse: noSymlinkPrivilege }
    )
    expect(results[0]).toMatchObject({ status: 'created', kind: 'junction', text: 'C:\\ws\\data\\dir', code: '' })
    expect(results[0].warnings).toEqual([])
    expect(results[0].fallback).toMatchObject({ asked: 'symlink', instead: 'junction' })
    expect(results[0].fallback?.why).toMatch(/\bEPERM\b.*ERROR_PRIVILEGE_NOT_HELD/)
    // First a plain file, made and removed at once: it tells the privilege from access to the directory.
    expect(mem.changes).toEqual([
      expect.stringMatching(/^writeFile C:\\ws\\\.ln-action-.*-f$/),
      expect.stringMatching(/^unlink C:\\ws\\\.ln-action-.*-f$/),
      'symlink C:\\ws\\data\\dir C:\\ws\\d junction'
    ])
  })

  it('fails a file link with the privilege hint, since a junction cannot lead to a file', () => {
    const { results } = run('f -> data/x.txt', {}, { defaults: { fallback: ['junction'] }, refuse: noSymlinkPrivilege })
    expect(results[0]).toMatchObject({ status: 'failed', code: 'EPERM', syscall: 'symlink' })
    expect(results[0].message).toContain('ERROR_PRIVILEGE_NOT_HELD')
    expect(results[0].message).toContain('Developer Mode')
    for (const fix of ['Developer Mode', '`type: junction`', '`fallback: copy`']) expect(results[0].hint).toContain(fix)
  })

  it('without a fallback, fails a directory link and says a junction needs no privilege; the probe saw hard links work', () => {
    const { results, mem } = run('d -> data/dir', {}, { refuse: noSymlinkPrivilege })
    expect(results[0]).toMatchObject({ status: 'failed', code: 'EPERM', probe: { symlink: 'EPERM', hardlink: 'ok' } })
    expect(results[0].hint).toContain('`fallback: junction` needs no privilege')
    expect(mem.paths().filter((p) => p.includes('.ln-action-'))).toEqual([])
  })

  it('says access denied, not privilege, when a junction itself gets EPERM', () => {
    const denied: Refusal = (call) => (call === 'symlink' ? errnoError('EPERM', 'symlink') : undefined)
    const { results } = run('j -> data/dir', {}, { defaults: { type: 'junction' }, refuse: denied })
    expect(results[0].message).toContain('ERROR_ACCESS_DENIED')
    expect(results[0].message).not.toContain('Developer Mode')
    expect(results[0].hint).toContain('icacls')
  })
})

describe('apply on Windows, as issue 11 asks', () => {
  const locked = 'C:\\ws\\locked'
  /** A directory this account may not write in: Windows says ERROR_ACCESS_DENIED, libuv EPERM, for any new entry. */
  const deniedIn: Refusal = (call, args) =>
    ['symlink', 'link', 'writeFile', 'mkdir'].includes(call) && args.some((a) => isWithin(win32, locked, a))
      ? errnoError('EPERM', call)
      : undefined

  it('EPERM where not even a plain file can be made: access denied, and no junction tried', () => {
    const layout: Layout = { [locked]: 'dir' }
    const { results } = run('locked/d -> data/dir', layout, { defaults: { fallback: ['junction'] }, refuse: deniedIn })
    expect(results[0]).toMatchObject({ status: 'failed', code: 'EPERM', syscall: 'symlink' })
    expect(results[0].message).toContain('ERROR_ACCESS_DENIED')
    expect(results[0].hint).toContain('icacls')
    expect(results[0].warnings).toEqual([])
  })

  it('EPERM where a plain file can be made: the privilege, probed', () => {
    const { results } = run('f -> data/x.txt', {}, { refuse: noSymlinkPrivilege })
    // The scratch file was made: the privilege, not access to the directory.
    expect(results[0].message).toContain('ERROR_PRIVILEGE_NOT_HELD')
    expect(results[0].message).not.toContain('ERROR_ACCESS_DENIED')
  })

  it('asks whether a plain file can be made once per directory, and leaves nothing behind', () => {
    const { mem, results } = run('a -> data/x.txt\nb -> data/x.txt', {}, { refuse: noSymlinkPrivilege })
    expect(results.map((r) => r.code)).toEqual(['EPERM', 'EPERM'])
    expect(mem.changes.filter((c) => c.startsWith('writeFile') && c.endsWith('-f'))).toHaveLength(2) // one check, one capability probe: not per link
    expect(mem.paths().filter((p) => p.includes('.ln-action-'))).toEqual([])
  })

  it('UNKNOWN from link() shows the link count TARGET has', () => {
    let links = 0
    const limit: Refusal = (call) => (call === 'link' && ++links > 3 ? errnoError('UNKNOWN', 'link', -4094) : undefined)
    const spec = ['a', 'b', 'c', 'd'].map((name) => `${name} -> data/x.txt`).join('\n')
    const { results } = run(spec, {}, { defaults: { type: 'hardlink' }, refuse: limit })
    expect(results[3]).toMatchObject({ status: 'failed', code: 'UNKNOWN' })
    expect(results[3].message).toContain('TARGET has 4.')
  })

  it("UNKNOWN from link() where TARGET's link count cannot be read fails the link, saying so, with no count", () => {
    const refuse: Refusal = (call, [p]) =>
      call === 'link'
        ? errnoError('UNKNOWN', 'link', -4094)
        : call === 'lstat' && p === 'C:\\ws\\data\\x.txt'
          ? errnoError('EACCES', 'lstat')
          : undefined
    const { results } = run('l -> data/x.txt', {}, { defaults: { type: 'hardlink' }, refuse })
    expect(results[0]).toMatchObject({ status: 'failed', code: 'UNKNOWN', syscall: 'link' })
    for (const fact of ['ERROR_TOO_MANY_LINKS', '1,023']) expect(results[0].message).toContain(fact)
    expect(results[0].message).not.toMatch(/TARGET has \d/)
  })

  it('makes its scratch files empty, so a volume too full for any data still tells the privilege apart', () => {
    const full: Refusal = (call, args) =>
      (call === 'writeFile' && args[1] !== '' ? errnoError('ENOSPC', 'write') : undefined) ??
      noSymlinkPrivilege(call, args)
    const { results } = run('f -> data/x.txt', {}, { refuse: full })
    expect(results[0]).toMatchObject({ status: 'failed', code: 'EPERM', probe: { symlink: 'EPERM', hardlink: 'ok' } })
    expect(results[0].message).toContain('ERROR_PRIVILEGE_NOT_HELD')
  })

  it.each([
    ['a dangling directory link', { link: 'C:\\ws\\gone', type: 'dir' }],
    ['a dangling junction', { link: 'C:\\ws\\gone', type: 'junction' }],
    ['a file link (now a directory link)', { link: 'data\\x.txt', type: 'file' }]
  ] as const)('the memory model refuses to rename over %s, as MoveFileExW does', (_, link) => {
    const mem = memoryFs(win32, { 'C:\\ws\\l': link, 'C:\\ws\\new': { link: 'data\\dir', type: 'dir' } })
    expect(() => mem.ops.rename('C:\\ws\\new', 'C:\\ws\\l')).toThrow(expect.objectContaining({ code: 'EPERM' }))
  })

  it.each([
    ['a dangling directory link', { link: 'C:\\ws\\gone', type: 'dir' }],
    ['a dangling junction', { link: 'C:\\ws\\gone', type: 'junction' }],
    ['a file link, by a directory link', { link: 'data\\x.txt', type: 'file' }]
  ] as const)('replaces %s by remove and rename, saying it was not atomic', (_, link) => {
    const { results, mem } = run('l -> data/dir', { 'C:\\ws\\l': link }, { defaults: { overwrite: 'links' } })
    expect(results[0]).toMatchObject({ status: 'replaced', kind: 'symlink' })
    expect(results[0].warnings).toEqual([expect.stringContaining('removed, then made again')])
    expect(mem.at('C:\\ws\\l')).toMatchObject({ kind: 'link', type: 'dir' })
  })

  it.each([
    ['a junction', { link: 'C:\\ws\\data\\dir', type: 'junction' }, 'junction'],
    ['a dangling directory link', { link: 'C:\\ws\\gone', type: 'dir' }, 'dir']
  ] as const)('backs %s up as the same kind', (_, link, type) => {
    const layout: Layout = { [WS]: 'dir', 'C:\\ws\\data\\x.txt': 'file', 'C:\\ws\\data\\dir': 'dir', 'C:\\ws\\l': link }
    const mem = memoryFs(win32, layout)
    const ctx = context(WS, {
      platform: win32,
      ops: mem.ops,
      realWorkingDirectory: WS,
      backupSuffix: '.bak',
      detector: { forPath: () => NTFS }
    })
    const plans = planAll(requests('l -> data/x.txt', WS, { overwrite: 'links' }, win32), ctx)
    expect(applyLink(plans[0], ctx)).toMatchObject({ status: 'replaced' })
    expect(mem.at('C:\\ws\\l.bak')).toMatchObject({ kind: 'link', type })
  })
})

describe('apply on Windows, when a step fails', () => {
  /** The file-or-privilege check and the probe each make one scratch file (`-f`): count them. */
  const scratchFiles = (changes: string[]) => changes.filter((c) => /^writeFile .*\.ln-action-.*-f$/.test(c)).length

  it.each([
    ['EPERM from link()', 'hardlink', (call: string) => (call === 'link' ? errnoError('EPERM', 'link') : undefined)],
    [
      'EINVAL from symlink()',
      'symlink',
      (call: string) => (call === 'symlink' ? errnoError('EINVAL', 'symlink') : undefined)
    ]
  ] as const)('%s makes no file to tell the privilege from access (only the probe makes one)', (_, type, refuse) => {
    const { results, mem } = run('l -> data/x.txt', {}, { defaults: { type }, refuse })
    expect(results[0].status).toBe('failed')
    expect(scratchFiles(mem.changes)).toBe(results[0].probe ? 1 : 0)
  })

  it('fails on a rename refused otherwise than by EPERM, the old link kept', () => {
    const busy: Refusal = (call) => (call === 'rename' ? errnoError('EBUSY', 'rename') : undefined)
    const old = { link: 'C:\\ws\\gone', type: 'dir' } as const
    const { results, mem } = run(
      'l -> data/dir',
      { 'C:\\ws\\l': old },
      { defaults: { overwrite: 'links' }, refuse: busy }
    )
    expect(results[0]).toMatchObject({ status: 'failed', code: 'EBUSY', syscall: 'rename' })
    expect(mem.at('C:\\ws\\l')).toMatchObject({ kind: 'link', text: 'C:\\ws\\gone' })
    expect(mem.paths().filter((p) => p.includes('.ln-action-'))).toEqual([])
  })

  it('never removes a file to put a directory link in its place: EPERM from rename() stands', () => {
    const { results, mem } = run('l -> data/dir', { 'C:\\ws\\l': 'file' }, { defaults: { overwrite: 'files' } })
    expect(results[0]).toMatchObject({ status: 'failed', code: 'EPERM', syscall: 'rename' })
    expect(mem.at('C:\\ws\\l')).toMatchObject({ kind: 'file' })
  })

  /** Replacing a dangling directory link: the rename is refused (EPERM), so the old link is removed first. */
  const replaceRefused = (refuse: Refusal) =>
    run(
      'l -> data/dir',
      { 'C:\\ws\\l': { link: 'C:\\ws\\gone', type: 'dir' } },
      { defaults: { overwrite: 'links' }, refuse }
    )
  const before = (message: string) => message.slice(0, message.indexOf('C:\\ws\\l'))

  it('names the step where the old link cannot be removed, and keeps it', () => {
    const { results, mem } = replaceRefused((call, [p]) =>
      call === 'unlink' && p === 'C:\\ws\\l' ? errnoError('EACCES', 'unlink') : undefined
    )
    expect(results[0]).toMatchObject({ status: 'failed', code: 'EACCES', syscall: 'unlink' })
    expect(before(results[0].message)).toMatch(/\bremove\b/)
    expect(mem.at('C:\\ws\\l')).toMatchObject({ kind: 'link', text: 'C:\\ws\\gone' })
  })

  it('names the step where the rename fails again once the old link is gone', () => {
    let renames = 0
    const { results } = replaceRefused((call) =>
      call === 'rename' && ++renames === 2 ? errnoError('EACCES', 'rename') : undefined
    )
    expect(results[0]).toMatchObject({ status: 'failed', code: 'EACCES', syscall: 'rename' })
    expect(before(results[0].message)).toMatch(/\breplace\b/)
  })
})

describe('a tree copied with `fallback: copy` keeps the kinds of the links inside', () => {
  const tree = 'C:\\ws\\data\\tree'
  /** Links of each kind in data\tree; from where the copy lands (C:\ws\c), each relative text leads elsewhere. */
  const layout = (typed: boolean): Layout => ({
    [`${tree}\\j`]: { link: 'C:\\ws\\data\\dir', type: typed ? 'junction' : undefined },
    [`${tree}\\f`]: { link: '..\\x.txt', type: typed ? 'file' : undefined },
    [`${tree}\\d`]: { link: '..\\dir', type: typed ? 'dir' : undefined },
    [`${tree}\\sub\\a.txt`]: 'file',
    'C:\\ws\\x.txt': 'dir', // where `..\x.txt` leads from the copy
    'C:\\ws\\dir': 'file' // where `..\dir` leads from the copy
  })
  /** PATH itself cannot be a link (the privilege is missing there), so the tree is copied. */
  const notAtPath: Refusal = (call, [, at]) =>
    call === 'symlink' && at === 'C:\\ws\\c' ? errnoError('EPERM', 'symlink') : undefined
  const copy = (typed: boolean) =>
    run('c -> data/tree', layout(typed), { defaults: { fallback: ['copy'] }, refuse: notAtPath })

  it('a junction stays a junction, a file link a file link, a directory link a directory link', () => {
    const { results, mem } = copy(true)
    expect(results[0]).toMatchObject({ status: 'created', kind: 'copy' })
    expect(mem.at('C:\\ws\\c\\j')).toMatchObject({ kind: 'link', type: 'junction', text: 'C:\\ws\\data\\dir' })
    expect(mem.at('C:\\ws\\c\\f')).toMatchObject({ kind: 'link', type: 'file', text: '..\\x.txt' })
    expect(mem.at('C:\\ws\\c\\d')).toMatchObject({ kind: 'link', type: 'dir', text: '..\\dir' })
    expect(mem.at('C:\\ws\\c\\sub\\a.txt')).toMatchObject({ kind: 'file' })
  })

  it("where a link's own kind cannot be read, decides it from what the source link leads to", () => {
    const { mem } = copy(false)
    expect(mem.at('C:\\ws\\c\\j')).toMatchObject({ kind: 'link', type: 'dir' })
    expect(mem.at('C:\\ws\\c\\f')).toMatchObject({ kind: 'link', type: 'file' })
    expect(mem.at('C:\\ws\\c\\d')).toMatchObject({ kind: 'link', type: 'dir' })
  })

  it('copies a dangling link whose own kind cannot be read as a file link', () => {
    const dangling = { ...layout(false), [`${tree}\\gone`]: { link: 'C:\\ws\\nowhere' } }
    const { results, mem } = run('c -> data/tree', dangling, { defaults: { fallback: ['copy'] }, refuse: notAtPath })
    expect(results[0]).toMatchObject({ status: 'created', kind: 'copy' })
    expect(mem.at('C:\\ws\\c\\gone')).toMatchObject({ kind: 'link', type: 'file', text: 'C:\\ws\\nowhere' })
  })

  it('a re-run finds the copy unchanged', () => {
    const { mem } = copy(true)
    const ctx = context(WS, {
      platform: win32,
      ops: mem.ops,
      realWorkingDirectory: WS,
      detector: { forPath: () => NTFS }
    })
    const plans = planAll(requests('c -> data/tree', WS, { fallback: ['copy'] }, win32), ctx)
    expect(plans[0]).toMatchObject({ action: 'unchanged', kinds: ['copy'] })
  })

  it('a copy that fails halfway is removed', () => {
    const full: Refusal = (call, args) =>
      notAtPath(call, args) ?? (call === 'copyFile' ? errnoError('ENOSPC', 'write') : undefined)
    const { results, mem } = run('c -> data/tree', layout(true), { defaults: { fallback: ['copy'] }, refuse: full })
    expect(results[0]).toMatchObject({ status: 'failed', code: 'ENOSPC' })
    expect(mem.changes).toContainEqual('mkdir C:\\ws\\c') // made some of it (the links inside come last)
    expect(mem.at('C:\\ws\\c')).toBeUndefined()
  })
})

describe("a link's Windows kind (FsOps.linkKinds)", () => {
  it('reads what PowerShell printed by index, in any order, and nothing else', () => {
    const output = '2|Junction|True\r\n0|SymbolicLink|False\n1|SymbolicLink|True\n'
    expect(parseLinkKinds(output, 4)).toEqual(['file', 'dir', 'junction', undefined])
    expect(parseLinkKinds('|Junction|True\n-1|Junction|True\n4|Junction|True\nx|Junction|True', 4)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined
    ])
    expect(parseLinkKinds('0||False\n1|HardLink|False', 2)).toEqual([undefined, undefined])
    expect(parseLinkKinds(undefined, 2)).toEqual([undefined, undefined])
  })

  // libuv's readlink hands a junction back as `C:\...` always (src/win/fs.c, fs__readlink_handle): a relative text is
  // a symlink, and what it leads to says file or directory.
  it.each([
    ['..\\dir', 'dir', 'dir'],
    ['x.txt', 'file', 'file'],
    ['sub/x.txt', 'file', 'file'],
    ['C:\\ws\\dir', 'dir', undefined],
    ['\\ws\\dir', 'dir', undefined],
    ['\\\\srv\\share\\dir', 'dir', undefined],
    ['..\\gone', undefined, undefined]
  ] as const)('knows a link holding %s and leading to a %s without asking: %s', (text, leadsTo, kind) => {
    const stats = leadsTo === undefined ? undefined : { isDirectory: () => leadsTo === 'dir' }
    expect(kindFromText(text, stats)).toBe(kind)
  })

  const offWindows = itUnless(process.platform === 'win32' ? 'on Windows: there it asks PowerShell' : undefined)
  offWindows('is never asked of the real filesystem off Windows', () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'ln-action-kind-'))
    fs.symlinkSync('.', path.join(ws, 'l'))
    expect(nodeFs.linkKinds([path.join(ws, 'l'), path.join(ws, 'l')])).toEqual([undefined, undefined])
    fs.rmSync(ws, { recursive: true })
  })
})

describe('PowerShell starts: only for kinds that text and stat leave open, batched', () => {
  const tree = 'C:\\ws\\data\\tree'
  const notAtPath: Refusal = (call, [, at]) =>
    call === 'symlink' && at === 'C:\\ws\\c' ? errnoError('EPERM', 'symlink') : undefined
  const copyTree = (layout: Layout) =>
    run('c -> data/tree', layout, { defaults: { fallback: ['copy'] }, refuse: notAtPath })

  it('copies a tree of relative links that resolve without asking at all', () => {
    const { results, mem } = copyTree({
      [`${tree}\\f`]: { link: '..\\x.txt', type: 'file' },
      [`${tree}\\d`]: { link: '..\\dir', type: 'dir' },
      [`${tree}\\sub\\e`]: { link: '..\\..\\x.txt', type: 'file' },
      'C:\\ws\\data\\x.txt': 'file'
    })
    expect(results[0]).toMatchObject({ status: 'created', kind: 'copy' })
    expect(mem.kindQueries).toEqual([])
    expect(mem.at('C:\\ws\\c\\d')).toMatchObject({ kind: 'link', type: 'dir' })
    expect(mem.at('C:\\ws\\c\\sub\\e')).toMatchObject({ kind: 'link', type: 'file' })
  })

  it('asks once for a whole tree where a link needs asking: every link, since a link knows its own kind best', () => {
    const { mem } = copyTree({
      [`${tree}\\j1`]: { link: 'C:\\ws\\data\\dir', type: 'junction' },
      [`${tree}\\sub\\j2`]: { link: 'C:\\ws\\data\\dir', type: 'junction' },
      [`${tree}\\gone`]: { link: '..\\nowhere', type: 'dir' },
      // A file link that leads to a directory: stat alone would call it a directory link.
      [`${tree}\\f`]: { link: '..\\dir', type: 'file' }
    })
    expect(mem.kindQueries).toHaveLength(1)
    expect([...mem.kindQueries[0]].sort()).toEqual([`${tree}\\f`, `${tree}\\gone`, `${tree}\\j1`, `${tree}\\sub\\j2`])
    expect(mem.at('C:\\ws\\c\\sub\\j2')).toMatchObject({ kind: 'link', type: 'junction' })
    expect(mem.at('C:\\ws\\c\\gone')).toMatchObject({ kind: 'link', type: 'dir' })
    expect(mem.at('C:\\ws\\c\\f')).toMatchObject({ kind: 'link', type: 'file' })
  })

  it('asks about a junction to a drive root (its text reads back as `C:`, which path.win32 calls relative)', () => {
    const { mem } = copyTree({ [`${tree}\\root`]: { link: 'C:', type: 'junction' } })
    expect(mem.kindQueries).toEqual([[`${tree}\\root`]])
    expect(mem.at('C:\\ws\\c\\root')).toMatchObject({ kind: 'link', type: 'junction' })
  })

  it('copies a tree holding a loop of links: the loop is kept as links, the copy made', () => {
    const { results, mem } = copyTree({
      [`${tree}\\a`]: { link: 'b', type: 'file' },
      [`${tree}\\b`]: { link: 'a', type: 'file' }
    })
    expect(results[0]).toMatchObject({ status: 'created', kind: 'copy' })
    expect(mem.at('C:\\ws\\c\\a')).toMatchObject({ kind: 'link', text: 'b', type: 'file' })
  })

  /** Plan and apply a spec in C:\ws with backups (or cleanup: true), slice by slice as the action does. */
  async function withBackups(spec: string, layout: Layout, refuse?: Refusal, cleanup = false, dryRun = false) {
    const { mem, ctx } = windowsWorkspace(layout, refuse, { backupSuffix: cleanup ? '' : '.bak' })
    ctx.settings = { ...ctx.settings, cleanup }
    const links = requests(spec, WS, { overwrite: 'links', fallback: ['copy'] }, win32)
    const results: LinkResult[] = []
    const undo: (UndoEntry | undefined)[] = []
    const indexed = links.map((request, index) => ({ index, request }))
    await new LocalExecutor(indexed, ctx, dryRun).results((_, result, entry) => {
      results.push(result)
      undo.push(entry)
    })
    return { mem, results, undo }
  }

  it('asks once per run for the links a run backs up, each backup of its own kind', async () => {
    const { mem, results } = await withBackups('a -> data/x.txt\nb -> data/x.txt\nc -> data/x.txt', {
      'C:\\ws\\a': { link: 'C:\\ws\\data\\dir', type: 'junction' },
      'C:\\ws\\b': { link: 'C:\\ws\\gone', type: 'dir' },
      'C:\\ws\\c': { link: 'data\\dir', type: 'dir' }
    })
    expect(results.map((r) => r.status)).toEqual(['replaced', 'replaced', 'replaced'])
    expect(mem.kindQueries).toEqual([['C:\\ws\\a', 'C:\\ws\\b', 'C:\\ws\\c']])
    expect(mem.at('C:\\ws\\a.bak')).toMatchObject({ kind: 'link', type: 'junction' })
    expect(mem.at('C:\\ws\\b.bak')).toMatchObject({ kind: 'link', type: 'dir' })
    expect(mem.at('C:\\ws\\c.bak')).toMatchObject({ kind: 'link', type: 'dir' })
  })

  it('with cleanup: true, asks once per run for the kinds the undo record notes of the links replaced', async () => {
    const layout: Layout = {
      'C:\\ws\\a': { link: 'C:\\ws\\data', type: 'junction' },
      'C:\\ws\\b': { link: 'C:\\ws\\gone', type: 'dir' }
    }
    const { mem, results, undo } = await withBackups('a -> data/x.txt\nb -> data/x.txt', layout, undefined, true)
    expect(results.map((r) => r.status)).toEqual(['replaced', 'replaced'])
    expect(mem.kindQueries).toEqual([['C:\\ws\\a', 'C:\\ws\\b']])
    expect(undo.map((u) => u?.before?.type)).toEqual(['junction', 'dir'])
  })

  it('in a dry run asks nothing, not even the kinds of the links a run would back up', async () => {
    const layout: Layout = { 'C:\\ws\\a': { link: 'C:\\ws\\data\\dir', type: 'junction' } }
    const { mem, results } = await withBackups('a -> data/x.txt', layout, undefined, false, true)
    expect(results).toMatchObject([{ status: 'planned', plan: 'replace' }])
    expect(mem.kindQueries).toEqual([])
    expect(mem.changes).toEqual([])
  })

  it('asks nothing for backups whose relative texts lead somewhere', async () => {
    const { mem, results } = await withBackups('c -> data/x.txt', { 'C:\\ws\\c': { link: 'data\\dir', type: 'dir' } })
    expect(results[0].status).toBe('replaced')
    expect(mem.kindQueries).toEqual([])
    expect(mem.at('C:\\ws\\c.bak')).toMatchObject({ kind: 'link', type: 'dir' })
  })

  it('a link in a loop being backed up fails or not on its own: the other links are still made', async () => {
    const { mem, results } = await withBackups('a -> data/x.txt\nz -> data/x.txt', {
      'C:\\ws\\a': { link: 'b', type: 'file' },
      'C:\\ws\\b': { link: 'a', type: 'file' }
    })
    expect(results).toHaveLength(2)
    expect(results[1]).toMatchObject({ status: 'created' })
    expect(mem.at('C:\\ws\\z')).toMatchObject({ kind: 'link' })
  })

  it('never takes a kind learned for a backup for another link at that PATH later in the run', async () => {
    // data\tree\x, a junction, is replaced (and backed up); then the tree is copied: the copy holds the new x, a file
    // link, not a junction with x's new text.
    const notAtC: Refusal = (call, [, at]) =>
      call === 'symlink' && at === 'C:\\ws\\c' ? errnoError('EPERM', 'symlink') : undefined
    const { mem, results } = await withBackups(
      'data/tree/x -> data/x.txt\nc -> data/tree',
      { 'C:\\ws\\data\\tree\\x': { link: 'C:\\ws\\data\\dir', type: 'junction' } },
      notAtC
    )
    expect(results.map((r) => [r.status, r.kind])).toEqual([
      ['replaced', 'symlink'],
      ['created', 'copy']
    ])
    expect(mem.at('C:\\ws\\data\\tree\\x.bak')).toMatchObject({ kind: 'link', type: 'junction' })
    expect(mem.at('C:\\ws\\c\\x')).toMatchObject({ kind: 'link', type: 'file', text: '..\\x.txt' })
  })
})

describe('what Windows errors mean', () => {
  /** A failed call at PATH (on the filesystem given), as apply hands it to the knowledge base. */
  const failed = (code: string, kind: Kind, fs: FilesystemInfo, more: Partial<FailureContext> = {}): FailureContext =>
    failedLink(code, kind, `${fs.mountPoint}ws\\l`, fs, win32, { target: `${fs.mountPoint}ws\\data\\x`, ...more })
  const drive = (root: string): FilesystemInfo => parseDriveInfo(root, DRIVES.get(root))

  it.each([
    ['a FAT32 drive', 'E:\\', 'symlink', 'FAT32'],
    ['an exFAT drive', 'F:\\', 'hardlink', 'exFAT'],
    ['a drive PowerShell could not tell', 'Q:\\', 'symlink', 'unknown']
  ] as const)(
    'EISDIR on %s means the volume has no links, not that something is a directory',
    (_, root, kind, type) => {
      const ctx = failed('EISDIR', kind, drive(root))
      const { message, hint } = explain(ctx)
      // The facts: errno and call, the volume and its format, what Windows answered; the fix in the spec's terms.
      expect(message).toMatch(new RegExp(`\\bEISDIR\\b.*\\b${kind === 'hardlink' ? 'link' : 'symlink'}\\(\\)`))
      for (const fact of [root, type, 'ERROR_INVALID_FUNCTION']) expect(message).toContain(fact)
      expect(hint).toContain('`fallback: copy`')
      expect(hint).toContain('NTFS')
      expect(isCapabilityFailure(ctx)).toBe(true)
    }
  )

  it('EISDIR elsewhere keeps its own meaning', () => {
    const ext4 = { type: 'ext4', mountPoint: '/', source: '/dev/vda', options: [] }
    const { message } = explain({
      ...failed('EISDIR', 'symlink', ext4),
      platform: linux,
      path: '/ws/l',
      target: '/ws/x'
    })
    expect(message).not.toContain('ERROR_INVALID_FUNCTION')
  })

  it('EXDEV names both drives (the workspace on D:, TARGET on C:) and says to link or copy instead', () => {
    const ctx = failed('EXDEV', 'hardlink', drive('D:\\'), { path: 'D:\\a\\repo\\l', target: 'C:\\hostedtoolcache\\x' })
    const { message, hint } = explain(ctx)
    expect(message).toMatch(/\bEXDEV\b.*\blink\(\)/)
    for (const volume of ['C:\\', 'D:\\']) expect(namesVolume(message, volume)).toBe(true)
    for (const option of ['`fallback: symlink`', '`fallback: copy`']) expect(hint).toContain(option)
    expect(isCapabilityFailure(ctx)).toBe(true)
  })

  it('a hard link from the workspace on C: to D: gets EXDEV, and `fallback: symlink` makes a symbolic link', () => {
    const onC = { filesystem: drive('C:\\'), refuse: acrossVolumes }
    const layout: Layout = { 'D:\\cache\\x': 'file', 'C:\\tools\\x': 'file' }
    const refused = run('l -> D:/cache/x\nsame -> C:/tools/x', layout, { ...onC, defaults: { type: 'hardlink' } })
    expect(refused.results[0]).toMatchObject({ status: 'failed', code: 'EXDEV', syscall: 'link', filesystem: 'NTFS' })
    for (const volume of ['C:\\', 'D:\\']) expect(namesVolume(refused.results[0].message, volume)).toBe(true)
    expect(refused.results[1]).toMatchObject({ status: 'created', kind: 'hardlink' })
    const fellBack = run('l -> D:/cache/x', layout, { ...onC, defaults: { type: 'hardlink', fallback: ['symlink'] } })
    expect(fellBack.results[0]).toMatchObject({ status: 'created', kind: 'symlink', text: 'D:\\cache\\x', code: '' })
    expect(fellBack.results[0].fallback).toMatchObject({ asked: 'hardlink', instead: 'symlink' })
    expect(fellBack.results[0].fallback?.why).toContain('EXDEV')
  })

  it('ENOTSUP from link() on ReFS is about ReFS; on NTFS it stays the general meaning', () => {
    const refs = explain(failed('ENOTSUP', 'hardlink', drive('R:\\')))
    expect(refs.message).toContain('ReFS')
    expect(refs.message).toContain('ERROR_NOT_SUPPORTED')
    expect(refs.hint).toContain('`fallback: copy`')
    const ntfs = explain(failed('ENOTSUP', 'hardlink', drive('C:\\')))
    expect(ntfs.message).toContain('NTFS')
    expect(ntfs.message).not.toContain('ReFS')
    expect(ntfs.message).not.toContain('ERROR_NOT_SUPPORTED')
  })

  it("UNKNOWN with errno -4094 from link() is most likely NTFS's 1,023 links (ERROR_TOO_MANY_LINKS), and falls back", () => {
    const error = errnoError('UNKNOWN', 'link', -4094)
    expect(errnoName(error)).toBe('UNKNOWN')
    const failure = toFailure(error, 'link', 'create the hard link')
    expect(failure).toEqual({ code: 'UNKNOWN', errno: 4094, syscall: 'link', attempted: 'create the hard link' })
    const ctx = { ...failed('UNKNOWN', 'hardlink', drive('C:\\')), failure }
    expect(explain(ctx).message).toMatch(/\bUNKNOWN\b.*\b4094\b.*\blink\(\)/)
    for (const fact of ['NTFS', 'ERROR_TOO_MANY_LINKS', '1,023']) expect(explain(ctx).message).toContain(fact)
    expect(explain(ctx).hint).toContain('`fallback: copy`')
    expect(isCapabilityFailure(ctx)).toBe(true)
    const tooMany: Refusal = (call) => (call === 'link' ? error : undefined)
    const { results } = run(
      'l -> data/x.txt',
      {},
      { defaults: { type: 'hardlink', fallback: ['copy'] }, refuse: tooMany }
    )
    expect(results[0]).toMatchObject({ status: 'created', kind: 'copy' })
  })

  it('UNKNOWN from link() shows the link count found on TARGET, still as "most likely"', () => {
    const at = (targetLinks: number) => explain(failed('UNKNOWN', 'hardlink', drive('C:\\'), { targetLinks })).message
    expect(at(1023)).toMatch(/most likely ERROR_TOO_MANY_LINKS.*TARGET has 1,023\./)
    expect(at(7)).toMatch(/most likely ERROR_TOO_MANY_LINKS.*TARGET has 7\./)
    // libuv reports 1 where it cannot open the file: that proves nothing.
    expect(at(1)).toContain('could not be read')
  })

  describe('EPERM from symlink(): libuv says EPERM for ERROR_PRIVILEGE_NOT_HELD and ERROR_ACCESS_DENIED alike', () => {
    it('where a plain file can be made in that directory: the privilege, and another kind may work', () => {
      const ctx = failed('EPERM', 'symlink', drive('C:\\'), { canCreateFile: true })
      const { message, hint } = explain(ctx)
      expect(message).toContain('ERROR_PRIVILEGE_NOT_HELD')
      expect(message).not.toContain('ERROR_ACCESS_DENIED')
      expect(hint).toMatch(/Developer Mode.*elevated.*`fallback: junction`/)
      expect(isCapabilityFailure(ctx)).toBe(true)
    })

    it("where not even a plain file can be made: the directory's permissions, and no other kind is tried", () => {
      const ctx = failed('EPERM', 'symlink', drive('C:\\'), { canCreateFile: false, targetIsDir: true })
      const { message, hint } = explain(ctx)
      expect(message).toContain('ERROR_ACCESS_DENIED')
      expect(message).not.toContain('Developer Mode')
      expect(hint).toContain('icacls')
      expect(hint).not.toContain('junction')
      expect(isCapabilityFailure(ctx)).toBe(false)
    })

    it('where nobody looked: names both causes, and the fix for each', () => {
      const ctx = failed('EPERM', 'symlink', drive('C:\\'))
      const { message, hint } = explain(ctx)
      expect(message).toMatch(/ERROR_PRIVILEGE_NOT_HELD.*ERROR_ACCESS_DENIED.*both as EPERM/)
      expect(hint).toMatch(/Developer Mode.*`fallback: junction`.*icacls/)
    })
  })

  it('EBUSY is a sharing violation: something holds the file open', () => {
    const ctx = {
      ...failed('EBUSY', 'symlink', drive('C:\\')),
      failure: { code: 'EBUSY', syscall: 'rename', attempted: 'replace what is at' }
    }
    const { message, hint } = explain(ctx)
    expect(message).toContain('ERROR_SHARING_VIOLATION')
    expect(hint).toContain('`handle PATH`')
    expect(isCapabilityFailure(ctx)).toBe(false)
  })

  it('ETIMEDOUT on a UNC share says the share did not answer', () => {
    const share = uncShare('\\\\fileserver\\builds\\') as FilesystemInfo
    const { message, hint } = explain(failed('ETIMEDOUT', 'symlink', share))
    expect(message).toMatch(/\bETIMEDOUT\b/)
    for (const fact of ['smb', '\\\\fileserver\\builds']) expect(message).toContain(fact)
    expect(hint).toContain('`net use`')
  })

  it.each([
    ['EINVAL', 'symlink', 'ERROR_SYMLINK_NOT_SUPPORTED', '`type: junction`'],
    ['EROFS', 'symlink', 'write-protected', 'attributes disk clear readonly'],
    ['EPERM', 'hardlink', 'ERROR_ACCESS_DENIED', '`fallback: symlink`']
  ] as const)('%s from a %s says %s', (code, kind, meaning, hint) => {
    const explained = explain(failed(code, kind, drive('C:\\')))
    expect(explained.message).toContain(meaning)
    expect(explained.hint).toContain(hint)
  })
})

describe('which volume a path is on', () => {
  it.each([
    ['C:\\', { type: 'NTFS', options: ['fixed'] }, 'ntfs'],
    ['E:\\', { type: 'FAT32', options: ['removable'] }, 'fat'],
    ['F:\\', { type: 'exFAT', options: ['removable'] }, 'exfat'],
    ['R:\\', { type: 'ReFS', options: ['fixed'] }, 'refs'],
    ['X:\\', { type: 'unknown', options: ['cdrom'] }, 'unknown'],
    ['Y:\\', { type: 'smb', source: 'Y:', options: ['network'] }, 'smb'],
    ['Z:\\', { type: 'smb', source: '\\\\fileserver\\builds', options: ['network'] }, 'smb']
  ])('reads the drive query of %s', (root, expected, family) => {
    const info = parseDriveInfo(root, DRIVES.get(root))
    expect(info).toMatchObject({ mountPoint: root, ...expected })
    expect(familyOf(info.type)).toBe(family)
  })

  it.each([undefined, '', 'not json', 'null', '"C:\\\\"'])(
    'says unknown for the drive when the query printed %j',
    (output) => {
      expect(parseDriveInfo('C:\\', output)).toEqual({ type: 'unknown', mountPoint: 'C:\\', source: '', options: [] })
    }
  )

  it('knows a UNC share by its spelling, and nothing else for one', () => {
    expect(uncShare('\\\\srv\\share\\')).toEqual({
      type: 'smb',
      mountPoint: '\\\\srv\\share\\',
      source: '\\\\srv\\share',
      options: ['network']
    })
    for (const root of ['\\\\?\\C:\\', '\\\\.\\pipe\\', 'C:\\', '/']) expect(uncShare(root)).toBeUndefined()
  })

  it('asks about each drive once, whatever the case, and never about a UNC share or the mount table', () => {
    const driveInfo = jest.fn((root: string) => DRIVES.get(root))
    const mountTable = jest.fn(() => '')
    const detector = createDetector(win32, { driveInfo, mountTable })
    expect(detector.forPath('c:\\ws\\a')).toMatchObject({ type: 'NTFS', mountPoint: 'C:\\' })
    expect(detector.forPath('C:\\WS\\b').type).toBe('NTFS')
    expect(detector.forPath('E:\\x').type).toBe('FAT32')
    expect(detector.forPath('\\\\fileserver\\builds\\ws\\l')).toEqual(uncShare('\\\\fileserver\\builds\\'))
    expect(driveInfo.mock.calls).toEqual([['C:\\'], ['E:\\']])
    expect(mountTable).not.toHaveBeenCalled()
  })

  it('never fails the step when PowerShell cannot be asked: the drive is of unknown type', () => {
    const detector = createDetector(win32, {
      driveInfo: () => {
        throw new Error('spawnSync powershell.exe ENOENT')
      }
    })
    expect(detector.forPath('D:\\a\\l')).toEqual({ type: 'unknown', mountPoint: 'D:\\', source: '', options: [] })
  })

  it('names the drive and its format in a failure on a drive found by the detector', () => {
    const detector = createDetector(win32, { driveInfo: (root) => DRIVES.get(root) })
    const { results } = run(
      'l -> data/x.txt',
      {},
      {
        filesystem: detector.forPath('E:\\ws'),
        refuse: (call) => (call === 'symlink' ? errnoError('EISDIR', 'symlink') : undefined)
      }
    )
    expect(results[0]).toMatchObject({ status: 'failed', code: 'EISDIR', filesystem: 'FAT32' })
    for (const fact of ['FAT32', 'E:\\', 'ERROR_INVALID_FUNCTION']) expect(results[0].message).toContain(fact)
  })
})
