// The shares CI jobs mount (lab/lab.sh: SMB through smbnetfs, WebDAV through davfs2, S3 through s3fs, rclone,
// bindfs, kernel bind mounts and both overlays), with the bundled action: each family is recognised on its real
// mount, each kind that fails names errno, filesystem and the fix, the fix works (checked on the server's side),
// and what works is created, then unchanged on a re-run, and replaced by `overwrite: links`.
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { canHang, familyOf } from '../src/families.js'
import type { LinkResult } from '../src/model.js'
import { createDetector } from '../src/mounts.js'
import { platformFor } from '../src/platform.js'
import { runAction, tempWorkspace } from './helpers/action.js'
import { describeLab, entryAt, leftovers, type Lab } from './helpers/lab.js'

const CONTENT = 'content of x\n'
const DATA = { 'data/x': CONTENT }
const results = (run: ReturnType<typeof runAction>): LinkResult[] => run.results as LinkResult[]

/** Where the server keeps a path of share `name` (s3rver: one `._S3rver_object` file per object). */
function onServer(lab: Lab, name: string, clientPath: string): string {
  const rel = path.relative(lab.mount(name).path, clientPath)
  if (name === 's3') return path.join(lab.dir, 'server', 's3', 'lab', `${rel}._S3rver_object`)
  const layer = name.includes('overlay') ? 'upper' : ''
  return path.join(lab.dir, 'server', name, layer, rel)
}

/**
 * A file's content on the server once `content` got there (or what is there after 10 s): `--vfs-cache-mode writes`
 * uploads 5 s after close (--vfs-write-back), and the server's file can exist, still empty, before its bytes arrive.
 */
async function uploaded(file: string, content: string): Promise<string> {
  const there = (): boolean => fs.existsSync(file) && fs.readFileSync(file, 'utf8') === content
  for (let i = 0; i < 200 && !there(); i++) await new Promise((done) => setTimeout(done, 50))
  return fs.readFileSync(file, 'utf8')
}

