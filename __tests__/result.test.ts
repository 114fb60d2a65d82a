// Results (result.ts): what each link reports, from its plan and what came of it: made, refused and probed, planned
// in a dry run, never got to the disk, or part of a rejected spec. Real directories; one call made to fail where a
// refusal is needed.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { applyLink } from '../src/apply/index.js'
import type { FsOps } from '../src/fsops.js'
import { LINK_TYPES, type Failure, type LinkOptions, type LinkResult } from '../src/model.js'
import { planAll } from '../src/plan/index.js'
import { platformFor } from '../src/platform.js'
import { plannedResult, rejectedResults, unfinishedResult, verdictResult } from '../src/result.js'
import { describePosix, snapshot } from './helpers/action.js'
import { context, dataWorkspace, failing, readAll, requests, settingsFor } from './helpers/stage.js'

let ws: string
beforeEach(() => {
  ws = dataWorkspace()
})
afterEach(() => fs.rmSync(ws, { recursive: true, force: true }))

type Filesystem = Parameters<typeof context>[2]

function apply(spec: string, defaults: Partial<LinkOptions> = {}, ops?: FsOps, filesystem?: Filesystem): LinkResult[] {
  const ctx = context(ws, ops ? { ops } : {}, filesystem)
  return planAll(requests(spec, ws, defaults), ctx).map((plan) => applyLink(plan, ctx))
}

function dryRun(spec: string, defaults: Partial<LinkOptions> = {}): LinkResult[] {
  const ctx = context(ws)
  return planAll(requests(spec, ws, defaults), ctx).map((plan) => plannedResult(plan, ctx))
}

describePosix('a link made', () => {
  it('reports no errno, call, message or hint: nothing went wrong', () => {
    const [r] = apply('l -> data/x')
    expect(r).toMatchObject({ status: 'created', kind: 'symlink', text: 'data/x', filesystem: 'ext4' })
    expect(r).toMatchObject({ code: '', errno: null, syscall: '', message: '', hint: '' })
  })

  it('has a text only where it is a symbolic link: a hard link or a copy holds none', () => {
    // Both plans carry a text, for the symbolic link they could have become.
    const [hard] = apply('h -> data/x', { type: 'hardlink', fallback: ['symlink'] })
    expect(hard).toMatchObject({ status: 'created', kind: 'hardlink', text: '' })
    const [copy] = apply('c -> data/x', { fallback: ['copy'] }, failing({ symlink: 'ENOSYS' }))
    expect(copy).toMatchObject({ status: 'created', kind: 'copy', text: '' })
    expect(fs.readFileSync(path.join(ws, 'c'), 'utf8')).toBe('x')
  })

  it("carries a YAML entry's last line as well as its first", () => {
    const [r] = apply('- path: l\n  target: data/x\n  relative: auto')
    expect(r).toMatchObject({ status: 'created', line: 1, endLine: 3 })
  })
})

describePosix('the hint after a probe', () => {
  /** The probe's sentence at the head of a hint about a link in ws: what it saw of each kind. */
  const probeSaid = (hint: string): string => {
    expect(hint.startsWith(`Probed ${ws}: `)).toBe(true)
    return hint.slice(`Probed ${ws}: `.length).split('. ')[0]
  }

  it('keeps the advice to make the kind the probe saw work', () => {
    const [r] = apply('l -> data/x', {}, failing({ symlink: 'ENOSYS' }))
    expect(r).toMatchObject({ status: 'failed', code: 'ENOSYS', probe: { symlink: 'ENOSYS', hardlink: 'ok' } })
    expect(r.hint).toContain('`fallback: hardlink`')
  })

  it('where not even a scratch file could be made, names both kinds as untried and keeps all the advice', () => {
    const [r] = apply('l -> data/x', {}, failing({ symlink: 'ENOSYS', writeFile: 'EACCES' }))
    expect(r.probe).toEqual({ symlink: 'untested', hardlink: 'untested' })
    const said = probeSaid(r.hint)
    for (const kind of ['symbolic links', 'hard links']) expect(said).toContain(kind)
    expect(said).not.toMatch(/\bwork\b|do not/)
    for (const advice of ['`fallback: hardlink`', '`fallback: copy`']) expect(r.hint).toContain(advice)
  })

  it('where the probe disproves all the advice, is what it saw alone, with no trailing space', () => {
    // The disable_hardlink row advises a symbolic link only; the probe finds symbolic links refused too.
    const sshfs = {
      type: 'fuse.sshfs',
      mountPoint: '/mnt/share',
      source: 'u@h:/d',
      options: ['rw', 'disable_hardlink']
    }
    const ops = failing({ link: 'EPERM', symlink: 'ENOSYS' })
    const [r] = apply('l -> data/x', { type: 'hardlink' }, ops, sshfs)
    expect(r).toMatchObject({ status: 'failed', code: 'EPERM', syscall: 'link', filesystem: 'fuse.sshfs' })
    expect(r.probe).toEqual({ symlink: 'ENOSYS', hardlink: 'EPERM' })
    expect(r.hint).toContain('`fallback: copy`')
    expect(r.hint).not.toMatch(/`(type|fallback): [^`]*(symlink|hardlink)/)
    expect(r.hint).toBe(r.hint.trim())
  })
})

