// Adding a filesystem family is adding its row in families.ts and its knowledge rows: a scratch family, registered
// here and nowhere in src/, is detected from a recorded mount table, changes what the planner decides through a quirk
// flag, and gets its own message and fix when a link fails on it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { addFamily, canHang, familyOf, quirksOf, type Family } from '../src/families.js'
import { addRow, explain, isCapabilityFailure } from '../src/knowledge.js'
import type { FilesystemInfo } from '../src/model.js'
import { createDetector } from '../src/mounts.js'
import { planLink } from '../src/plan/index.js'
import { platformFor } from '../src/platform.js'
import { describePosix } from './helpers/action.js'
import { failedLink } from './helpers/failure.js'
import { context, dataWorkspace, requests } from './helpers/stage.js'

const linux = platformFor('linux')

/** A bare `fuse` mount as mountinfo writes it, and the daemon serving it as /proc/PID/cmdline gives it. */
const MOUNTINFO = '61 27 0:52 / /mnt/scratch rw,nosuid,nodev,relatime - fuse scratch@host:/srv rw,user_id=0,group_id=0'
const daemon = (...options: string[]): string[] => [
  '/usr/bin/scratchfs',
  'scratch@host:/srv',
  '/mnt/scratch',
  ...options
]

/** What the detector makes of the recorded mount, served by a daemon started with `options`. */
function detected(...options: string[]): FilesystemInfo {
  const detector = createDetector(linux, {
    mountTable: () => `${MOUNTINFO}\n`,
    processArgs: () => [daemon(...options)],
    blockDeviceType: () => undefined
  })
  return detector.forPath('/mnt/scratch/l')
}

let scratch: Family
const removals: (() => void)[] = []
beforeAll(() => {
  const added = addFamily('scratchfs', {
    types: /^fuse\.scratchfs$/,
    says: 'a scratch share',
    share: true,
    inodePerNameUnless: 'scratch_ino'
  })
  scratch = added.family
  removals.push(
    added.remove,
    addRow({
      codes: ['EPERM'],
      syscalls: ['link'],
      families: [scratch],
      capability: true,
      meaning: 'scratchfs keeps one file per name: it has no hard links.',
      hint: ['Add `fallback: symlink`.', 'Or mount with `-o scratch_links`.']
    })
  )
})
afterAll(() => removals.forEach((remove) => remove()))

describe('a family added as a row', () => {
  it('is detected: a bare fuse mount is named by its daemon, whose options are the mount’s', () => {
    const info = detected('-o', 'scratch_ino')
    expect(info).toMatchObject({ type: 'fuse.scratchfs', driver: 'fuse', mountPoint: '/mnt/scratch' })
    expect(info.options).toContain('scratch_ino')
    expect(familyOf(info.type)).toBe(scratch)
    expect(canHang(info)).toBe(true)
    expect(quirksOf(info)).toMatchObject({ misreports: true, hidesInodes: false })
    expect(quirksOf(detected())).toMatchObject({ hidesInodes: true })
  })

  it('is explained: the message names the family and the errno, the hint is its row’s fix', () => {
    const ctx = failedLink('EPERM', 'hardlink', '/mnt/scratch/l', detected(), linux)
    const { message, hint } = explain(ctx)
    expect(message).toContain('EPERM')
    expect(message).toContain('a scratch share')
    expect(message).toContain('no hard links')
    expect(hint).toContain('`fallback: symlink`')
    expect(hint).toContain('scratch_links')
    expect(isCapabilityFailure(ctx)).toBe(true)
  })
})

describePosix('a family added as a row, planned on', () => {
  let ws: string
  beforeAll(() => {
    ws = dataWorkspace()
    // A separate file that looks like data/x in all a mount hiding inodes shows: size, time, mode.
    fs.copyFileSync(path.join(ws, 'data/x'), path.join(ws, 'h'))
    const { mtime } = fs.statSync(path.join(ws, 'data/x'))
    fs.utimesSync(path.join(ws, 'h'), mtime, mtime)
  })
  afterAll(() => fs.rmSync(ws, { recursive: true, force: true }))

  const plan = (filesystem: FilesystemInfo) => {
    const [request] = requests('h -> data/x', ws, { type: 'hardlink' })
    return planLink(request, context(ws, {}, filesystem))
  }

  it('takes a look-alike for the hard link where its inode flag says names hide inodes, with a warning', () => {
    const p = plan(detected())
    expect(p).toMatchObject({ action: 'unchanged', kinds: ['hardlink'] })
    expect(p.warnings.join(' ')).toMatch(/cannot be verified/)
  })

  it('takes it for another file with the option that shows inodes, and on a FUSE mount with no such row', () => {
    expect(plan(detected('-o', 'scratch_ino')).action).toBe('fail')
    expect(plan({ ...detected(), type: 'fuse.otherfs' }).action).toBe('fail')
  })
})
