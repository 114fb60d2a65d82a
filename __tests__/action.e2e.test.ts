// The bundled action, run as the runner runs it, on real directories: issue #3's acceptance list.
import { execFileSync, spawn } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { describePosixWithActionNode, runAction, snapshot, tempWorkspace } from './helpers/action.js'
import { itUnless } from './helpers/skip.js'

let ws: string
beforeEach(() => {
  ws = tempWorkspace()
  fs.mkdirSync(path.join(ws, 'data'))
  fs.writeFileSync(path.join(ws, 'data', 'file.txt'), 'content\n')
})
afterEach(() => fs.rmSync(ws, { recursive: true, force: true }))

const write = (rel: string, content = 'x'): void => {
  fs.mkdirSync(path.dirname(path.join(ws, rel)), { recursive: true })
  fs.writeFileSync(path.join(ws, rel), content)
}

describePosixWithActionNode("the action end to end (dist/index.js on the action's Node)", () => {
  it('creates 50 links, then a second run reports all 50 unchanged without touching them', () => {
    for (let i = 0; i < 25; i++) write(`data/f${i}`, `content ${i}`)
    const spec = Array.from({ length: 50 }, (_, i) => `links/d${i % 5}/l${i} -> data/f${i % 25}`).join('\n')
    const first = runAction(ws, { links: spec })
    expect(first.status).toBe(0)
    expect(first.outputs.created).toBe('50')
    expect(first.outputs.changed).toBe('true')
    expect(first.results.map((r) => r.status)).toEqual(Array(50).fill('created'))
    expect(fs.readlinkSync(path.join(ws, 'links/d3/l8'))).toBe('../../data/f8')
    expect(fs.readFileSync(path.join(ws, 'links/d3/l8'), 'utf8')).toBe('content 8')
    const ctimes = first.results.map((r) => fs.lstatSync(r.path).ctimeMs)

    const second = runAction(ws, { links: spec })
    expect(second.status).toBe(0)
    expect(second.outputs).toMatchObject({
      created: '0',
      replaced: '0',
      unchanged: '50',
      failed: '0',
      changed: 'false'
    })
    expect(second.results.map((r) => fs.lstatSync(r.path).ctimeMs)).toEqual(ctimes)
    expect(JSON.parse(second.outputs.results)).toHaveLength(50)
  })

  it('fails on a spec with seven kinds of mistakes, naming each line, and creates nothing', () => {
    const spec = [
      'ok -> data/file.txt', //                     1: fine, but must not be created
      'no separator here', //                       2: syntax
      'a -> b -> c', //                             3: two separators
      'empty-target ->   ', //                      4: empty TARGET
      'dup -> data/file.txt', //                    5
      'dup -> data/other', //                       6: duplicate PATH
      'self -> ./self', //                          7: points at itself
      '../outside -> data/file.txt', //             8: escapes working-directory
      'nul\0name -> data/file.txt' //             9: NUL byte (only a file can carry one)
    ].join('\n')
    write('spec/links.txt', spec)
    const before = snapshot(ws)
    const run = runAction(ws, { links: '@spec/links.txt' })
    expect(run.status).toBe(1)
    expect(snapshot(ws)).toEqual(before)
    // Each problem once, as its annotation on its line of the file (the log shows annotations).
    const errors = run.annotations.filter((a) => a.level === 'error')
    expect(errors.slice(0, 7).map((e) => e.properties)).toEqual(
      [2, 3, 4, 6, 7, 8, 9].map((line) => `title=ln-action,file=spec/links.txt,line=${line}`)
    )
    expect(errors[3].message).toBe("PATH 'dup' is already the PATH on line 5")
    expect(run.stdout.split('\n').filter((line) => line.includes("PATH 'dup'"))).toHaveLength(1)
    expect(run.stdout).toContain('nothing was changed')
  })

  it('overwrite: never keeps an existing file and names the setting that would replace it', () => {
    write('cfg', 'precious')
    const run = runAction(ws, { links: 'cfg -> data/file.txt' })
    expect(run.status).toBe(1)
    expect(fs.readFileSync(path.join(ws, 'cfg'), 'utf8')).toBe('precious')
    const [result] = run.results
    expect(result).toMatchObject({ status: 'failed', code: 'EEXIST', errno: 17, syscall: 'symlink' })
    expect(result.hint).toContain('overwrite: files')
    expect(result.message).toContain('regular file')
  })

  it('overwrite: files with backup-suffix keeps the old file as the backup, numbered when the backup exists', () => {
    write('cfg', 'first')
    let run = runAction(ws, { links: 'cfg -> data/file.txt', overwrite: 'files', 'backup-suffix': '.orig' })
    expect(run.status).toBe(0)
    expect(run.results[0].status).toBe('replaced')
    expect(fs.readlinkSync(path.join(ws, 'cfg'))).toBe('data/file.txt')
    expect(fs.readFileSync(path.join(ws, 'cfg.orig'), 'utf8')).toBe('first')

    run = runAction(ws, { links: 'cfg -> data/other', overwrite: 'links', 'backup-suffix': '.orig', dangling: 'allow' })
    expect(run.results[0].status).toBe('replaced')
    expect(fs.readFileSync(path.join(ws, 'cfg.orig'), 'utf8')).toBe('first')
    expect(fs.readlinkSync(path.join(ws, 'cfg.~1~'))).toBe('data/file.txt')
    expect(fs.readdirSync(ws).filter((n) => n.startsWith('.ln-action-'))).toEqual([])
  })

  it('never removes a directory at PATH, whatever overwrite says', () => {
    write('dir/keep.txt', 'kept')
    const run = runAction(ws, { links: 'dir -> data', overwrite: 'files' })
    expect(run.status).toBe(1)
    expect(fs.readFileSync(path.join(ws, 'dir/keep.txt'), 'utf8')).toBe('kept')
    expect(run.results[0]).toMatchObject({ status: 'failed', code: 'EEXIST' })
    expect(run.results[0].message).toContain('never removes a directory')
  })

  it('replaces a directory link twenty times while another process reads through it, and no read fails', async () => {
    for (const v of ['v1', 'v2']) write(`releases/${v}/app.txt`, `${v}\n`)
    fs.symlinkSync('releases/v1', path.join(ws, 'current'))
    const reader = spawn(process.execPath, [
      '-e',
      `const fs=require('fs');const seen={v1:0,v2:0};let bad=0;const end=Date.now()+600000;
       process.on('SIGTERM',()=>{console.log(JSON.stringify({seen,bad}));process.exit(0)});
       console.log('ready');
       (function loop(){for(let i=0;i<200;i++){try{seen[fs.readFileSync(${JSON.stringify(path.join(ws, 'current/app.txt'))},'utf8').trim()]++}catch{bad++}}
       if(Date.now()<end)setImmediate(loop)})()`
    ])
    let out = ''
    reader.stdout.on('data', (d) => (out += d))
    // 'close', not 'exit': the last line may still be in the pipe when the process has exited.
    const closed = new Promise((resolve) => reader.on('close', resolve))
    // A SIGTERM before the reader's handler is installed would kill it silently: wait until it says so.
    await new Promise<void>((resolve) => reader.stdout.once('data', () => resolve()))
    for (let i = 0; i < 20; i++) {
      const run = runAction(ws, { links: `current -> releases/${i % 2 === 0 ? 'v2' : 'v1'}`, overwrite: 'links' })
      expect(run.results[0].status).toBe('replaced')
    }
    reader.kill('SIGTERM')
    await closed
    const { seen, bad } = JSON.parse(out.slice(out.indexOf('\n') + 1)) as { seen: Record<string, number>; bad: number }
    expect(bad).toBe(0)
    // Reads happened while the link changed, however slow the machine: the reader saw both versions.
    expect(seen).toEqual({ v1: expect.any(Number), v2: expect.any(Number) })
    expect(Math.min(seen.v1, seen.v2)).toBeGreaterThan(0)
    expect(fs.readlinkSync(path.join(ws, 'current'))).toBe('releases/v1')
    expect(fs.readdirSync(ws).filter((n) => n.startsWith('.ln-action-'))).toEqual([])
  })

  it('keeps a relative PATH inside working-directory, through .. and through a symlinked parent', () => {
    const outside = tempWorkspace('ln-action-outside-')
    try {
      fs.symlinkSync(outside, path.join(ws, 'escape'))
      const before = snapshot(outside)
      for (const links of ['../x -> data/file.txt', 'escape/x -> data/file.txt', 'escape/new/x -> data/file.txt']) {
        const run = runAction(ws, { links })
        expect(run.status).toBe(1)
        expect(run.stdout).toMatch(/leads outside working-directory/)
      }
      expect(snapshot(outside)).toEqual(before)
      // An absolute PATH the user wrote is theirs to choose.
      const run = runAction(ws, { links: `${outside}/x -> data/file.txt` })
      expect(run.status).toBe(0)
      expect(fs.readFileSync(path.join(outside, 'x'), 'utf8')).toBe('content\n')
    } finally {
      fs.rmSync(outside, { recursive: true, force: true })
    }
  })

  it.each(['warn', 'fail'])(
    "links to the directories an earlier entry's create-parents made: none dangles (dangling: %s)",
    (dangling) => {
      const links = ['out/sub/deep/a -> data/file.txt', 'sub -> out/sub', 'top -> out', 'deep -> out/sub/deep']
      const run = runAction(ws, { links: links.join('\n'), dangling })
      expect(run.status).toBe(0)
      expect(run.annotations).toEqual([])
      expect(run.results.map((r) => [r.status, r.kind, r.text, r.warnings])).toEqual([
        ['created', 'symlink', '../../../data/file.txt', []],
        ['created', 'symlink', 'out/sub', []],
        ['created', 'symlink', 'out', []],
        ['created', 'symlink', 'out/sub/deep', []]
      ])
      expect(fs.readFileSync(path.join(ws, 'top/sub/deep/a'), 'utf8')).toBe('content\n')
    }
  )

  it('dry-run reports every link as planned, with what it would do, and creates nothing', () => {
    write('taken', 'x')
    fs.symlinkSync('data/file.txt', path.join(ws, 'same'))
    const before = snapshot(ws)
    const run = runAction(ws, {
      links: 'new/a -> data/file.txt\ntaken -> data/file.txt\nsame -> data/file.txt',
      'dry-run': 'true'
    })
    expect(snapshot(ws)).toEqual(before)
    expect(run.results.map((r) => [r.status, r.plan])).toEqual([
      ['planned', 'create'],
      ['planned', 'fail'],
      ['planned', 'unchanged']
    ])
    expect(run.results[1].code).toBe('EEXIST')
    expect(run.outputs.changed).toBe('false')
  })

  it('reports 300 failing links completely, with at most 10 error annotations and a summary under 1 MiB', () => {
    const spec = Array.from({ length: 300 }, (_, i) => `missing-parent/x${i} -> data/file.txt`).join('\n')
    write('missing-parent', 'a file where a directory should be')
    const run = runAction(ws, { links: spec })
    expect(run.status).toBe(1)
    expect(run.results).toHaveLength(300)
    expect(new Set(run.results.map((r) => r.code))).toEqual(new Set(['ENOTDIR']))
    expect(run.results[0].message).toContain('is a file, not a directory')
    const errors = run.annotations.filter((a) => a.level === 'error')
    expect(errors.length).toBeLessThanOrEqual(10)
    expect(errors.some((e) => e.message.includes('292 more errors'))).toBe(true)
    expect(Buffer.byteLength(run.summary)).toBeLessThan(1024 * 1024)
    expect(run.outputs.failed).toBe('300')
  })

  it('runs a 20,000-link @file spec to the end, with every output', () => {
    write('big.txt', Array.from({ length: 20_000 }, (_, i) => `big/d${i % 50}/l${i} -> data/file.txt`).join('\n'))
    const run = runAction(ws, { links: '@big.txt', summary: 'false' })
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(run.outputs).toMatchObject({ created: '20000', failed: '0', changed: 'true' })
    expect(run.results).toHaveLength(20_000)
    expect(run.stdout).toContain('20000 links: 20000 created')
    expect(fs.readlinkSync(path.join(ws, 'big/d49/l19999'))).toBe('../../data/file.txt')
  })

  it('makes hard links to what TARGET resolves to', () => {
    fs.symlinkSync('data/file.txt', path.join(ws, 'alias'))
    const run = runAction(ws, { links: 'h1 -> data/file.txt\nh2 -> alias', type: 'hardlink' })
    expect(run.status).toBe(0)
    const ino = fs.statSync(path.join(ws, 'data/file.txt')).ino
    expect(fs.lstatSync(path.join(ws, 'h1')).ino).toBe(ino)
    expect(fs.lstatSync(path.join(ws, 'h2')).ino).toBe(ino)
    expect(runAction(ws, { links: 'h1 -> data/file.txt\nh2 -> alias', type: 'hardlink' }).outputs.unchanged).toBe('2')
  })

  // Two filesystems are needed: the workspaces' (os.tmpdir()) and /dev/shm.
  const shmApart = fs.existsSync('/dev/shm') && fs.statSync('/dev/shm').dev !== fs.statSync(os.tmpdir()).dev
  const acrossFilesystems = itUnless(
    shmApart ? undefined : `/dev/shm is missing or on the same filesystem as ${os.tmpdir()}`
  )

  acrossFilesystems(
    'falls back from a hard link across filesystems (EXDEV) to a symlink, recording the reason (no warning)',
    () => {
      const other = fs.mkdtempSync('/dev/shm/ln-action-')
      try {
        fs.writeFileSync(path.join(other, 't'), 'elsewhere')
        const links = `x -> ${other}/t`
        const failing = runAction(ws, { links, type: 'hardlink' })
        // The filesystem of PATH, as util-linux names it (whatever this machine's temporary directory is on).
        const fstype = execFileSync('findmnt', ['-n', '-o', 'FSTYPE', '--target', ws], { encoding: 'utf8' }).trim()
        expect(failing.results[0]).toMatchObject({
          status: 'failed',
          code: 'EXDEV',
          syscall: 'link',
          filesystem: fstype
        })
        expect(fs.lstatSync(path.join(ws, 'x'), { throwIfNoEntry: false })).toBeUndefined()
        expect(failing.results[0].hint).toContain('fallback: symlink')
        const run = runAction(ws, { links, type: 'hardlink', fallback: 'symlink' })
        expect(run.status).toBe(0)
        expect(run.results[0]).toMatchObject({ status: 'created', type: 'hardlink', kind: 'symlink' })
        // Asked for, so no warning: the result and the log say why the hard link was not made.
        expect(run.annotations.filter((a) => a.level === 'warning')).toEqual([])
        expect(run.results[0].fallback).toMatchObject({ asked: 'hardlink', instead: 'symlink' })
        expect(run.results[0].fallback?.why).toContain('EXDEV')
        expect(run.stdout).toMatch(/fallback: a symbolic link instead of the hard link asked for: .*EXDEV/)
        expect(runAction(ws, { links, type: 'hardlink', fallback: 'symlink' }).results[0].status).toBe('unchanged')
      } finally {
        fs.rmSync(other, { recursive: true, force: true })
      }
    }
  )

  it('shows hostile paths in the log without obeying them as workflow commands', () => {
    const run = runAction(ws, {
      links: '- path: "evil\\n::error::injected%0A<b>x</b>"\n  target: data/file.txt\n'
    })
    expect(run.status).toBe(0)
    expect(run.stdout).not.toMatch(/^::error::injected/m)
    expect(run.stdout).toContain('evil\\n::error::injected%0A<b>x</b>')
    expect(run.summary).not.toContain('<b>x</b>')
    expect(fs.existsSync(path.join(ws, 'evil\n::error::injected%0A<b>x</b>'))).toBe(true)
  })

  it('reads a spec from @file and points annotations at its lines', () => {
    write('.github/links.txt', '# links\nok -> data/file.txt\ndangling -> data/nothing\n')
    const run = runAction(ws, { links: '@.github/links.txt' })
    expect(run.status).toBe(0)
    expect(run.results.map((r) => r.line)).toEqual([2, 3])
    const warning = run.annotations.find((a) => a.level === 'warning')
    expect(warning?.properties).toContain('file=.github/links.txt')
    expect(warning?.properties).toContain('line=3')
    expect(fs.readlinkSync(path.join(ws, 'dangling'))).toBe('data/nothing')
  })
})
