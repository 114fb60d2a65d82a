// The shares CI jobs mount (lab/lab.sh: SMB through smbnetfs, WebDAV through davfs2, S3 through s3fs, rclone,
// bindfs, kernel bind mounts and both overlays), with the bundled action: each family is recognised on its real
// mount, each kind that fails names errno, filesystem and the fix, the fix works (checked on the server's side),
// and what works is created, then unchanged on a re-run, and replaced by `overwrite: links`.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { canHang, familyOf } from '../src/knowledge.js'
import type { LinkResult } from '../src/model.js'
import { createDetector } from '../src/mounts.js'
import { platformFor } from '../src/platform.js'
import { runAction } from './helpers/action.js'
import { describeLab, entryAt, type Lab } from './helpers/lab.js'

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

/** A file's content on the server once it got there: `--vfs-cache-mode writes` uploads 5 s after close (--vfs-write-back). */
async function uploaded(file: string): Promise<string | undefined> {
  for (let i = 0; i < 200 && !fs.existsSync(file); i++) await new Promise((done) => setTimeout(done, 50))
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
        expect(await uploaded(onServer(lab, mount, path.join(ws, 'l')))).toBe(CONTENT)
        expect(results(runAction(ws, inputs))[0]).toMatchObject({ status: 'unchanged', kind: 'copy' })
      }
    )
  })

  describe.each([
    { mount: 'webdav', words: /WebDAV/, copies: true },
    { mount: 'smb1', words: /SMB/, copies: true },
    { mount: 'smb3', words: /SMB/, copies: false } // Node's copyFile gives EIO there: phase 2 of issue 10
  ])('$mount', ({ mount, words, copies }) => {
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

    if (copies)
      lab.test('fallback: copy makes a copy the server holds', [mount], () => {
        const ws = lab.workspace(mount, DATA)
        const run = runAction(ws, { links: 'c -> data/x', type: 'hardlink', fallback: 'symlink, copy' })
        expect(results(run)[0]).toMatchObject({ status: 'created', kind: 'copy' })
        expect(fs.readFileSync(onServer(lab, mount, path.join(ws, 'c')), 'utf8')).toBe(CONTENT)
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
