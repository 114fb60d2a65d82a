// Plan stage on real directories: what is on disk decides create, replace, unchanged or fail; nothing is written.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { planAll, planLink } from '../src/plan.js'
import { context, requests, type ContextOverrides, tempDir, dataWorkspace } from './helpers/stage.js'
import { snapshot } from './helpers/action.js'

let ws: string
beforeEach(() => {
  ws = dataWorkspace()
})
afterEach(() => fs.rmSync(ws, { recursive: true, force: true }))

const plan = (spec: string, ctxOverrides: ContextOverrides = {}, defaults = {}) => {
  const [request] = requests(spec, ws, defaults)
  return planLink(request, context(ws, ctxOverrides))
}

describe('link text', () => {
  it.each([
    ['sub/l -> data/x', 'auto', '../data/x'],
    ['l -> data/x', 'auto', 'data/x'],
    ['a/b/c -> data', 'auto', '../../data'],
    ['sub/l -> data/x', 'false', 'ABS/data/x'],
    ['l -> ABS/data/x', 'auto', 'ABS/data/x'],
    ['sub/l -> ABS/data/x', 'true', '../data/x'],
    ['data/dir/self-parent -> data/dir', 'auto', '.']
  ])('%s with relative: %s is stored as %s', (spec, relative, text) => {
    const p = plan(spec.replace('ABS', ws), {}, { relative })
    expect(p.text).toBe(text.replace('ABS', ws))
  })

  it('is computed from the real parent when the parent is a symlink, like ln -r', () => {
    fs.mkdirSync(path.join(ws, 'deep/er'), { recursive: true })
    fs.symlinkSync('deep/er', path.join(ws, 'short'))
    const p = plan('short/l -> data/x')
    expect(p.text).toBe('../../data/x')
    fs.symlinkSync(p.text, path.join(ws, 'short/l'))
    expect(fs.readFileSync(path.join(ws, 'short/l'), 'utf8')).toBe('x')
  })
})

describe('what is at PATH', () => {
  it('nothing: create, with the missing parents listed outermost first', () => {
    const p = plan('a/b/l -> data/x')
    expect(p.action).toBe('create')
    expect(p.missingParents).toEqual([path.join(ws, 'a'), path.join(ws, 'a/b')])
  })

  it('the same link: unchanged; another link: fail under overwrite never, replace under links', () => {
    fs.symlinkSync('data/x', path.join(ws, 'same'))
    fs.symlinkSync('data/dir', path.join(ws, 'other'))
    expect(plan('same -> data/x').action).toBe('unchanged')
    expect(plan('other -> data/x')).toMatchObject({ action: 'fail', existing: 'link', failure: { code: 'EEXIST' } })
    expect(plan('other -> data/x', {}, { overwrite: 'links' }).action).toBe('replace')
  })

  it('a file: replaced only under overwrite files; a second hard link counts as a link', () => {
    fs.writeFileSync(path.join(ws, 'file'), 'mine')
    expect(plan('file -> data/x', {}, { overwrite: 'links' })).toMatchObject({ action: 'fail', existing: 'file' })
    expect(plan('file -> data/x', {}, { overwrite: 'files' }).action).toBe('replace')
    fs.linkSync(path.join(ws, 'file'), path.join(ws, 'file2'))
    expect(plan('file -> data/x', {}, { overwrite: 'links' })).toMatchObject({ action: 'replace', existing: 'link' })
  })

  it('a directory: always fail, even under overwrite files', () => {
    fs.mkdirSync(path.join(ws, 'd'))
    expect(plan('d -> data/x', {}, { overwrite: 'files' })).toMatchObject({
      action: 'fail',
      existing: 'dir',
      failure: { code: 'EEXIST' }
    })
  })

  it('a hard link to the target is unchanged for type hardlink, or when hardlink is a fallback', () => {
    fs.linkSync(path.join(ws, 'data/x'), path.join(ws, 'h'))
    expect(plan('h -> data/x', {}, { type: 'hardlink' })).toMatchObject({ action: 'unchanged', kinds: ['hardlink'] })
    expect(plan('h -> data/x', {}, { fallback: ['hardlink'] })).toMatchObject({
      action: 'unchanged',
      kinds: ['hardlink']
    })
  })

  it('a copy with the same size and time is unchanged when copy is in the fallback list; an edited one is not', () => {
    fs.cpSync(path.join(ws, 'data'), path.join(ws, 'copied'), { recursive: true, preserveTimestamps: true })
    expect(plan('copied -> data', {}, { fallback: ['copy'] })).toMatchObject({ action: 'unchanged', kinds: ['copy'] })
    fs.writeFileSync(path.join(ws, 'copied/x'), 'edited, longer')
    expect(plan('copied -> data', {}, { fallback: ['copy'] }).action).toBe('fail')
  })
})

