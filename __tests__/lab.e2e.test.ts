// The bundled action on the real filesystems of lab/lab.sh: the acceptance list for shares and odd disks.
// Each test works in a fresh directory on its mount and checks what a user checks: the result (status, errno,
// filesystem, message, hint), the step's outcome and annotations, and what is really on disk, on the server's disk
// for sshfs. Runs as root with /dev/fuse (`.ci/run` installs the tools); skipped elsewhere, saying what is missing.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import type { LinkResult } from '../src/model.js'
import { runAction } from './helpers/action.js'
import { describeLab, entryAt, leftovers, type LabMount } from './helpers/lab.js'

/** A result as the results file holds it; `probe` is what the capability probe found on that filesystem. */
type Result = LinkResult & { probe?: Record<string, string> }
type Run = ReturnType<typeof runAction>

const ERRNO = os.constants.errno as Record<string, number>
const CONTENT = 'content of x\n'
const DATA = { 'data/x': CONTENT }
/** How a re-run says it could not prove an existing link (sshfs shows every name as its own inode). */
const CANNOT_VERIFY = /verif/i

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A string containing every part (strings literally, RegExps as patterns), ignoring case. */
function mentions(...parts: (string | RegExp)[]): ReturnType<typeof expect.stringMatching> {
  const lookaheads = parts.map((p) => `(?=[\\s\\S]*?${typeof p === 'string' ? escape(p) : p.source})`)
  return expect.stringMatching(new RegExp(lookaheads.join(''), 'i'))
}

const oneOf = (...values: string[]): ReturnType<typeof expect.stringMatching> =>
  expect.stringMatching(new RegExp(`^(${values.map(escape).join('|')})$`))

interface ExpectedFailure {
  /** The kind whose call failed. */
  kind: string
  code: string | string[]
  syscall?: string
  filesystem: string
  mount: LabMount
  /** Besides the filesystem type and the mount point, which every message names. */
  message?: (string | RegExp)[]
  hint: (string | RegExp)[]
}

/** A failed result that names its errno, the filesystem and where it is mounted, and says what to do. */
function expectFailure(result: Result | undefined, want: ExpectedFailure): void {
  expect(result).toMatchObject({
    status: 'failed',
    kind: want.kind,
    code: oneOf(...[want.code].flat()),
    ...(want.syscall ? { syscall: want.syscall } : {}),
    filesystem: want.filesystem,
    message: mentions(want.filesystem, want.mount.path, ...(want.message ?? [])),
    hint: mentions(...want.hint)
  })
  expect(result?.errno).toBe(ERRNO[result?.code ?? ''])
}

const results = (run: Run): Result[] => run.results as Result[]
const warningAnnotations = (run: Run): string[] =>
  run.annotations.filter((a) => a.level === 'warning').map((a) => a.message)
/** Where a user reads why: the message, why a fallback was taken, and the warnings. */
const explanation = (r: Result): string => [r.message, r.fallback?.why ?? '', ...r.warnings].join('\n')
const unverified = { status: 'unchanged', warnings: expect.arrayContaining([expect.stringMatching(CANNOT_VERIFY)]) }
const yamlSpec = (links: { path: string; type: string }[]): string =>
  links.map((l) => `- { path: ${l.path}, target: data/x, type: ${l.type} }`).join('\n')

