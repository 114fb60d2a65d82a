// The whole life of a link, end to end through dist/index.js (issue #17): one link refused without refusing all,
// outputs of a rejected spec, what a dry run can already see.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { stateEnv } from '../scripts/run-action.mjs'
import { describePosixWithActionNode, runAction, snapshot, tempWorkspace } from './helpers/action.js'
import { describeLab } from './helpers/lab.js'

let ws: string
beforeEach(() => {
  ws = tempWorkspace()
  fs.mkdirSync(path.join(ws, 'data/dir'), { recursive: true })
  fs.writeFileSync(path.join(ws, 'data/file.txt'), 'content\n')
})
afterEach(() => fs.rmSync(ws, { recursive: true, force: true }))

describePosixWithActionNode('one link refused, not all (dist/index.js)', () => {
  it('fails only the link that a symlinked parent leads outside, makes the others, and honours fail-on-error', () => {
    const outside = tempWorkspace('ln-action-outside-')
    try {
      fs.symlinkSync(outside, path.join(ws, 'escape'))
      const before = snapshot(outside)
      const links = 'a -> data/file.txt\nescape/x -> data/file.txt\nb -> data/dir'
      for (const failOnError of ['true', 'false']) {
        const run = runAction(ws, { links, 'fail-on-error': failOnError })
        expect(run.status).toBe(failOnError === 'true' ? 1 : 0)
        expect(run.results.map((r) => r.status)).toEqual(
          failOnError === 'true' ? ['created', 'failed', 'created'] : ['unchanged', 'failed', 'unchanged']
        )
        expect(run.results[1]).toMatchObject({ line: 2, code: 'CONFINE' })
        expect(run.results[1].message).toContain(`${path.join(ws, 'escape')}, which leads to ${outside}`)
        expect(run.results[1].hint).toContain('confine: false')
        expect(run.outputs).toMatchObject({ failed: '1' })
        expect(run.summary).toContain('escape/x')
      }
      expect(snapshot(outside)).toEqual(before)
      expect(fs.readlinkSync(path.join(ws, 'b'))).toBe('data/dir')
    } finally {
      fs.rmSync(outside, { recursive: true, force: true })
    }
  })

  it('writes every output of a rejected spec, even with fail-on-error: false, and changes nothing', () => {
    const before = snapshot(ws)
    const run = runAction(ws, {
      links: 'ok -> data/file.txt\nno separator here\nok -> data/dir',
      'fail-on-error': 'false'
    })
    expect(run.status).toBe(1) // a spec's syntax fails the step whatever fail-on-error says
    expect(snapshot(ws)).toEqual(before)
    expect(run.outputs).toMatchObject({ failed: '3', created: '0', changed: 'false' })
    expect(run.results.map((r) => [r.line, r.status, r.code])).toEqual([
      [1, 'skipped', 'ECANCELED'],
      [2, 'failed', 'SPEC'],
      [3, 'failed', 'SPEC']
    ])
    expect(run.results[2].message).toContain('already the PATH on line 1')
    expect(JSON.parse(run.outputs.results)).toEqual(run.results)
    expect(run.summary).toMatch(/nothing was changed/)
    expect(run.summary).toContain('already the PATH on line 1')
  })
})

describePosixWithActionNode('what a dry run already sees (dist/index.js)', () => {
  it('plans a hard link to a directory as a failure, and a fallback chosen at plan time with its reason', () => {
    const links = [
      '- {path: h, target: data/dir, type: hardlink}',
      '- {path: f, target: data/dir, type: hardlink, fallback: symlink}',
      '- {path: m, target: data/missing, type: hardlink, fallback: symlink}'
    ].join('\n')
    const before = snapshot(ws)
    const run = runAction(ws, { links, 'dry-run': 'true', 'fail-on-error': 'false' })
    expect(snapshot(ws)).toEqual(before)
    expect(run.results.map((r) => [r.status, r.plan, r.kind, r.code])).toEqual([
      ['planned', 'fail', 'hardlink', 'EPERM'],
      ['planned', 'create', 'symlink', ''],
      ['planned', 'create', 'symlink', '']
    ])
    // The fallback asked for, with the kind planned instead and why (no warning: it was asked for).
    expect(run.results[1].fallback).toMatchObject({ asked: 'hardlink', instead: 'symlink' })
    expect(run.results[1].fallback?.why).toMatch(/is a directory, which no hard link can lead to/)
    expect(run.results[2].fallback).toMatchObject({ asked: 'hardlink', instead: 'symlink' })
    expect(run.results[2].fallback?.why).toMatch(/does not exist, so no hard link can lead to it/)
    expect(run.results[1].warnings).toEqual([])
    expect(run.stdout).toMatch(/^would create symlink +f -> /m)
    // The real run does what the dry run said.
    const real = runAction(ws, { links, 'fail-on-error': 'false' })
    expect(real.results.map((r) => [r.status, r.kind, r.code])).toEqual([
      ['failed', 'hardlink', 'EPERM'],
      ['created', 'symlink', ''],
      ['created', 'symlink', '']
    ])
  })
})