describe('failures visible before anything is written', () => {
  it('a parent that is a file: ENOTDIR', () => {
    fs.writeFileSync(path.join(ws, 'blocker'), '')
    expect(plan('blocker/l -> data/x').failure).toMatchObject({ code: 'ENOTDIR', errno: 20 })
  })

  it('missing parents with create-parents false: ENOENT', () => {
    expect(plan('no/such/l -> data/x', { createParents: false }).failure).toMatchObject({ code: 'ENOENT' })
  })

  it('a missing TARGET: a warning, a failure under dangling fail, and always a failure for a hard link', () => {
    expect(plan('l -> nothing')).toMatchObject({
      action: 'create',
      warnings: [expect.stringContaining('does not exist')]
    })
    expect(plan('l -> nothing', {}, {}).targetExists).toBe(false)
    expect(plan('l -> nothing', { dangling: 'allow' }).warnings).toEqual([])
    expect(plan('l -> nothing', { dangling: 'fail' }).failure).toMatchObject({ code: 'ENOENT', syscall: 'stat' })
    expect(plan('l -> nothing', {}, { type: 'hardlink' }).failure).toMatchObject({ code: 'ENOENT', syscall: 'link' })
  })

  it('a read-only mount: EROFS, even where something at PATH would have made it EEXIST', () => {
    const ro = { type: 'tmpfs', mountPoint: ws, source: 'tmpfs', options: ['ro'] }
    const [request] = requests('l -> data/x', ws)
    expect(planLink(request, context(ws, { detector: { forPath: () => ro } })).failure).toMatchObject({ code: 'EROFS' })
  })
})

describe('what a dry run can already see', () => {
  it('plans a hard link to a directory as a failure (EPERM from link), not as a creation that would fail', () => {
    const p = plan('l -> data/dir', {}, { type: 'hardlink' })
    expect(p).toMatchObject({ action: 'fail', failure: { code: 'EPERM', syscall: 'link' }, targetIsDir: true })
  })

  it('falls back at plan time from a hard link to a directory, and says why in the warning', () => {
    const p = plan('l -> data/dir', {}, { type: 'hardlink', fallback: ['symlink'] })
    expect(p).toMatchObject({ action: 'create', kinds: ['symlink'] })
    expect(p.warnings).toEqual([
      expect.stringMatching(
        /data\/dir is a directory, which no hard link can lead to.*symbolic link is planned instead/
      )
    ])
  })

  it('falls back at plan time from a hard link to a missing TARGET, and says why in the warning', () => {
    const p = plan('l -> nothing', {}, { type: 'hardlink', fallback: ['copy', 'symlink'] })
    expect(p).toMatchObject({ action: 'create', kinds: ['symlink'] })
    expect(p.warnings[0]).toMatch(
      /nothing does not exist, so no hard link can lead to it: a symbolic link is planned instead/
    )
    expect(p.warnings[1]).toMatch(/dangles/)
  })

  it('says nothing of a fallback when the asked kind stays first', () => {
    expect(plan('l -> data/dir', {}, { fallback: ['hardlink'] }).warnings).toEqual([])
  })
})

describe('planAll', () => {
  it('fails only the link whose PATH leaves working-directory through a symlinked parent, naming it, and writes nothing', () => {
    const outside = tempDir()
    try {
      fs.symlinkSync(outside, path.join(ws, 'out'))
      const before = snapshot(ws)
      const [ok, out] = planAll(requests('ok -> data/x\nout/x -> data/x', ws), context(ws))
      expect(ok.action).toBe('create')
      expect(out).toMatchObject({ action: 'fail', failure: { code: 'CONFINE' } })
      expect(out.said?.message).toContain(`the symlinked parent ${path.join(ws, 'out')}, which leads to ${outside}`)
      expect(out.said?.hint).toContain('confine: false')
      expect(snapshot(ws)).toEqual(before)
    } finally {
      fs.rmSync(outside, { recursive: true, force: true })
    }
  })
})