describeLab('shares CI jobs mount (lab/lab.sh)', (lab) => {
  const detect = (name: string) => createDetector(platformFor('linux')).forPath(lab.mount(name).path)

  describe.each([
    { mount: 'bind', family: 'local', hangs: false, type: /^(ext4|xfs|btrfs|tmpfs)$/ },
    { mount: 'bindfs', family: 'bindfs', hangs: true, type: /^fuse\.bindfs$/ },
    { mount: 'overlay', family: 'overlay', hangs: false, type: /^overlay$/ },
    { mount: 'fuse-overlayfs', family: 'fuse-overlayfs', hangs: true, type: /^fuse\.fuse-overlayfs$/ },
    { mount: 'rclone', family: 'rclone', hangs: true, type: /^fuse\.rclone$/ },
    { mount: 'rclone-links', family: 'rclone', hangs: true, type: /^fuse\.rclone$/, option: 'links' },
    { mount: 'rclone-writes', family: 'rclone', hangs: true, type: /^fuse\.rclone$/, option: 'vfs-cache-mode=writes' },
    { mount: 'webdav', family: 'webdav', hangs: true, type: /^fuse\.davfs$/ },
    { mount: 's3', family: 's3', hangs: true, type: /^fuse\.s3fs$/, option: 'use_path_request_style' },
    { mount: 'smb1', family: 'smb', hangs: true, type: /^fuse\.smbnetfs$/ },
    { mount: 'smb3', family: 'smb', hangs: true, type: /^fuse\.smbnetfs$/ }
  ])('$mount is detected from its mountinfo line', ({ mount, family, hangs, type, option }) => {
    lab.test(`as ${family}${hangs ? ', a share that can hang' : ', worked on in process'}`, [mount], () => {
      const info = detect(mount)
      expect(info.type).toMatch(type)
      expect(familyOf(info.type)).toBe(family)
      expect(canHang(info)).toBe(hangs)
      expect(info.options).toEqual(expect.arrayContaining(option ? [option] : []))
      // Only a bind mount shows a directory of another filesystem (mountinfo's root field is not `/`).
      expect(info.root).toBe(mount === 'bind' ? path.join(lab.dir, 'server', 'bind') : undefined)
    })
  })

  lab.test(
    'bindfs: 1,500 links made by its share worker in two rounds, each reported once, in spec order; then unchanged',
    ['bindfs'],
    () => {
      const ws = lab.workspace('bindfs', DATA)
      const links = Array.from({ length: 1_500 }, (_, i) => `d${i % 15}/l${i} -> data/x`).join('\n')
      const made = runAction(ws, { links })
      expect(results(made).map((r) => [r.line, r.status])).toEqual(
        Array.from({ length: 1_500 }, (_, i) => [i + 1, 'created'])
      )
      expect(fs.readlinkSync(path.join(ws, 'd14/l1499'))).toBe('../data/x')
      expect(runAction(ws, { links }).outputs.unchanged).toBe('1500')
    }
  )

  describe.each(['rclone', 'rclone-links', 'rclone-writes'])('%s', (mount) => {
    lab.test(
      'a symlink fails EIO as rclone making no links; fallback: copy copies, then unchanged',
      [mount],
      async () => {
        const ws = lab.workspace(mount, DATA)
        const failing = runAction(ws, { links: 'l -> data/x' })
        expect(results(failing)[0]).toMatchObject({ status: 'failed', code: 'EIO', filesystem: 'fuse.rclone' })
        expect(results(failing)[0].message).toMatch(/rclone/)
        expect(results(failing)[0].hint).toContain('fallback: copy')
        expect(results(failing)[0].hint).not.toMatch(/check the (device|share)/i)

        const inputs = { links: 'l -> data/x', fallback: 'hardlink, copy' }
        const run = runAction(ws, inputs)
        expect(results(run)[0]).toMatchObject({ status: 'created', kind: 'copy', filesystem: 'fuse.rclone' })
        expect(await uploaded(onServer(lab, mount, path.join(ws, 'l')), CONTENT)).toBe(CONTENT)
        expect(results(runAction(ws, inputs))[0]).toMatchObject({ status: 'unchanged', kind: 'copy' })
      }
    )
  })

  describe.each([
    { mount: 'webdav', words: /WebDAV/ },
    { mount: 'smb1', words: /SMB/ },
    { mount: 'smb3', words: /SMB/ }
  ])('$mount', ({ mount, words }) => {
    lab.test(
      'symlink ENOSYS and hard link EPERM, named for the family, not blamed on protected_hardlinks',
      [mount],
      () => {
        const ws = lab.workspace(mount, DATA)
        const run = runAction(ws, {
          links: '- { path: s, target: data/x, type: symlink }\n- { path: h, target: data/x, type: hardlink }'
        })
        const [s, h] = results(run)
        expect(s).toMatchObject({ status: 'failed', code: 'ENOSYS', syscall: 'symlink' })
        expect(h).toMatchObject({ status: 'failed', code: 'EPERM', syscall: 'link' })
        for (const r of [s, h]) {
          expect(r.message).toMatch(words)
          expect(r.message).not.toMatch(/protected_hardlinks/)
          expect(r.hint).toContain('fallback: copy')
          expect(r.hint).not.toMatch(/owner of TARGET/)
        }
        expect(run.status).toBe(1)
      }
    )

    // Over SMB3, libuv's copyfile (fs.copyFileSync) fails: it ftruncate()s the new file (src/unix/fs.c,
    // uv__fs_copyfile), which smbnetfs answers with EIO after 4 s. ln-action's copy creates it O_EXCL and never
    // truncates; 3 MiB takes it through more than one of its 1 MiB writes.
    lab.test('fallback: copy makes a copy the server holds, unchanged on a re-run', [mount], async () => {
      const big = randomBytes(3 << 20).toString('base64')
      const ws = lab.workspace(mount, { ...DATA, 'data/big': big })
      const inputs = { links: 'c -> data/x\nb -> data/big', type: 'hardlink', fallback: 'symlink, copy' }
      expect(results(runAction(ws, inputs)).map((r) => [r.status, r.kind])).toEqual([
        ['created', 'copy'],
        ['created', 'copy']
      ])
      expect(await uploaded(onServer(lab, mount, path.join(ws, 'c')), CONTENT)).toBe(CONTENT)
      expect(await uploaded(onServer(lab, mount, path.join(ws, 'b')), big)).toBe(big)
      expect(results(runAction(ws, inputs)).map((r) => r.status)).toEqual(['unchanged', 'unchanged'])
    })
  })

  lab.test(
    's3: a hard link fails ENOTSUP saying S3 has none; fallback: symlink stores the text on the server',
    ['s3'],
    () => {
      const ws = lab.workspace('s3', DATA)
      const failing = runAction(ws, { links: 'h -> data/x', type: 'hardlink' })
      expect(results(failing)[0]).toMatchObject({ status: 'failed', code: 'ENOTSUP', filesystem: 'fuse.s3fs' })
      expect(results(failing)[0].message).toMatch(/S3/)
      expect(results(failing)[0].hint).toContain('symlink')

      const inputs = { links: 'h -> data/x', type: 'hardlink', fallback: 'symlink' }
      expect(results(runAction(ws, inputs))[0]).toMatchObject({ status: 'created', kind: 'symlink' })
      expect(fs.readFileSync(onServer(lab, 's3', path.join(ws, 'h')), 'utf8')).toBe('data/x')
      expect(results(runAction(ws, inputs))[0]).toMatchObject({ status: 'unchanged', kind: 'symlink' })
    }
  )

  describe('webdav, where readdir answers EINVAL in every directory', () => {
    lab.test('replacing a copy skips the sweep of stale temporary names, with a warning', ['webdav'], async () => {
      const ws = lab.workspace('webdav', { ...DATA, 'data/y': 'a longer y\n' })
      const inputs = { type: 'hardlink', fallback: 'copy', overwrite: 'files' }
      expect(results(runAction(ws, { ...inputs, links: 'c -> data/x' }))[0]).toMatchObject({ status: 'created' })
      const [replaced] = results(runAction(ws, { ...inputs, links: 'c -> data/y' }))
      expect(replaced).toMatchObject({ status: 'replaced', kind: 'copy', code: '' })
      expect(replaced.warnings).toContainEqual(expect.stringMatching(/EINVAL .*scandir\(\).*WebDAV.*made all the same/))
      expect(await uploaded(onServer(lab, 'webdav', path.join(ws, 'c')), 'a longer y\n')).toBe('a longer y\n')
    })

    lab.test('a copied directory is unchanged on a re-run, not verified, with a warning', ['webdav'], () => {
      const ws = lab.workspace('webdav', {})
      const tree = tempWorkspace()
      fs.mkdirSync(path.join(tree, 'sub'))
      fs.writeFileSync(path.join(tree, 'sub/a'), 'a\n')
      const inputs = { links: `t -> ${tree}`, fallback: 'copy' }
      expect(results(runAction(ws, inputs))[0]).toMatchObject({ status: 'created', kind: 'copy' })
      const [again] = results(runAction(ws, inputs))
      expect(again).toMatchObject({ status: 'unchanged', kind: 'copy', code: '' })
      expect(again.warnings).toEqual([expect.stringMatching(/cannot be listed.*EINVAL.*not verified/)])
      fs.rmSync(tree, { recursive: true })
    })
  })

  lab.test(
    "sshfs-seed: the probe counts follow_symlinks' EIO symlinks as made, and no hint names a kind it saw fail",
    ['sshfs-seed'],
    () => {
      const ws = lab.workspace('sshfs-seed', DATA)
      const [refused] = results(runAction(ws, { links: 'h -> data/x', type: 'hardlink' }))
      expect(refused).toMatchObject({ status: 'failed', code: 'EPERM', probe: { symlink: 'ok', hardlink: 'EPERM' } })
      for (const [kind, found] of Object.entries(refused.probe ?? {}))
        if (found !== 'ok') expect(refused.hint).not.toMatch(new RegExp(`\`(type|fallback): [^\`]*${kind}`))
      expect(refused.hint).toContain('`fallback: symlink`')
      const inputs = { links: 'h -> data/x', type: 'hardlink', fallback: 'symlink' }
      expect(results(runAction(ws, inputs))[0]).toMatchObject({ status: 'created', kind: 'symlink' })
      expect(fs.readlinkSync(lab.onServer('sshfs-seed', path.join(ws, 'h')))).toBe('data/x')
    }
  )

  lab.test(
    's3: a replaced symlink is read back at PATH after the rename; the stale text s3fs serves is a warning',
    ['s3'],
    () => {
      const ws = lab.workspace('s3', { ...DATA, 'data/y': 'y\n' })
      expect(results(runAction(ws, { links: 's -> data/x' }))[0]).toMatchObject({ status: 'created' })
      const [replaced] = results(runAction(ws, { links: 's -> data/y', overwrite: 'links' }))
      expect(replaced).toMatchObject({ status: 'replaced', kind: 'symlink' })
      expect(replaced.warnings).toEqual([
        expect.stringMatching(/reads back as 'data\/x', not 'data\/y'.*stat_cache_expire/)
      ])
      expect(fs.readFileSync(onServer(lab, 's3', path.join(ws, 's')), 'utf8')).toBe('data/y')
      expect(leftovers(ws)).toEqual([])
    }
  )

  lab.test(
    'EPERM from link() as root is not blamed on fs.protected_hardlinks: an immutable TARGET, and fallback: symlink works',
    ['tmpfs'],
    () => {
      const ws = lab.workspace('tmpfs', DATA)
      const target = path.join(ws, 'data/x')
      execFileSync('chattr', ['+i', target]) // Linux refuses hard links to immutable files, even to root
      try {
        const [refused] = results(runAction(ws, { links: 'h -> data/x', type: 'hardlink' }))
        expect(refused).toMatchObject({ status: 'failed', code: 'EPERM', syscall: 'link', filesystem: 'tmpfs' })
        expect(refused.message).not.toMatch(/protected_hardlinks/)
        expect(refused.hint).not.toMatch(/owner of TARGET/)
        expect(refused.message).toMatch(/immutable.*lsattr TARGET/)
        const fellBack = results(runAction(ws, { links: 'h -> data/x', type: 'hardlink', fallback: 'symlink' }))
        expect(fellBack[0]).toMatchObject({ status: 'created', kind: 'symlink' })
        expect(entryAt(path.join(ws, 'h'))).toBe('symlink -> data/x')
      } finally {
        execFileSync('chattr', ['-i', target])
      }
    }
  )

  describe.each(['bind', 'bindfs', 'overlay', 'fuse-overlayfs'])('%s', (mount) => {
    lab.test(
      'symlink and hard link created, unchanged on a re-run, replaced by overwrite: links',
      [mount],
      () => {
        const ws = lab.workspace(mount, { ...DATA, 'data/y': 'y\n' })
        const links = '- { path: s, target: data/x, type: symlink }\n- { path: h, target: data/x, type: hardlink }'
        const first = runAction(ws, { links })
        expect(results(first).map((r) => [r.status, r.kind])).toEqual([
          ['created', 'symlink'],
          ['created', 'hardlink']
        ])
        expect(fs.readlinkSync(onServer(lab, mount, path.join(ws, 's')))).toBe('data/x')
        expect(fs.statSync(onServer(lab, mount, path.join(ws, 'h'))).nlink).toBe(2)
        expect(results(runAction(ws, { links })).map((r) => r.status)).toEqual(['unchanged', 'unchanged'])

        const replaced = runAction(ws, { links: 's -> data/y', overwrite: 'links' })
        expect(results(replaced)[0]).toMatchObject({ status: 'replaced' })
        expect(entryAt(path.join(ws, 's'))).toBe('symlink -> data/y')
      },
      30_000
    )
  })
})