describePosixWithActionNode('state: absent (dist/index.js)', () => {
  const link = (text: string, rel: string): void => fs.symlinkSync(text, path.join(ws, rel))

  it('removes links only: a symlink, a hard link of TARGET; keeps a hard link without TARGET, a file, a directory', () => {
    link('data/file.txt', 'sym')
    link('data/dir', 'other')
    fs.linkSync(path.join(ws, 'data/file.txt'), path.join(ws, 'hard'))
    fs.linkSync(path.join(ws, 'data/file.txt'), path.join(ws, 'hard-no-target'))
    fs.writeFileSync(path.join(ws, 'file'), 'mine')
    fs.mkdirSync(path.join(ws, 'dir'))
    const links = [
      '- {path: sym, state: absent}',
      '- {path: other, target: data/file.txt, state: absent}',
      '- {path: hard, target: data/file.txt, state: absent}',
      '- {path: hard-no-target, state: absent}',
      '- {path: file, target: data/file.txt, state: absent, overwrite: files}',
      '- {path: dir, state: absent}'
    ].join('\n')
    const run = runAction(ws, { links, 'fail-on-error': 'false' })
    expect(run.status).toBe(0)
    expect(run.results.map((r) => [r.status, r.code])).toEqual([
      ['removed', ''],
      ['failed', 'OTHER_TARGET'],
      ['removed', ''],
      ['failed', 'NOT_A_LINK'],
      ['failed', 'OTHER_TARGET'],
      ['failed', 'NOT_A_LINK']
    ])
    expect(run.outputs).toMatchObject({ removed: '2', failed: '4', changed: 'true' })
    expect(fs.readdirSync(ws).sort()).toEqual(['data', 'dir', 'file', 'hard-no-target', 'other'])
    expect(fs.readFileSync(path.join(ws, 'file'), 'utf8')).toBe('mine')
    expect(fs.readFileSync(path.join(ws, 'data/file.txt'), 'utf8')).toBe('content\n')
    expect(run.stdout).toMatch(/removed\s+symlink\s+sym -> data\/file.txt/)
    expect(run.summary).toContain('is a directory, not a link')
    expect(run.annotations.filter((a) => a.level === 'error')).toHaveLength(4)
  })

  it('with the input state: absent takes PATH alone, is idempotent, dry-runs as remove, and keeps a backup', () => {
    link('data/file.txt', 'a')
    link('data/dir', 'b')
    const inputs = { links: 'a\nb -> data/dir', state: 'absent' }
    const before = snapshot(ws)
    const dry = runAction(ws, { ...inputs, 'dry-run': 'true' })
    expect(dry.results.map((r) => [r.status, r.plan])).toEqual([
      ['planned', 'remove'],
      ['planned', 'remove']
    ])
    expect(dry.stdout).toMatch(/would remove/)
    expect(snapshot(ws)).toEqual(before)

    const run = runAction(ws, { ...inputs, 'backup-suffix': '.bak' })
    expect(run.status).toBe(0)
    expect(run.results.map((r) => r.status)).toEqual(['removed', 'removed'])
    expect(fs.readlinkSync(path.join(ws, 'a.bak'))).toBe('data/file.txt')
    expect(fs.readlinkSync(path.join(ws, 'b.bak'))).toBe('data/dir')

    const again = runAction(ws, inputs)
    expect(again.status).toBe(0)
    expect(again.results.map((r) => r.status)).toEqual(['unchanged', 'unchanged'])
    expect(again.outputs).toMatchObject({ removed: '0', unchanged: '2', changed: 'false' })
  })

  it('removes and creates under one parent in spec order, and a link made again where one was removed', () => {
    fs.mkdirSync(path.join(ws, 'd'))
    link('../data/dir', 'd/old')
    const links = ['- {path: d/old, state: absent}', '- {path: d/new, target: data/file.txt}'].join('\n')
    const run = runAction(ws, { links })
    expect(run.results.map((r) => r.status)).toEqual(['removed', 'created'])
    expect(fs.readdirSync(path.join(ws, 'd'))).toEqual(['new'])
  })
})

