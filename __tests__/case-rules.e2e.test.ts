// Case rules per volume, on real mounts of lab/lab.sh: `A` and `a` in one spec are one PATH on exFAT and FAT
// (through FUSE, as on a Linux runner with a stick or a card) and two links on ext4, whatever the OS's usual rule.
// The bundled action decides from the mount table; the read-only probe is run on the same mounts to show that it
// agrees (the action never probes a FUSE mount from its own process: it could hang). Writes stay a few small files:
// fusefat can spin after heavy truncating writes and block its mount.
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { probeCase } from '../src/case-rules.js'
import type { LinkResult } from '../src/model.js'
import { platformFor } from '../src/platform.js'
import { runAction } from './helpers/action.js'
import { describeLab, entryAt } from './helpers/lab.js'
import { itUnless } from './helpers/skip.js'

const DATA = { 'data/x': 'x\n' }
const SPEC = 'A -> data/x\na -> data/x'
const linux = platformFor('linux')
const CASEFOLD = '/sys/fs/ext4/features/casefold'
/** Measured here: mkfs.ext4 -O casefold works, but mount says "cannot be mounted without CONFIG_UNICODE". */
const NO_CASEFOLD = fs.existsSync(CASEFOLD)
  ? undefined
  : `this kernel cannot mount ext4 with casefold (no ${CASEFOLD}: built without CONFIG_UNICODE)`
/** The calls of the probe, on the real disk. */
const real = {
  readdir: (p: string) => fs.readdirSync(p),
  lstat: (p: string) => fs.lstatSync(p, { throwIfNoEntry: false })
}

describeLab('case rules per volume on real mounts (lab/lab.sh)', (lab) => {
  describe.each(['exfat', 'fat'])('%s', (mount) => {
    lab.test(
      'A and a are one PATH: the spec is refused at line 2, naming the mount, and nothing is made',
      [mount],
      () => {
        const ws = lab.workspace(mount, DATA)
        const run = runAction(ws, { links: SPEC, fallback: 'copy' })
        expect(run.status).toBe(1)
        const results = run.results as LinkResult[]
        expect(results.map((r) => [r.line, r.status, r.code])).toEqual([
          [1, 'skipped', 'ECANCELED'],
          [2, 'failed', 'SPEC']
        ])
        expect(results[1].message).toContain(lab.mount(mount).path)
        expect(fs.readdirSync(ws)).toEqual(['data'])
        expect(entryAt(path.join(ws, 'A'))).toBe('nothing')
      }
    )

    lab.test('the probe finds that the mount ignores case (read only)', [mount], () => {
      const ws = lab.workspace(mount, DATA)
      expect(probeCase(ws, real, linux)).toBe(true)
      expect(fs.readdirSync(ws)).toEqual(['data'])
    })
  })

  lab.test('ext4: A and a are two links, and both are made', ['ext4'], () => {
    const ws = lab.workspace('ext4', DATA)
    const run = runAction(ws, { links: SPEC })
    expect(run.status).toBe(0)
    expect((run.results as LinkResult[]).map((r) => [path.basename(r.path), r.status, r.filesystem])).toEqual([
      ['A', 'created', 'ext4'],
      ['a', 'created', 'ext4']
    ])
    expect(fs.readdirSync(ws).sort()).toEqual(['A', 'a', 'data'])
    expect([entryAt(path.join(ws, 'A')), entryAt(path.join(ws, 'a'))]).toEqual([
      'symlink -> data/x',
      'symlink -> data/x'
    ])
    expect(probeCase(ws, real, linux)).toBe(false)
  })

  // ext4 folds case per directory (chattr +F), which the mount table does not show: the volume reads as ext4, case
  // counts, and `a` then finds the link just made as `A` (same TARGET: unchanged). docs/platforms.md says so.
  itUnless(NO_CASEFOLD)('ext4 -O casefold, a directory flagged +F: not seen, so a finds the A just made', () => {
    const image = path.join(lab.dir, 'casefold.img')
    const at = path.join(lab.dir, 'mnt', 'casefold')
    fs.mkdirSync(at, { recursive: true })
    fs.writeFileSync(image, '')
    fs.truncateSync(image, 32 * 1024 * 1024)
    execFileSync('mkfs.ext4', ['-q', '-F', '-O', 'casefold', image])
    execFileSync('mount', ['-o', 'loop', image, at])
    try {
      const ws = path.join(at, 'ws')
      fs.mkdirSync(ws)
      execFileSync('chattr', ['+F', ws])
      fs.mkdirSync(path.join(ws, 'data'))
      fs.writeFileSync(path.join(ws, 'data/x'), 'x\n')
      const run = runAction(ws, { links: SPEC })
      expect((run.results as LinkResult[]).map((r) => r.status)).toEqual(['created', 'unchanged'])
      expect(fs.readdirSync(ws).sort()).toEqual(['A', 'data'])
      expect(probeCase(ws, real, linux)).toBe(true)
    } finally {
      execFileSync('umount', ['-d', at])
    }
  })
})
