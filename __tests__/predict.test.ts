// The dry run's prediction (predict.ts): from the family table, the mount's options and device numbers alone, the
// status, kind, errno, hint and fallback the real run reports; "not knowable" where nothing read says. Each case is
// also run for real on the same filesystem, its calls answering as the family's row says (injected), and the two
// compared. Real directories; nothing is written by a dry run.
import type { Stats } from 'node:fs'
import * as fs from 'node:fs'
import * as os from 'node:os'
import { applyLink } from '../src/apply/index.js'
import { addFamily } from '../src/families.js'
import { nodeFs, type FsOps } from '../src/fsops.js'
import type { FilesystemInfo, LinkOptions, LinkResult } from '../src/model.js'
import { planAll } from '../src/plan/index.js'
import { platformFor } from '../src/platform.js'
import { makeLink } from '../src/make-link.js'
import { predictedResult, predictor } from '../src/predict.js'
import { describePosix, snapshot } from './helpers/action.js'
import { REAL_STATUS } from './helpers/predicted.js'
import { context, dataWorkspace, failing, requests, type ContextOverrides } from './helpers/stage.js'

const ERRNO = os.constants.errno as Record<string, number>

let ws: string
beforeEach(() => {
  ws = dataWorkspace()
})
afterEach(() => fs.rmSync(ws, { recursive: true, force: true }))

const mount = (type: string, options: string[] = [], driver?: string): FilesystemInfo => ({
  type,
  mountPoint: '/mnt/m',
  source: 'lab',
  options: ['rw', ...options],
  ...(driver ? { driver } : {})
})

function dry(
  spec: string,
  filesystem: FilesystemInfo,
  defaults: Partial<LinkOptions> = {},
  more: ContextOverrides = {}
) {
  const ctx = context(ws, more, filesystem)
  return planAll(requests(spec, ws, defaults), ctx).map((plan) => predictedResult(plan, ctx))
}

function real(spec: string, filesystem: FilesystemInfo, defaults: Partial<LinkOptions>, ops: FsOps): LinkResult[] {
  const ctx = context(ws, { ops }, filesystem)
  return planAll(requests(spec, ws, defaults), ctx).map((plan) => applyLink(plan, ctx))
}

/** What the dry run and the real run must agree on: a planned failure is a failure with the same errno. */
const verdict = (r: LinkResult) => ({
  failed: r.status === 'failed' || r.plan === 'fail',
  kind: r.kind,
  code: r.code,
  errno: r.errno,
  syscall: r.syscall,
  fallback: r.fallback
})

/** Files or directories on another device than PATH's directory: stat answers with another st_dev for them. */
function onAnotherDevice(place: string): FsOps {
  const stat = (p: string): Stats | undefined => {
    const stats = nodeFs.stat(p)
    return stats && p.endsWith(place) ? Object.assign(Object.create(stats) as Stats, { dev: stats.dev + 1 }) : stats
  }
  return { ...nodeFs, stat }
}