describePosixWithActionNode('cleanup: the post step (dist/index.js, state passed as STATE_* like the runner)', () => {
  /** The main step, then the post step with the main step's state, as the runner runs them. */
  function mainThenPost(inputs: Record<string, string>, between = (): void => undefined) {
    const main = runAction(ws, inputs)
    between()
    const post = runAction(ws, inputs, stateEnv(main.state))
    return { main, post }
  }

  it('removes what the step created and puts back what it replaced, from a backup or from the recorded text', () => {
    fs.writeFileSync(path.join(ws, 'file'), 'mine')
    fs.symlinkSync('data/dir', path.join(ws, 'old-link'))
    fs.symlinkSync('data/dir', path.join(ws, 'old-link-bak'))
    const before = snapshot(ws)
    const yaml = [
      '- {path: new, target: data/file.txt}',
      '- {path: hard, target: data/file.txt, type: hardlink}',
      '- {path: old-link, target: data/file.txt, overwrite: links}',
      '- {path: old-link-bak, target: data/file.txt, overwrite: links}',
      '- {path: file, target: data/file.txt, overwrite: files}'
    ].join('\n')
    const { main, post } = mainThenPost({ links: yaml, cleanup: 'true', 'backup-suffix': '.orig' }, () => {
      // A backup made by the step is what the post step restores; a replaced link without one comes from its text.
      fs.rmSync(path.join(ws, 'old-link.orig'))
    })
    expect(main.status).toBe(0)
    expect(main.state.post).toBe('true')
    expect(main.results.map((r) => r.status)).toEqual(['created', 'created', 'replaced', 'replaced', 'replaced'])
    expect(main.results.every((r) => !('undo' in r))).toBe(true)
    expect(post.status).toBe(0)
    expect(post.results.map((r) => [r.path.slice(ws.length + 1), r.status])).toEqual([
      ['new', 'removed'],
      ['hard', 'removed'],
      ['old-link', 'restored'],
      ['old-link-bak', 'restored'],
      ['file', 'restored']
    ])
    expect(post.results[2].warnings.join(' ')).toMatch(/backup .*old-link.orig changed or went/)
    expect(snapshot(ws)).toEqual(before) // the file is its own inode again, from its hard-link backup
    expect(fs.readFileSync(path.join(ws, 'file'), 'utf8')).toBe('mine')
    expect(post.summary).toMatch(/ln-action cleanup/)
    expect(post.stdout).not.toMatch(/created/)
  })

  it('keeps a link someone changed after the step, with a warning, and never fails for it', () => {
    const { post } = mainThenPost({ links: 'a -> data/file.txt\nb -> data/file.txt', cleanup: 'true' }, () => {
      fs.rmSync(path.join(ws, 'a'))
      fs.symlinkSync('data/dir', path.join(ws, 'a'))
      fs.rmSync(path.join(ws, 'b'))
    })
    expect(post.status).toBe(0)
    expect(post.results.map((r) => r.status)).toEqual(['kept', 'unchanged'])
    expect(post.annotations).toContainEqual(
      expect.objectContaining({ level: 'warning', message: expect.stringMatching(/changed since/) })
    )
    expect(fs.readlinkSync(path.join(ws, 'a'))).toBe('data/dir')
  })

  it('removes a fallback copy only while it is unchanged since the step recorded it', () => {
    fs.writeFileSync(path.join(ws, 'data/dir/inner'), 'x')
    const inputs = { links: '- {path: c, target: data/dir, type: hardlink, fallback: copy}', cleanup: 'true' }
    const untouched = mainThenPost(inputs)
    expect(untouched.main.results[0]).toMatchObject({ status: 'created', kind: 'copy' })
    expect(untouched.post.results[0].status).toBe('removed')
    expect(fs.existsSync(path.join(ws, 'c'))).toBe(false)

    const edited = mainThenPost(inputs, () => fs.writeFileSync(path.join(ws, 'c/inner'), 'edited'))
    expect(edited.post.results[0].status).toBe('kept')
    expect(fs.readFileSync(path.join(ws, 'c/inner'), 'utf8')).toBe('edited')
  })

  it('does nothing, at once, without cleanup or with nothing made', () => {
    const without = mainThenPost({ links: 'a -> data/file.txt' })
    expect(without.main.state).toEqual({ post: 'true' })
    expect(without.post.status).toBe(0)
    expect(without.post.stdout).toBe('')
    expect(fs.readlinkSync(path.join(ws, 'a'))).toBe('data/file.txt')
    const nothing = mainThenPost({ links: 'a -> data/file.txt', cleanup: 'true' })
    expect(nothing.main.results[0].status).toBe('unchanged')
    expect(nothing.main.state).toEqual({ post: 'true' })
    expect(nothing.post.stdout).toBe('')
  })

  it('hands a large record over in a file in RUNNER_TEMP that the state names', () => {
    const links = Array.from({ length: 300 }, (_, i) => `links/l${i} -> data/file.txt`).join('\n')
    const runnerTemp = tempWorkspace('ln-action-runner-temp-')
    try {
      const main = runAction(ws, { links, cleanup: 'true' }, { RUNNER_TEMP: runnerTemp })
      expect(main.state['undo-file']).toMatch(new RegExp(`^${runnerTemp}/ln-action-undo-`))
      expect(main.state.undo).toBeUndefined()
      const post = runAction(ws, { links, cleanup: 'true' }, { ...stateEnv(main.state), RUNNER_TEMP: runnerTemp })
      expect(post.status).toBe(0)
      expect(post.results.filter((r) => r.status === 'removed')).toHaveLength(300)
      expect(fs.existsSync(path.join(ws, 'links'))).toBe(false) // made by the step for them, and empty again
      expect(fs.existsSync(main.state['undo-file'])).toBe(false)
    } finally {
      fs.rmSync(runnerTemp, { recursive: true, force: true })
    }
  })
})

