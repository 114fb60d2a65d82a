// The dry run against the real run, on the real filesystems of lab/lab.sh (issue 26): each spec is run with `dry-run`
// first, then for real, through the bundled action, and every link's prediction is held to what the real run
// reported: a planned `fail` is a failure with the same errno, call, kind and hint; a planned link is made as the
// kind predicted, with the same fallback. The dry run writes nothing, and says "not knowable" on none of these
// mounts: the family table and the mount options speak for each. Runs as root with /dev/fuse, skipped elsewhere.
import * as path from 'node:path'
import { runAction } from './helpers/action.js'
import { describeLab, entryAt, type Lab } from './helpers/lab.js'
import { expectPredicted, type Result } from './helpers/predicted.js'

const DATA = { 'data/x': 'content of x\n', 'data/dir/keep': '', taken: 'a file in the way\n', 'busy/keep': '' }

interface Link {
  path: string
  target?: string
  type?: string
  fallback?: string
  overwrite?: string
}

const yaml = (links: Link[]): string =>
  links
    .map(({ target = 'data/x', ...rest }) =>
      Object.entries({ ...rest, target })
        .map(([key, value]) => `${key}: ${value}`)
        .join(', ')
    )
    .map((fields) => `- { ${fields} }`)
    .join('\n')

/** Run the links dry, then for real, in a fresh workspace on `mount`; every prediction checked. */
function differential(lab: Lab, mount: string, links: Link[], inputs: Record<string, string> = {}): Result[] {
  const ws = lab.workspace(mount, DATA)
  const all = { links: yaml(links), 'fail-on-error': 'false', ...inputs }
  // What is at each PATH (by name: davfs2 cannot list a directory) before and after the dry run.
  const at = (): string[] => links.map((link) => entryAt(path.resolve(ws, link.path)))
  const before = at()
  const dry = runAction(ws, { ...all, 'dry-run': 'true' }).results as Result[]
  expect(at()).toEqual(before)
  const real = runAction(ws, all).results as Result[]
  expect(dry).toHaveLength(links.length)
  expect(real).toHaveLength(links.length)
  links.forEach((_, i) => expectPredicted(dry[i], real[i]))
  return dry
}

/** What each link was predicted to come to: `kind code` (code empty where it is made). */
const outline = (results: Result[]): string[] => results.map((r) => `${r.plan} ${r.kind} ${r.code}`.trim())

describeLab('a dry run predicts the real run (lab/lab.sh)', (lab) => {
  lab.test('tmpfs: plain links, a directory as a hard link TARGET, things in the way', ['tmpfs'], () => {
    const dry = differential(lab, 'tmpfs', [
      { path: 's', type: 'symlink' },
      { path: 'h', type: 'hardlink' },
      { path: 'hd', target: 'data/dir', type: 'hardlink' },
      { path: 'hf', target: 'data/dir', type: 'hardlink', fallback: 'symlink' },
      { path: 'taken', type: 'symlink' },
      { path: 'busy', type: 'symlink', overwrite: 'files' }
    ])
    expect(outline(dry)).toEqual([
      'create symlink',
      'create hardlink',
      'fail hardlink EPERM',
      'create symlink',
      'fail symlink EEXIST',
      'fail symlink EEXIST'
    ])
  })

  lab.test('tmpfs: a missing parent with create-parents: false', ['tmpfs'], () => {
    const dry = differential(lab, 'tmpfs', [{ path: 'a/b/l' }], { 'create-parents': 'false' })
    expect(outline(dry)).toEqual(['fail symlink ENOENT'])
  })

  lab.test('a hard link from tmpfs to xfs: EXDEV; fallback: symlink makes a symlink', ['tmpfs', 'xfs'], () => {
    const target = path.join(lab.workspace('xfs', DATA), 'data/x')
    const dry = differential(lab, 'tmpfs', [
      { path: 'h', target, type: 'hardlink' },
      { path: 'f', target, type: 'hardlink', fallback: 'symlink' }
    ])
    expect(outline(dry)).toEqual(['fail hardlink EXDEV', 'create symlink'])
  })

  lab.test('a read-only mount: EROFS, also where a file is in the way or a parent is missing', ['tmpfs', 'ro'], () => {
    const ro = lab.mount('ro').path
    const links = ['new-link', 'existing', 'new-dir/link'].map((p) => ({ path: path.join(ro, p) }))
    expect(outline(differential(lab, 'tmpfs', links))).toEqual(Array(3).fill('fail symlink EROFS'))
  })

  describe.each([
    { mount: 'exfat', symlink: 'ENOSYS', hardlink: 'EPERM', copy: 'copy' },
    { mount: 'fat', symlink: 'ENOSYS', hardlink: 'EPERM', copy: 'copy' },
    { mount: 'rclone', symlink: 'EIO', hardlink: 'EIO', copy: 'copy' },
    { mount: 'webdav', symlink: 'ENOSYS', hardlink: 'EPERM', copy: 'copy' },
    { mount: 'smb1', symlink: 'ENOSYS', hardlink: 'EPERM', copy: 'copy' },
    { mount: 'smb3', symlink: 'ENOSYS', hardlink: 'EPERM', copy: 'copy' },
    { mount: 's3', symlink: '', hardlink: 'ENOTSUP', copy: 'symlink' },
    { mount: 'sshfs-nohardlink', symlink: '', hardlink: 'EPERM', copy: 'symlink' },
    { mount: 'sshfs', symlink: '', hardlink: '', copy: 'hardlink' },
    { mount: 'ntfs', symlink: '', hardlink: '', copy: 'hardlink' }
  ])('$mount', ({ mount, symlink, hardlink, copy }) => {
    lab.test(
      `symlink ${symlink || 'made'}, hard link ${hardlink || 'made'}; with fallback: symlink, copy a ${copy}`,
      [mount],
      () => {
        const dry = differential(lab, mount, [
          { path: 's', type: 'symlink' },
          { path: 'h', type: 'hardlink' },
          { path: 'f', type: 'hardlink', fallback: '[symlink, copy]' }
        ])
        const predicted = (kind: string, code: string): string => (code ? `fail ${kind} ${code}` : `create ${kind}`)
        expect(outline(dry)).toEqual([predicted('symlink', symlink), predicted('hardlink', hardlink), `create ${copy}`])
      },
      60_000
    )
  })
})