describePosix('a dry run predicts what the real run reports', () => {
  it.each([
    {
      what: 'exFAT through FUSE: symlink() ENOSYS',
      fs: mount('exfat', [], 'fuseblk'),
      type: 'symlink',
      call: { symlink: 'ENOSYS' }
    },
    { what: 'FAT through fusefat: link() EPERM', fs: mount('fuse.fusefat'), type: 'hardlink', call: { link: 'EPERM' } },
    { what: 'rclone: symlink() EIO', fs: mount('fuse.rclone'), type: 'symlink', call: { symlink: 'EIO' } },
    { what: 'WebDAV: link() EPERM', fs: mount('fuse.davfs2'), type: 'hardlink', call: { link: 'EPERM' } },
    {
      what: 'SMB through smbnetfs: symlink() ENOSYS',
      fs: mount('fuse.smbnetfs'),
      type: 'symlink',
      call: { symlink: 'ENOSYS' }
    },
    { what: 'S3: link() ENOTSUP', fs: mount('fuse.s3fs'), type: 'hardlink', call: { link: 'ENOTSUP' } },
    {
      what: 'sshfs -o disable_hardlink: link() EPERM',
      fs: mount('fuse.sshfs', ['disable_hardlink']),
      type: 'hardlink',
      call: { link: 'EPERM' }
    }
  ])('$what: a planned failure with its errno, the kind tried and the hint', ({ fs: filesystem, type, call }) => {
    const before = snapshot(ws)
    const [predicted] = dry('l -> data/x', filesystem, { type: type as LinkOptions['type'] })
    expect(snapshot(ws)).toEqual(before)
    const code = Object.values(call)[0]
    expect(predicted).toMatchObject({ status: 'planned', plan: 'fail', kind: type, code, errno: ERRNO[code] })
    expect(predicted.hint).not.toBe('')

    const [made] = real('l -> data/x', filesystem, { type: type as LinkOptions['type'] }, failing(call))
    expect(made.status).toBe('failed')
    expect(verdict(predicted)).toEqual(verdict(made))
    expect(made.message).toBe(predicted.message)
  })

  it.each([
    {
      what: 'exFAT: a symlink falls back to a copy',
      fs: mount('exfat', [], 'fuseblk'),
      type: 'symlink',
      call: { symlink: 'ENOSYS' },
      made: 'copy'
    },
    {
      what: 'S3: a hard link falls back to a symlink',
      fs: mount('fuse.s3fs'),
      type: 'hardlink',
      call: { link: 'ENOTSUP' },
      made: 'symlink'
    },
    {
      what: 'sshfs disable_hardlink: a hard link falls back to a symlink',
      fs: mount('fuse.sshfs', ['disable_hardlink']),
      type: 'hardlink',
      call: { link: 'EPERM' },
      made: 'symlink'
    },
    {
      what: 'rclone: neither link, so a copy',
      fs: mount('fuse.rclone'),
      type: 'hardlink',
      call: { link: 'EIO', symlink: 'EIO' },
      made: 'copy'
    }
  ])('$what, with the fallback recorded as the real run records it', ({ fs: filesystem, type, call, made }) => {
    const defaults = { type: type as LinkOptions['type'], fallback: ['symlink', 'copy'] as LinkOptions['fallback'] }
    const [predicted] = dry('l -> data/x', filesystem, defaults)
    expect(predicted).toMatchObject({ status: 'planned', plan: 'create', kind: made, code: '' })
    expect(predicted.fallback).toMatchObject({ asked: type, instead: made })

    const [done] = real('l -> data/x', filesystem, defaults, failing(call))
    expect(done).toMatchObject({ status: 'created', kind: made })
    expect(verdict(predicted)).toEqual(verdict(done))
  })

  it('a hard link to a TARGET on another device: EXDEV, and fallback: symlink makes a symlink', () => {
    const ops = onAnotherDevice('/data')
    const [predicted] = dry('h -> data/x', mount('ext4'), { type: 'hardlink' }, { ops })
    expect(predicted).toMatchObject({ plan: 'fail', kind: 'hardlink', code: 'EXDEV', syscall: 'link' })
    expect(predicted.hint).toMatch(/symlink/)

    const [done] = real('h -> data/x', mount('ext4'), { type: 'hardlink' }, { ...ops, ...failing({ link: 'EXDEV' }) })
    expect(verdict(predicted)).toEqual(verdict(done))

    const [fallen] = dry('h -> data/x', mount('ext4'), { type: 'hardlink', fallback: ['symlink'] }, { ops })
    expect(fallen).toMatchObject({
      plan: 'create',
      kind: 'symlink',
      fallback: { asked: 'hardlink', instead: 'symlink' }
    })
    expect(fallen.fallback?.why).toMatch(/EXDEV/)
  })

  it('a hard link below a missing directory, TARGET on another device: EXDEV (its nearest existing parent asked)', () => {
    const [r] = dry('new/sub/h -> data/x', mount('ext4'), { type: 'hardlink' }, { ops: onAnotherDevice('/data') })
    expect(r).toMatchObject({ plan: 'fail', kind: 'hardlink', code: 'EXDEV' })
  })

  it('a hard link to a TARGET on another mount of the same device (a bind mount): EXDEV', () => {
    const here = mount('ext4')
    const there = { ...here, mountPoint: '/mnt/bound' }
    const detector = { forPath: (p: string) => (p.includes('/data/') ? there : here) }
    const [r] = dry('h -> data/x', here, { type: 'hardlink' }, { detector })
    expect(r).toMatchObject({ plan: 'fail', kind: 'hardlink', code: 'EXDEV' })
  })

  it("a hard link to a file that shows a lower layer's device on overlayfs, in the overlay's directory: made", () => {
    const [r] = dry('h -> data/x', mount('overlay'), { type: 'hardlink' }, { ops: onAnotherDevice('/data/x') })
    expect(r).toMatchObject({ plan: 'create', kind: 'hardlink', code: '' })
  })

  it('a symbolic link to a TARGET on another device: made, devices are no matter to it', () => {
    const [r] = dry('s -> data/x', mount('ext4'), {}, { ops: onAnotherDevice('/data') })
    expect(r).toMatchObject({ plan: 'create', kind: 'symlink', code: '' })
  })

  it('a replacement is predicted as a creation is: a link in the way, on exFAT through FUSE, ENOSYS', () => {
    fs.symlinkSync('elsewhere', `${ws}/l`)
    const [r] = dry('l -> data/x', mount('exfat', [], 'fuseblk'), { overwrite: 'links' })
    expect(r).toMatchObject({ plan: 'fail', kind: 'symlink', code: 'ENOSYS' })
    const [made] = dry('l -> data/x', mount('ext4'), { overwrite: 'links' })
    expect(made).toMatchObject({ plan: 'replace', kind: 'symlink', code: '' })
  })

  it('a hard link to a TARGET on the same device of a known family: the kind made, nothing to say', () => {
    const [r] = dry('h -> data/x', mount('ext4'), { type: 'hardlink' })
    expect(r).toMatchObject({ status: 'planned', plan: 'create', kind: 'hardlink', code: '', message: '' })
    expect(r.knowable).toBeUndefined()
  })

  it('sshfs without disable_hardlink makes hard links', () => {
    expect(dry('h -> data/x', mount('fuse.sshfs'), { type: 'hardlink' })[0]).toMatchObject({ kind: 'hardlink' })
  })

  it.each([
    { what: 'a family the lab never measured (NFS)', fs: mount('nfs4') },
    { what: 'a family measured through another driver (cifs, not smbnetfs)', fs: mount('cifs') },
    { what: "exFAT through the kernel's own driver", fs: mount('exfat') },
    { what: 'an unknown type', fs: mount('unknown') },
    { what: 'no mount found: named by the directory', fs: { ...mount('unknown'), mountPoint: '' } }
  ])('$what: not knowable without a write, the plan as it is', ({ fs: filesystem }) => {
    const [r] = dry('l -> data/x', filesystem)
    expect(r).toMatchObject({ status: 'planned', plan: 'create', kind: '', code: '', knowable: false })
    expect(r.message).toMatch(/without a write/)
    expect(r.message).toContain(`${filesystem.type} at ${filesystem.mountPoint || ws}`)
    expect(r.message).toContain('symbolic link')
  })

  it("on another OS than the one the family's answers were measured on: not knowable", () => {
    const [r] = dry('l -> data/x', mount('exfat', [], 'fuseblk'), {}, { platform: platformFor('darwin') })
    expect(r).toMatchObject({ plan: 'create', knowable: false })
  })

  it('a failure that another kind would not mend ends there: no fallback', () => {
    const scratch = addFamily('scratchfs', { types: /^fuse\.scratch$/, calls: { on: 'linux', symlink: 'EIO' } })
    try {
      const [r] = dry('l -> data/x', mount('fuse.scratch'), { fallback: ['copy'] })
      expect(r).toMatchObject({ plan: 'fail', kind: 'symlink', code: 'EIO' })
      expect(r.fallback).toBeUndefined()
    } finally {
      scratch.remove()
    }
  })

  it('what the plan already decided stands: EEXIST, unchanged, a read-only mount (the failed kind named)', () => {
    fs.writeFileSync(`${ws}/taken`, '')
    fs.symlinkSync('data/x', `${ws}/same`)
    const results = dry('taken -> data/x\nsame -> data/x', mount('exfat', [], 'fuseblk'))
    expect(results.map((r) => [r.plan, r.kind, r.code])).toEqual([
      ['fail', 'symlink', 'EEXIST'],
      ['unchanged', 'symlink', '']
    ])
    const [ro] = dry('l -> data/x', mount('ext4', ['ro']))
    expect(ro).toMatchObject({ plan: 'fail', kind: 'symlink', code: 'EROFS' })
    const [dir] = dry('h -> data/dir', mount('ext4'), { type: 'hardlink' })
    expect(dir).toMatchObject({ plan: 'fail', kind: 'hardlink', code: 'EPERM', syscall: 'link' })
  })
})