describeLab('state: absent and cleanup on a share (lab/lab.sh, sshfs)', (lab) => {
  lab.test(
    'removes a symlink through the share worker; keeps a hard link look-alike, unprovable on sshfs',
    ['sshfs'],
    () => {
      const share = lab.workspace('sshfs', { 'data/x': 'x\n' })
      fs.symlinkSync('data/x', path.join(share, 'l'))
      fs.copyFileSync(path.join(share, 'data/x'), path.join(share, 'h'))
      const links = '- {path: l, state: absent}\n- {path: h, target: data/x, state: absent}'
      const run = runAction(ws, { links, 'fail-on-error': 'false', 'working-directory': share })
      expect(run.results.map((r) => [r.status, r.code, r.filesystem])).toEqual([
        ['removed', '', 'fuse.sshfs'],
        ['failed', 'UNVERIFIABLE', 'fuse.sshfs']
      ])
      expect(fs.lstatSync(lab.onServer('sshfs', `${share}/l`), { throwIfNoEntry: false })).toBeUndefined()
      expect(fs.existsSync(lab.onServer('sshfs', `${share}/h`))).toBe(true)
    }
  )

  lab.test(
    'the post step undoes links on a share, and times out on a hung one without holding up the job',
    ['sshfs'],
    () => {
      const share = lab.workspace('sshfs', { 'data/x': 'x\n' })
      // The step runs in a local workspace (a process whose cwd is on a hung share blocks whoever starts it).
      const inputs = { links: 'a -> data/x\nb -> data/x', cleanup: 'true', timeout: '2', 'working-directory': share }
      const main = runAction(ws, inputs)
      expect(main.results.map((r) => r.status)).toEqual(['created', 'created'])
      const post = runAction(ws, inputs, stateEnv(main.state))
      expect(post.results.map((r) => r.status)).toEqual(['removed', 'removed'])
      expect(fs.readdirSync(lab.onServer('sshfs', share))).toEqual(['data'])

      const again = runAction(ws, inputs)
      lab.share('hang', 'sshfs')
      try {
        const hung = runAction(ws, inputs, stateEnv(again.state))
        expect(hung.status).toBe(1)
        // Undone last made first: b is the one that timed out, a was not attempted.
        expect(hung.results.map((r) => [r.status, r.code])).toEqual([
          ['skipped', 'ECANCELED'],
          ['failed', 'ETIMEDOUT']
        ])
        expect(hung.ms).toBeLessThan(15_000)
      } finally {
        lab.share('resume', 'sshfs')
      }
    },
    60_000
  )
})