describePosix('a dry run', () => {
  it('plans a new link without a kind yet, and one already there as unchanged with its kind, touching nothing', () => {
    fs.symlinkSync('data/x', path.join(ws, 'same'))
    const before = snapshot(ws)
    const results = dryRun('new -> data/x\nsame -> data/x')
    expect(results.map((r) => [r.status, r.plan, r.kind])).toEqual([
      ['planned', 'create', ''],
      ['planned', 'unchanged', 'symlink']
    ])
    expect(snapshot(ws)).toEqual(before)
  })

  it('plans nothing to remove under state: absent as unchanged, with no kind', () => {
    const [r] = dryRun('gone', { state: 'absent' })
    expect(r).toMatchObject({ status: 'planned', plan: 'unchanged', kind: '', code: '' })
  })

  it('plans a failure it can already see as planned, with its errno, call and the fix', () => {
    fs.writeFileSync(path.join(ws, 'taken'), 'mine')
    const [r] = dryRun('taken -> data/x')
    expect(r).toMatchObject({
      status: 'planned',
      plan: 'fail',
      kind: 'symlink',
      code: 'EEXIST',
      errno: 17,
      syscall: 'symlink'
    })
    expect(r.hint).toContain('`overwrite: files`')
    expect(fs.readFileSync(path.join(ws, 'taken'), 'utf8')).toBe('mine')
  })
})

describePosix('a link that never got to the disk (its share timed out, or its worker died)', () => {
  const timedOut: Failure = { code: 'ETIMEDOUT', errno: 110, syscall: 'symlink', attempted: 'finish symlink() for' }
  const facts = { line: 1, kind: '', code: 'ETIMEDOUT', errno: 110, syscall: 'symlink', filesystem: 'ext4' }
  const unfinished = (run: { dryRun: boolean; skipped?: boolean }): LinkResult =>
    unfinishedResult(requests('l -> data/x', ws)[0], timedOut, context(ws), run)

  it.each([
    ['failed', { dryRun: false }],
    ['skipped', { dryRun: false, skipped: true }]
  ])('is %s in a real run (%j), with the errno that stopped it', (status, run) => {
    const r = unfinished(run)
    expect(r).toMatchObject({ ...facts, status })
    expect(r).not.toHaveProperty('plan')
    expect(r.message).not.toBe('')
  })

  it('is a planned failure in a dry run', () => {
    expect(unfinished({ dryRun: true })).toMatchObject({ ...facts, status: 'planned', plan: 'fail' })
  })
})

describe('a rejected spec', () => {
  const spec = [
    '- path: a', //          1: fine, skipped
    '  target: data/x',
    '  type: hardlink',
    '- path: ../out', //     4: leads outside working-directory
    '  target: data/x',
    '- path: c',
    '  target: data/x',
    '  taget: typo', //      8: unknown field, so the entry is not read
    '- path: d', //          9: fine, skipped
    '  target: data/x'
  ].join('\n')
  const read = readAll(spec, settingsFor('/ws'), platformFor('linux'))
  if (!('problems' in read)) throw new Error('the spec was meant to be rejected')
  const results = rejectedResults(read.entries, read.problems)
  const byLine = (line: number): LinkResult | undefined => results.find((r) => r.line === line)

  it('reports each problem failed on its line and each other entry skipped, in line order', () => {
    expect(results.map((r) => [r.line, r.status, r.code])).toEqual([
      [1, 'skipped', 'ECANCELED'],
      [4, 'failed', 'SPEC'],
      [8, 'failed', 'SPEC'],
      [9, 'skipped', 'ECANCELED']
    ])
  })

  it('gives an entry that was read its paths, type and last line, and one that was not, none', () => {
    expect(byLine(1)).toMatchObject({ path: 'a', target: 'data/x', type: 'hardlink', endLine: 3 })
    expect(byLine(4)).toMatchObject({ path: '../out', target: 'data/x', type: 'symlink', endLine: 5 })
    const unread = byLine(8)
    expect(unread).toMatchObject({ path: '', target: '' })
    expect(unread).not.toHaveProperty('endLine')
    expect(LINK_TYPES).toContain(unread?.type)
  })

  it('says why each entry was not attempted, and that nothing was tried: no kind, text, errno, call or filesystem', () => {
    for (const r of results) {
      expect(r.message).not.toBe('')
      expect(r).toMatchObject({ kind: '', text: '', errno: null, syscall: '', filesystem: '', hint: '', warnings: [] })
    }
    expect(byLine(4)?.message).toContain('../out')
  })
})

describe('an entry the spec settled on this runner (another OS, a Windows spelling)', () => {
  const spec = [
    '- { path: cache, target: "D:\\\\cache", os: Windows }', //    1: for another OS
    '- { path: "app\\\\modules", target: shared, type: junction }', // 2: a Windows spelling on Linux
    '- { path: ok, target: data/x }'
  ].join('\n')
  const read = readAll(spec, settingsFor('/ws'), platformFor('linux'))
  if ('problems' in read) throw new Error('the spec was meant to be read')
  const [elsewhere, spelt] = read.verdicts

  it('reports the paths as written, the status and code settled, and the hint, with nothing attempted', () => {
    expect(verdictResult(elsewhere, false)).toMatchObject({
      line: 1,
      path: 'cache',
      target: 'D:\\cache',
      status: 'other-os',
      code: '',
      kind: '',
      errno: null,
      syscall: ''
    })
    expect(verdictResult(spelt, false)).toMatchObject({
      line: 2,
      path: 'app\\modules',
      type: 'junction',
      status: 'failed',
      code: 'WINDOWS_PATH',
      kind: '',
      hint: expect.stringContaining("'app/modules'")
    })
  })

  it('in a dry run, a Windows spelling is a plan that would fail; an entry for another OS stays other-os', () => {
    expect(verdictResult(spelt, true)).toMatchObject({ status: 'planned', plan: 'fail', code: 'WINDOWS_PATH' })
    const planned = verdictResult(elsewhere, true)
    expect(planned.status).toBe('other-os')
    expect(planned).not.toHaveProperty('plan')
  })
})