describePosix('a dry run predicts the links that wait for earlier ones (predictor)', () => {
  beforeEach(() => fs.writeFileSync(`${ws}/data/dir/keep`, ''))

  /** Predicted in spec order, then made as an executor makes them (make-link.ts plans them again): both results. */
  function dryThenReal(spec: string, more: ContextOverrides = {}): [LinkResult[], LinkResult[]] {
    const before = snapshot(ws)
    const ctx = context(ws, { ...more, dryRun: true })
    const dry = planAll(requests(spec, ws), ctx).map(predictor(ctx))
    expect(snapshot(ws)).toEqual(before)
    const realCtx = context(ws, more)
    return [dry, planAll(requests(spec, ws), realCtx).map((plan) => makeLink(plan, realCtx))]
  }

  /** What a user compares: the status (the real run's, for a prediction), kind, errno, text and warnings. */
  const seen = (status: string, r: LinkResult) => [status, r.kind, r.code, r.text, r.warnings]
  const expectPredicted = (dry: LinkResult[], real: LinkResult[]): void =>
    expect(dry.map((r) => seen(REAL_STATUS[r.plan ?? 'fail'], r))).toEqual(real.map((r) => seen(r.status, r)))

  it('a TARGET through, a PATH below, a TARGET in the parents of earlier links: as the real run finds them', () => {
    const spec = 'a -> data/dir\nb -> a/keep\na/c -> data/x\nd/e/f -> data/x\ng -> d/e'
    const [dry, real] = dryThenReal(spec, { dangling: 'fail' })
    expectPredicted(dry, real)
    expect(real.map((r) => r.status)).toEqual(Array(5).fill('created'))
  })

  it('a link the earlier ones make fail: predicted to fail as it will', () => {
    const [dry, real] = dryThenReal('a -> data/dir\na/keep -> data/x\nf -> data/x\nf/sub -> data/dir')
    expectPredicted(dry, real)
    expect(real.map((r) => r.code)).toEqual(['', 'EEXIST', '', 'ENOTDIR'])
  })
})