describeLab('the action on real filesystems (lab/lab.sh)', (lab) => {
  lab.test(
    'sshfs -o disable_hardlink (the seed): a hard link fails EPERM/ENOSYS saying use a symlink; fallback: symlink does',
    ['sshfs-nohardlink'],
    () => {
      const ws = lab.workspace('sshfs-nohardlink', DATA)
      const onServer = lab.onServer('sshfs-nohardlink', `${ws}/h`)
      const inputs = { links: 'h -> data/x', type: 'hardlink' }

      const failing = runAction(ws, inputs)
      expectFailure(results(failing)[0], {
        kind: 'hardlink',
        code: ['EPERM', 'ENOSYS'], // ENOSYS before kernel 6.15
        syscall: 'link',
        filesystem: 'fuse.sshfs',
        mount: lab.mount('sshfs-nohardlink'),
        message: ['sshfs'],
        hint: ['type: symlink', 'fallback: symlink']
      })
      expect(failing.status).toBe(1)
      expect(entryAt(onServer)).toBe('nothing')

      const run = runAction(ws, { ...inputs, fallback: 'symlink' })
      expect(results(run)[0]).toMatchObject({
        status: 'created',
        type: 'hardlink',
        kind: 'symlink',
        filesystem: 'fuse.sshfs'
      })
      expect(run.status).toBe(0)
      expect(warningAnnotations(run)).toEqual([])
      expect(results(run)[0].fallback?.why).toMatch(/\b(EPERM|ENOSYS)\b/)
      expect(entryAt(onServer)).toBe('symlink -> data/x')
    }
  )

  describe.each([
    { mount: 'sshfs-follow', what: 'a relative TARGET', absolute: false },
    { mount: 'sshfs-seed', what: 'an absolute TARGET (the same path on server and client)', absolute: true }
  ])('sshfs -o follow_symlinks ($mount), $what', ({ mount, absolute }) => {
    lab.test(
      'symlink() says EIO though the server has the link: created, EIO kept, follow_symlinks named',
      [mount],
      () => {
        const ws = lab.workspace(mount, DATA)
        const text = absolute ? `${ws}/data/x` : 'data/x' // the link text is TARGET as written, in both cases
        const links = `l -> ${text}`
        const onServer = lab.onServer(mount, `${ws}/l`)

        const first = runAction(ws, { links })
        const [made] = results(first)
        expect(made).toMatchObject({
          status: 'created',
          kind: 'symlink',
          code: 'EIO',
          errno: ERRNO.EIO,
          filesystem: 'fuse.sshfs'
        })
        expect(first.status).toBe(0)
        expect(explanation(made)).toContain('follow_symlinks')
        expect(entryAt(onServer)).toBe(`symlink -> ${text}`)
        const ctime = fs.lstatSync(onServer).ctimeMs

        // Not EEXIST, not a replacement: the link is left alone, and the result says it could not be checked.
        const again = runAction(ws, { links })
        expect(results(again)[0]).toMatchObject(unverified)
        expect(again.status).toBe(0)
        expect(entryAt(onServer)).toBe(`symlink -> ${text}`)
        expect(fs.lstatSync(onServer).ctimeMs).toBe(ctime)
        expect(leftovers(lab.onServer(mount, ws))).toEqual([])
      }
    )
  })

  // exFAT and FAT have no links of any kind: the probe finds that out, the hint says copy, and fallback copies.
  describe.each([
    { mount: 'exfat', filesystem: 'exfat' }, // mountinfo says fuseblk: the action asks blkid
    { mount: 'fat', filesystem: 'fuse.fusefat' }
  ])('$mount', ({ mount, filesystem }) => {
    const refusals = [
      { path: 's', type: 'symlink', code: 'ENOSYS', syscall: 'symlink' },
      { path: 'h', type: 'hardlink', code: 'EPERM', syscall: 'link' }
    ]

    lab.test(
      'a symlink fails ENOSYS and a hard link EPERM, with what the probe found and a hint to copy',
      [mount],
      () => {
        const ws = lab.workspace(mount, DATA)
        const run = runAction(ws, { links: yamlSpec(refusals) })
        refusals.forEach(({ type: kind, code, syscall, path: at }, i) => {
          expectFailure(results(run)[i], { kind, code, syscall, filesystem, mount: lab.mount(mount), hint: ['copy'] })
          expect(results(run)[i].probe).toMatchObject({ symlink: 'ENOSYS', hardlink: 'EPERM' })
          expect(entryAt(path.join(ws, at))).toBe('nothing')
        })
        expect(run.status).toBe(1)
      }
    )

    lab.test('fallback: hardlink, copy makes a copy of TARGET, and a re-run leaves it unchanged', [mount], () => {
      const ws = lab.workspace(mount, DATA)
      const inputs = { links: 'c -> data/x', type: 'symlink', fallback: 'hardlink, copy' }
      const run = runAction(ws, inputs)
      expect(results(run)[0]).toMatchObject({ status: 'created', type: 'symlink', kind: 'copy', filesystem })
      expect(run.status).toBe(0)
      expect(entryAt(path.join(ws, 'c'))).toBe('file')
      expect(fs.readFileSync(path.join(ws, 'c'), 'utf8')).toBe(CONTENT)

      const again = runAction(ws, inputs)
      expect(results(again)[0]).toMatchObject({ status: 'unchanged', kind: 'copy' })
      expect(again.status).toBe(0)
      expect(again.outputs.changed).toBe('false')
    })
  })

  lab.test('ntfs: symbolic and hard links both work, and the hard link shares the inode', ['ntfs'], () => {
    const ws = lab.workspace('ntfs', DATA)
    const run = runAction(ws, {
      links: yamlSpec([
        { path: 's', type: 'symlink' },
        { path: 'h', type: 'hardlink' }
      ])
    })
    expect(results(run).map((r) => [r.status, r.kind, r.filesystem])).toEqual([
      ['created', 'symlink', 'ntfs'],
      ['created', 'hardlink', 'ntfs']
    ])
    expect(run.status).toBe(0)
    expect(entryAt(path.join(ws, 's'))).toBe('symlink -> data/x')
    expect(fs.lstatSync(path.join(ws, 'h')).ino).toBe(fs.statSync(path.join(ws, 'data/x')).ino)
  })

  lab.test('a hard link from tmpfs to xfs fails EXDEV; fallback: symlink makes a symlink', ['tmpfs', 'xfs'], () => {
    const ws = lab.workspace('tmpfs', {})
    const target = path.join(lab.workspace('xfs', DATA), 'data/x')
    const inputs = { links: `h -> ${target}`, type: 'hardlink' }

    const failing = runAction(ws, inputs)
    expectFailure(results(failing)[0], {
      kind: 'hardlink',
      code: 'EXDEV',
      syscall: 'link',
      filesystem: 'tmpfs',
      mount: lab.mount('tmpfs'),
      message: ['different filesystems'],
      hint: [/symlink|copy/]
    })
    expect(failing.status).toBe(1)
    expect(entryAt(path.join(ws, 'h'))).toBe('nothing')

    const run = runAction(ws, { ...inputs, fallback: 'symlink' })
    expect(results(run)[0]).toMatchObject({ status: 'created', type: 'hardlink', kind: 'symlink' })
    expect(run.status).toBe(0)
    expect(entryAt(path.join(ws, 'h'))).toBe(`symlink -> ${target}`)
  })

  lab.test(
    'read-only mount: every link fails EROFS, also where a file is already at PATH (not EEXIST)',
    ['tmpfs', 'ro'],
    () => {
      const ro = lab.mount('ro')
      const ws = lab.workspace('tmpfs', DATA)
      const before = fs.readdirSync(ro.path, { recursive: true })
      const paths = ['new-link', 'existing', 'new-dir/link'].map((p) => path.join(ro.path, p))
      const run = runAction(ws, { links: paths.map((p) => `${p} -> data/x`).join('\n') })
      paths.forEach((p, i) => {
        expect(results(run)[i]?.path).toBe(p)
        expectFailure(results(run)[i], {
          kind: 'symlink',
          code: 'EROFS',
          filesystem: 'tmpfs',
          mount: ro,
          message: ['read-only'],
          hint: ['remount']
        })
      })
      expect(run.status).toBe(1)
      expect(fs.readdirSync(ro.path, { recursive: true })).toEqual(before)
      expect(fs.readFileSync(path.join(ro.path, 'existing'), 'utf8')).toBe('existing\n')
    }
  )

  lab.test(
    'dead share: the first of 5 links fails ENOTCONN, the rest are skipped, without waiting for a timeout',
    ['tmpfs', 'sshfs-dead'],
    () => {
      const dead = lab.mount('sshfs-dead')
      const ws = lab.workspace('tmpfs', DATA)
      const run = runAction(ws, { links: [1, 2, 3, 4, 5].map((i) => `${dead.path}/l${i} -> data/x`).join('\n') })
      expect(run.ms).toBeLessThan(25_000) // the 30 s timeout of one call; generous for a loaded machine
      const [first, ...rest] = results(run)
      expectFailure(first, {
        kind: 'symlink',
        code: 'ENOTCONN',
        filesystem: 'fuse.sshfs',
        mount: dead,
        message: ['disconnected'],
        hint: ['remount']
      })
      const notAttempted = expect.stringMatching(/^(skipped\b.*|failed ENOTCONN)$/)
      expect(rest.map((r) => `${r.status} ${r.code}`)).toEqual(rest.map(() => notAttempted))
      expect(run.status).toBe(1)
      expect(fs.readdirSync(lab.onServer('sshfs-dead', dead.path))).toEqual([])
    }
  )

  describe('sshfs (defaults)', () => {
    lab.test(
      'a relative symlink sub/l -> data/x made through the mount reads ../data/x on the server',
      ['sshfs'],
      () => {
        const ws = lab.workspace('sshfs', DATA)
        const run = runAction(ws, { links: 'sub/l -> data/x' })
        expect(results(run)[0]).toMatchObject({
          status: 'created',
          kind: 'symlink',
          text: '../data/x',
          filesystem: 'fuse.sshfs'
        })
        expect(run.status).toBe(0)
        const onServer = lab.onServer('sshfs', `${ws}/sub/l`)
        expect(entryAt(onServer)).toBe('symlink -> ../data/x')
        expect(fs.readFileSync(onServer, 'utf8')).toBe(CONTENT)
      }
    )

    lab.test(
      'a hard link is created; a re-run finds it by size, time and mode: unchanged, unverified',
      ['sshfs'],
      () => {
        const ws = lab.workspace('sshfs', DATA)
        const inputs = { links: 'h -> data/x', type: 'hardlink' }
        const [link, target] = ['h', 'data/x'].map((rel) => lab.onServer('sshfs', `${ws}/${rel}`))

        const first = runAction(ws, inputs)
        expect(results(first)[0]).toMatchObject({ status: 'created', kind: 'hardlink', filesystem: 'fuse.sshfs' })
        expect(first.status).toBe(0)
        expect(fs.lstatSync(link)).toMatchObject({ ino: fs.lstatSync(target).ino, nlink: 2 })
        const ctime = fs.lstatSync(link).ctimeMs

        const again = runAction(ws, inputs)
        expect(results(again)[0]).toMatchObject(unverified)
        expect(again.status).toBe(0)
        expect(fs.lstatSync(link)).toMatchObject({ ino: fs.lstatSync(target).ino, nlink: 2, ctimeMs: ctime })
        expect(leftovers(lab.onServer('sshfs', ws))).toEqual([])
      }
    )
  })

  lab.test('100 symlinks into one directory of a 64-inode tmpfs: created until ENOSPC, then failed', ['small'], () => {
    const ws = lab.workspace('small', DATA)
    const run = runAction(ws, { links: Array.from({ length: 100 }, (_, i) => `links/l${i} -> data/x`).join('\n') })
    const all = results(run)
    const made = all.findIndex((r) => r.status !== 'created')
    expect(made).toBeGreaterThan(0)
    expect(all.map((r) => r.status)).toEqual([...Array(made).fill('created'), ...Array(100 - made).fill('failed')])
    expect(run.status).toBe(1)
    for (const failed of all.slice(made)) {
      expectFailure(failed, {
        kind: 'symlink',
        code: 'ENOSPC',
        filesystem: 'tmpfs',
        mount: lab.mount('small'),
        hint: ['inode', 'df -i']
      })
    }
    // Every result against the disk, and nothing on disk that no result claims.
    const expected = all.map((r) => (r.status === 'created' ? 'symlink -> ../data/x' : 'nothing'))
    expect(all.map((r) => entryAt(r.path))).toEqual(expected)
    expect(all.slice(0, made).map((r) => r.text)).toEqual(Array(made).fill('../data/x'))
    expect(fs.readdirSync(path.join(ws, 'links')).sort()).toEqual(
      all
        .slice(0, made)
        .map((r) => path.basename(r.path))
        .sort()
    )
    expect(leftovers(ws)).toEqual([])
  })
})
